/**
 * A stand-alone workshop's report over HTTP, from its console link: a real server on a real
 * database, the workshop played through the session service (phones joined, notes revealed
 * turn by turn, a heading, three ballots), each file read back the way its reader would. The
 * console link is the only key: other links, made-up ones and a conference group's console
 * get nothing, and PDF prints (each starts a Chromium) are limited per console link.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/domain/csv';
import type { QuestionSpec } from '$lib/domain/report/session-builder';
import type { SessionAccess } from '$lib/server/db/sessions';
import { seedPlayedWorkshop } from '$lib/server/report/test-workshop';
import { seedConference, withApp } from './helpers/conference';
import { docxPart, docxParagraphs, flat, pdfFonts, pdfText } from './helpers/export-files';
import { TestServer } from './helpers/server';

const title = 'Verksted om arbeidsinkludering';
const people = [
	{ id: 'p1', name: 'Åse Nordmann' },
	{ id: 'p2', name: 'Jón Sigurðsson' },
	{ id: 'p3', name: 'Liisa Virtanen' }
];
const questions: QuestionSpec[] = [
	{
		text: 'Hva hindrer arbeidsinkludering?',
		notes: [
			['p1', 'For mye papirarbeid'],
			['p2', 'Skjemaer som ingen forstår'],
			['p3', 'Feiring når noen får jobb 🎉'],
			['p1', 'Lang ventetid hos NAV'],
			['p2', 'Arbeidsgivere vet ikke hvem de skal ringe']
		],
		clusters: [{ heading: 'BYRÅKRATI', notes: [0, 1] }],
		ballots: [
			{ voter: 'p1', ranking: ['c0', 'n3', 'n2'] },
			{ voter: 'p2', ranking: ['c0', 'n4', 'n3'] },
			{ voter: 'p3', ranking: ['n2', 'c0', 'n4'] }
		]
	},
	// Talked through, never voted on.
	{
		text: 'Hva kan vi gjøre neste uke?',
		notes: [
			['p3', 'Ringe tre arbeidsgivere'],
			['p1', 'Lage en enkel brosjyre']
		],
		stopAt: 'clarify'
	},
	// Written, never revealed: private to its author.
	{ text: 'Hva bekymrer deg?', notes: [['p2', 'Hemmelig bekymring']], stopAt: 'write' },
	// Never started.
	{ text: 'Hva har vi glemt?', stopAt: 'lobby' }
];
const reflection =
	'Gruppen var engasjert og ga hverandre tid.\n\n- Mer tid til avstemningen neste gang';
const revealed = questions.slice(0, 2).flatMap((q) => (q.notes ?? []).map(([, text]) => text));

let server: TestServer;
let workshop: SessionAccess;
let other: SessionAccess;
let groupConsoleToken: string;
let scratch: string;

beforeAll(async () => {
	server = new TestServer();
	const conference = await seedConference(server.databasePath);
	groupConsoleToken = conference.groups[0]!.facilitatorToken;
	[workshop, other] = await withApp(server.databasePath, async (app) => [
		await seedPlayedWorkshop(app, {
			title,
			language: 'nb',
			topN: 3,
			people,
			questions,
			reflection
		}),
		await seedPlayedWorkshop(app, {
			title: 'Second workshop',
			language: 'en',
			people: people.slice(0, 1),
			questions: [{ text: 'What next?', notes: [['p1', 'Coffee']], stopAt: 'clarify' }]
		})
	]);
	scratch = mkdtempSync(join(tmpdir(), 'samrad-workshop-'));
	await server.start();
}, 120_000);

afterAll(async () => {
	await server?.dispose();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function report(token: string, query: string, cookie = ''): Promise<Response> {
	return fetch(`${server.url}/console/${token}/report?${query}`, {
		headers: cookie ? { cookie } : {},
		redirect: 'manual'
	});
}

async function ok(response: Response): Promise<Response> {
	if (response.status !== 200) {
		throw new Error(`${response.status} ${response.url}: ${(await response.text()).slice(0, 500)}`);
	}
	return response;
}

const attachment = (name: string) =>
	`attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const oslo = 'tz=Europe%2FOslo';
const today = () =>
	new Intl.DateTimeFormat('nb-NO', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Oslo'
	}).format(new Date());

describe("a stand-alone workshop's report from its console", () => {
	it('HTML: title, date, the questions that ran, priorities with points, other notes, reflection', async () => {
		const response = await ok(await report(workshop.facilitatorToken, `format=html&${oslo}`));
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(attachment(`${title}.html`));
		expect(response.headers.get('cache-control')).toContain('no-store');
		expect(response.headers.get('content-security-policy')).toContain('sandbox');
		// Long words carry soft hyphens for print; the words are compared without them.
		const html = (await response.text()).replaceAll('\u00AD', '');
		expect(html).toContain('<html lang="nb-NO">');
		expect(html).not.toMatch(/<script/i);
		expect(html).toContain('Verkstedrapport');
		expect(html).toContain(title);
		expect(html).toContain(today());
		expect(html).toContain('a) Hva hindrer arbeidsinkludering?');
		expect(html).toContain('b) Hva kan vi gjøre neste uke?');
		// The question that never started leaves no heading behind.
		expect(html).not.toContain('Hva har vi glemt?');
		for (const note of revealed) expect(html).toContain(note);
		expect(html).not.toContain('Hemmelig bekymring');
		expect(html).toContain('BYRÅKRATI');
		expect(html).toContain('3 deltakere stemte.');
		expect(html).toContain('Gruppen stemte ikke over dette spørsmålet.');
		expect(html).toContain('Gruppen var engasjert og ga hverandre tid.');
		// Names are printed by default, the anonymous notes still without authors.
		for (const person of people) expect(html).toContain(person.name);
	});

	it('Markdown and CSV: every revealed note, the prioritised ones with points', async () => {
		const markdown = await (
			await ok(await report(workshop.facilitatorToken, `format=markdown&${oslo}`))
		).text();
		expect(markdown).toContain(`# ${title}`);
		for (const note of revealed) expect(markdown).toContain(note);
		expect(markdown).not.toContain('Hemmelig bekymring');

		const response = await ok(await report(workshop.facilitatorToken, `format=csv&${oslo}`));
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(attachment(`${title}.csv`));
		const parsed = parseCsv(await response.text());
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
		const [header, ...rows] = parsed.table.rows.filter((r) => r.some((c) => c !== ''));
		expect(header).toEqual([
			'Spørsmål',
			'Overskrift',
			'Tekst',
			'Plass',
			'Poeng',
			'Stemmer',
			'Skrevet av',
			'Gruppens lapp',
			'Underoverskrift'
		]);
		expect(rows.map((r) => r[2]).sort()).toEqual([...revealed].sort());
		const byText = new Map(rows.map((r) => [r[2], r]));
		// BYRÅKRATI: first, first and second choice of three, with three points for a first.
		const bureaucracy = byText.get('For mye papirarbeid')!;
		expect(bureaucracy[1]).toBe('BYRÅKRATI');
		expect(bureaucracy.slice(3, 6)).toEqual(['1', '8', '3']);
		expect(byText.get('Ringe tre arbeidsgivere')!.slice(3, 6)).toEqual(['', '', '']);
	});

	it('DOCX: the document language is set, and every note is there', async () => {
		const response = await ok(await report(workshop.facilitatorToken, `format=docx&${oslo}`));
		expect(response.headers.get('content-disposition')).toBe(attachment(`${title}.docx`));
		const docx = new Uint8Array(await response.arrayBuffer());
		expect(docxPart(docx, 'word/styles.xml')).toMatch(/<w:lang w:val="nb-NO"/);
		const paragraphs = docxParagraphs(docx);
		expect(paragraphs.filter((p) => p.style === 'Title').map((p) => p.text)).toEqual([title]);
		const body = paragraphs.map((p) => p.text).join('\n');
		for (const note of revealed) expect(body).toContain(note);
	});

	it('PDF: prints the emoji with a colour emoji font; at most three per minute per console link', async () => {
		const first = await ok(await report(workshop.facilitatorToken, `format=pdf&${oslo}`));
		expect(first.headers.get('content-type')).toBe('application/pdf');
		expect(first.headers.get('content-disposition')).toBe(attachment(`${title}.pdf`));
		const pdf = new Uint8Array(await first.arrayBuffer());
		const { text } = await pdfText(pdf, scratch);
		for (const note of revealed) expect(flat(text)).toContain(flat(note));
		// Chromium embeds colour emoji (Noto Color Emoji) as an unnamed Type 3 font, and no other
		// text of the report: without the font, 🎉 is a box in the text font and there is none.
		const fonts = await pdfFonts(pdf, scratch);
		expect(fonts, JSON.stringify(fonts)).toContainEqual({ name: '[none]', type: 'Type 3' });

		for (let i = 0; i < 2; i++) {
			await ok(await report(workshop.facilitatorToken, `format=pdf&${oslo}`));
		}
		const limited = await report(workshop.facilitatorToken, `format=pdf&${oslo}`, 'lang=sv');
		expect(limited.status).toBe(429);
		const seconds = Number(limited.headers.get('retry-after'));
		expect(seconds).toBeGreaterThan(0);
		expect(seconds).toBeLessThanOrEqual(60);
		const page = await limited.text();
		expect(page).toContain(
			`Länken till kontrollpanelen har gjort 3 PDF-filer under den senaste minuten, vilket är gränsen. Vänta ${seconds} s och försök igen, eller ladda ner ett annat format.`
		);
		expect(page).toContain(`href="/console/${workshop.facilitatorToken}"`);
		// Other formats from the same link, and PDFs from another console link, still work.
		await ok(await report(workshop.facilitatorToken, 'format=html'));
		await ok(await report(other.facilitatorToken, 'format=pdf'));
	}, 120_000);

	it('is not found from any other link, a made-up one, or a conference group’s console', async () => {
		for (const token of [
			workshop.screenToken,
			workshop.joinCode,
			workshop.id,
			'no-such-console-link-aaaaaaaaaaaa',
			groupConsoleToken
		]) {
			for (const format of ['html', 'csv']) {
				const response = await report(token, `format=${format}`);
				expect(response.status, `${token} ${format}`).toBe(404);
				const body = await response.text();
				for (const note of revealed) expect(body).not.toContain(note);
			}
		}
	});
});
