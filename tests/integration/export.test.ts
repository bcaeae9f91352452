/**
 * The conference report over HTTP, from a real server on a real database: the demo conference
 * after the day (both rounds played in every group, the last group still voting) exported in
 * every format, each file read back the way its reader would (the DOCX unzipped, the PDF's
 * text extracted, the CSV parsed), and the JSON archive imported into an empty installation
 * and exported again, byte for byte the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/domain/csv';
import {
	archiveJson,
	archiveLimits,
	archiveSchemaVersion,
	type ConferenceArchive
} from '$lib/domain/archive/schema';
import { buildReport, type ContentsEntry } from '$lib/domain/report/model';
import { fixedT } from '$lib/i18n';
import { listConferences } from '$lib/server/db/conferences';
import { reportSourceFromDb } from '$lib/server/report/source-from-db';
import { withApp } from './helpers/conference';
import { docxPart, docxParagraphs, flat, pdfDestinations, pdfText } from './helpers/export-files';
import { seedExport, type ExportSeed } from './helpers/export-seed';
import { TestServer } from './helpers/server';

/** What the stored conference holds, read before the server starts. */
interface Expected {
	title: string;
	/** The organisation above the title. */
	organisation: string;
	/** Participants who do not sign the report (the author and the introducer do). */
	names: string[];
	/** Participants named in the report's sign-off: printed even when names are left out. */
	signers: string[];
	rounds: { title: string; groups: { heading: string; leaders: string[]; notes: string[] }[] }[];
	/** Notes the groups revealed (the report shows no private note). */
	revealed: number;
	/** The report's contents in Norwegian, as the model lists them. */
	contents: ContentsEntry[];
}

let source: TestServer;
let target: TestServer;
let seed: ExportSeed;
let empty: ExportSeed;
let expected: Expected;
let scratch: string;

beforeAll(async () => {
	source = new TestServer();
	// The second installation has no Chromium: PDF must say so, in words.
	target = new TestServer({ env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
	seed = await seedExport(source.databasePath);
	empty = await seedExport(target.databasePath, { empty: true });
	expected = await withApp(source.databasePath, async (app) => {
		const report = (await reportSourceFromDb(app, seed.conferenceId!))!;
		const name = new Map(report.participants.map((p) => [p.id, p.name]));
		let revealed = 0;
		const signoff = `${report.conference.author}\n${report.conference.introductionBy}`;
		const names = report.participants.map((p) => p.name);
		return {
			title: report.conference.title,
			organisation: report.conference.organisation,
			names: names.filter((n) => !signoff.includes(n)),
			signers: names.filter((n) => signoff.includes(n)),
			rounds: report.rounds.map((round) => ({
				title: round.title,
				groups: round.groups.map((group, g) => {
					const notes = group.session!.questions.flatMap((q) =>
						q.notes.filter((n) => n.revealIndex !== null).map((n) => n.text)
					);
					revealed += notes.length;
					return {
						heading: `Gruppe ${g + 1}: ${group.name}`,
						leaders: group.leaderIds.map((id) => name.get(id)!),
						notes
					};
				})
			})),
			revealed,
			contents: buildReport(report, {}, fixedT).contents
		};
	});
	scratch = mkdtempSync(join(tmpdir(), 'samrad-export-'));
	await Promise.all([source.start(), target.start()]);
}, 120_000);

afterAll(async () => {
	await Promise.all([source?.dispose(), target?.dispose()]);
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function exportUrl(server: TestServer, conferenceId: string, path: string, query = ''): string {
	return `${server.url}/organiser/conferences/${conferenceId}/export/${path}?${query}`;
}

async function download(
	query: string,
	{ server = source, conferenceId = seed.conferenceId!, cookie = seed.organiserCookie } = {}
): Promise<Response> {
	return fetch(exportUrl(server, conferenceId, 'download', query), {
		headers: { cookie },
		redirect: 'manual'
	});
}

async function ok(response: Response): Promise<Response> {
	if (response.status !== 200) {
		throw new Error(`${response.status} ${response.url}: ${(await response.text()).slice(0, 500)}`);
	}
	return response;
}

const bytes = async (response: Response) =>
	new Uint8Array(await (await ok(response)).arrayBuffer());
const everyNote = () => expected.rounds.flatMap((r) => r.groups.flatMap((g) => g.notes));
const everyHeading = () => expected.rounds.flatMap((r) => r.groups.map((g) => g.heading));
const everyLeader = () => expected.rounds.flatMap((r) => r.groups.flatMap((g) => g.leaders));
const attachment = (name: string) =>
	`attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const oslo = 'tz=Europe%2FOslo';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const questionsOf = (archive: ConferenceArchive) =>
	archive.rounds.flatMap((r) => r.groups.flatMap((g) => g.session?.questions ?? []));
const withheldBallots = (text: string) =>
	questionsOf(JSON.parse(text) as ConferenceArchive).reduce((n, q) => n + q.withheld.ballots, 0);
/** The archive as its copy exports it: the copy holds nothing withheld, so it counts none. */
function nothingWithheld(text: string): string {
	const archive = JSON.parse(text) as ConferenceArchive;
	for (const q of questionsOf(archive)) q.withheld = { notes: 0, ballots: 0 };
	return archiveJson(archive);
}

describe('exporting the conference report over HTTP', () => {
	it('is for signed-in organisers only', async () => {
		const anonymous = await download('format=html', { cookie: '' });
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toMatch(/^\/organiser\/login\?next=/);
		const preview = await fetch(exportUrl(source, seed.conferenceId!, 'preview'), {
			redirect: 'manual'
		});
		expect(preview.status).toBe(303);
		expect((await download('format=html', { conferenceId: 'no-such-conference' })).status).toBe(
			404
		);
	});

	it('HTML: the whole report, print-ready, sandboxed, named after the conference', async () => {
		const response = await ok(await download(`format=html&lang=nb&${oslo}`));
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(attachment(`${expected.title}.html`));
		expect(response.headers.get('cache-control')).toContain('no-store');
		const csp = response.headers.get('content-security-policy')!;
		expect(csp).toContain("default-src 'none'");
		expect(csp).toContain('sandbox');
		// Long words carry soft hyphens for the printer; the text is the same without them.
		const html = (await response.text()).replaceAll('\u00AD', '');
		expect(html).toContain('<html lang="nb-NO">');
		expect(html).not.toMatch(/<script/i);
		for (const heading of ['Innhold', 'Program', 'Deltakere', 'Språkhjelp', ...everyHeading()]) {
			expect(html).toContain(heading);
		}
		for (const round of expected.rounds) expect(html).toContain(round.title);
		for (const note of everyNote()) expect(html).toContain(note);
		for (const name of [...expected.names, ...expected.signers]) expect(html).toContain(name);
		// The last group was still voting when the report was made.
		expect(html).toContain('Avstemningen var ikke avsluttet');
		// Four pages of glossary do not stand before the results: they close the report.
		expect(html.indexOf('<h2>Vedlegg: Språkhjelp</h2>')).toBeGreaterThan(
			html.indexOf('<h2>Oppsummering i plenum</h2>')
		);
		expect(html.indexOf('<h2>Oppsummering i plenum</h2>')).toBeGreaterThan(0);
	});

	it('the language help goes in an appendix, before the group work, or is left out, as chosen', async () => {
		const front = await (await ok(await download(`format=html&lang=nb&glossary=front`))).text();
		expect(front.indexOf('<h2>Språkhjelp</h2>')).toBeGreaterThan(0);
		expect(front.indexOf('<h2>Språkhjelp</h2>')).toBeLessThan(
			front.indexOf(`<h2>${expected.rounds[0]!.title}</h2>`)
		);
		for (const format of ['html', 'markdown', 'docx']) {
			const file = await bytes(await download(`format=${format}&lang=nb&glossary=omit`));
			const text =
				format === 'docx'
					? docxParagraphs(file)
							.map((p) => p.text)
							.join('\n')
					: new TextDecoder().decode(file);
			expect(text, format).not.toContain('Språkhjelp');
			expect(text, format).toContain(expected.rounds[0]!.title);
		}
	});

	it('the preview may be framed by this site only, and follows the choices', async () => {
		const response = await ok(
			await fetch(exportUrl(source, seed.conferenceId!, 'preview', `lang=en&names=0&${oslo}`), {
				headers: { cookie: seed.organiserCookie }
			})
		);
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
		expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		expect(response.headers.get('content-disposition')).toBeNull();
		const html = await response.text();
		expect(html).toContain('<h2 id="contents-heading">Contents</h2>');
		expect(html).toContain('Names are left out of this edition of the report.');
		for (const name of expected.names) expect(html).not.toContain(name);
		// The author and the introducer sign the report: named on purpose.
		expect(expected.signers.length).toBeGreaterThan(0);
		for (const name of expected.signers) expect(html).toContain(name);
		// Group names Samråd makes up follow the language of the headings.
		expect(html).toContain('Group 1: Workers');
		expect(html).toContain('Iceland');
	});

	it('PDF: an A4 document whose text holds the headings, the leaders and the notes', async () => {
		const response = await download(`format=pdf&lang=nb&${oslo}`);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toBe(attachment(`${expected.title}.pdf`));
		const pdf = await bytes(response);
		expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
		const { text, pages } = await pdfText(pdf, scratch);
		const words = flat(text);
		expect(pages).toBeGreaterThan(10);
		// The title page sets its label in capitals.
		expect(words).toContain('KONFERANSERAPPORT');
		for (const heading of ['Innhold', 'Språkhjelp', ...everyHeading()]) {
			expect(words).toContain(heading);
		}
		for (const leader of everyLeader()) expect(words).toContain(leader);
		for (const note of everyNote()) expect(words).toContain(flat(note));
		expect(words).toContain(`Side ${pages}`);

		// The contents give each chapter's and group's page: the page Chromium put it on.
		const destinations = await pdfDestinations(pdf, scratch);
		const pageTexts = text.split('\f').map(flat);
		const contentsPage = pageTexts[1]!;
		expect(contentsPage).toContain('Innhold');
		let previous = 0;
		// Each round has a chapter "På tvers av gruppene": every entry is looked for after the last.
		let from = 0;
		for (const entry of expected.contents) {
			const listed = new RegExp(`${escapeRegExp(flat(entry.title))} (\\d+)`).exec(
				contentsPage.slice(from)
			);
			expect(listed, `"${entry.title}" with a page number in the contents`).not.toBeNull();
			from += listed!.index + listed![0].length;
			const page = Number(listed![1]);
			expect(page, entry.title).toBe(destinations.get(entry.anchor));
			expect(pageTexts[page - 1], entry.title).toContain(flat(entry.title));
			expect(pageTexts[page - 1], entry.title).toContain(`Side ${page}`);
			expect(page).toBeGreaterThanOrEqual(previous);
			previous = page;
		}
		// The appendix is the last chapter.
		expect(expected.contents.at(-1)!.title).toBe('Vedlegg: Språkhjelp');
	}, 60_000);

	it('DOCX: a Word file with the report’s headings as heading styles and every note', async () => {
		const response = await download(`format=docx&lang=nb&${oslo}`);
		expect(response.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
		expect(response.headers.get('content-disposition')).toBe(attachment(`${expected.title}.docx`));
		const docx = await bytes(response);
		// Word spell-checks and reads aloud in the report's language.
		expect(docxPart(docx, 'word/styles.xml')).toMatch(
			/<w:docDefaults>.*<w:rPrDefault>.*<w:lang w:val="nb-NO"/s
		);
		const paragraphs = docxParagraphs(docx);
		const styled = (style: string) =>
			paragraphs.filter((p) => p.style === style).map((p) => p.text);
		expect(styled('Title')).toEqual([expected.title]);
		expect(styled('Heading1')).toEqual(
			expect.arrayContaining([
				'Program',
				'Deltakere',
				'Vedlegg: Språkhjelp',
				...expected.rounds.map((r) => r.title)
			])
		);
		// After each round's groups, its chapter across the groups.
		const across = 'På tvers av gruppene';
		expect(styled('Heading2').filter((text) => text !== across)).toEqual(everyHeading());
		expect(styled('Heading2').filter((text) => text === across)).toHaveLength(
			expected.rounds.length
		);
		const body = paragraphs.map((p) => p.text);
		for (const note of everyNote()) expect(body.some((text) => text.includes(note))).toBe(true);
		for (const leader of everyLeader()) expect(body.join('\n')).toContain(leader);
	});

	it('Markdown: headings, names and notes as plain text', async () => {
		const response = await ok(await download(`format=markdown&lang=nb&${oslo}`));
		expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(attachment(`${expected.title}.md`));
		const markdown = await response.text();
		expect(markdown.startsWith(`**${expected.organisation}**\n\n# `)).toBe(true);
		for (const heading of everyHeading()) expect(markdown).toContain(heading);
		for (const round of expected.rounds)
			expect(markdown).toMatch(new RegExp(`^## ${round.title}`, 'm'));
		for (const note of everyNote()) expect(markdown).toContain(note);
	});

	it('CSV: one row per revealed note, with points for the prioritised ones', async () => {
		const response = await ok(await download(`format=csv&lang=nb&${oslo}`));
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(attachment(`${expected.title}.csv`));
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
			new Uint8Array(await response.arrayBuffer())
		);
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const parsed = parseCsv(text);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
		const [header, ...rows] = parsed.table.rows.filter((r) => r.some((c) => c !== ''));
		expect(parsed.table.delimiter).toBe(';');
		expect(header).toEqual([
			'Runde',
			'Gruppe',
			'Spørsmål',
			'Overskrift',
			'Tekst',
			'Plass',
			'Poeng',
			'Stemmer',
			'Skrevet av',
			'Gruppens lapp',
			'Underoverskrift',
			'Tema'
		]);
		expect(rows).toHaveLength(expected.revealed);
		expect(rows.map((r) => r[4]).sort()).toEqual(everyNote().sort());
		expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(everyHeading()));
		const prioritised = rows.filter((r) => r[6] !== '');
		expect(prioritised.length).toBeGreaterThan(expected.rounds.length);
		for (const row of prioritised) {
			expect(Number(row[5])).toBeGreaterThanOrEqual(1);
			expect(Number(row[6])).toBeGreaterThan(0);
			expect(Number(row[7])).toBeGreaterThan(0);
		}
		// Anonymous sessions: nobody is named as a note's author.
		expect(rows.every((r) => r[8] === '')).toBe(true);
	});

	it('JSON: imported into an empty installation, it exports to the same bytes (what it withheld stays withheld)', async () => {
		const response = await ok(await download('format=json'));
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			attachment(`${expected.title}.samrad.json`)
		);
		const archive = await response.text();
		expect(JSON.parse(archive)).toMatchObject({
			format: 'samrad.conference',
			schemaVersion: archiveSchemaVersion
		});
		// The last group is still voting: its ballots are counted, not carried.
		expect(withheldBallots(archive)).toBeGreaterThan(0);

		expect(await withApp(target.databasePath, (app) => listConferences(app.db))).toHaveLength(0);
		const imported = await upload(new TextEncoder().encode(archive));
		expect(imported.status).toBe(303);
		const location = imported.headers.get('location')!;
		const copyId = /^\/organiser\/conferences\/([A-Za-z0-9_-]+)$/.exec(location)![1]!;
		expect(copyId).not.toBe(seed.conferenceId);

		const again = await ok(
			await download('format=json', {
				server: target,
				conferenceId: copyId,
				cookie: empty.organiserCookie
			})
		);
		const copy = await again.text();
		expect(withheldBallots(copy)).toBe(0);
		expect(copy).toBe(nothingWithheld(archive));
	});

	it('says in the organiser’s language that PDF needs Chromium where it is missing', async () => {
		const conferenceId = (await withApp(target.databasePath, (app) => listConferences(app.db)))[0]!
			.id;
		for (const [lang, words] of [
			['en', 'PDF cannot be made on this server because Chromium is not installed.'],
			['nb', 'PDF kan ikke lages på denne serveren fordi Chromium ikke er installert.']
		] as const) {
			const response = await download('format=pdf', {
				server: target,
				conferenceId,
				cookie: `${empty.organiserCookie}; lang=${lang}`
			});
			expect(response.status).toBe(503);
			expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
			const page = await response.text();
			expect(page).toContain(words);
			expect(page).toContain(`href="/organiser/conferences/${conferenceId}/export"`);
		}
		// Everything else still works there.
		expect(
			(
				await download('format=docx', {
					server: target,
					conferenceId,
					cookie: empty.organiserCookie
				})
			).status
		).toBe(200);
	});
});

/** Posts a file to the import page as a browser form would (no JavaScript). */
async function upload(
	file: Uint8Array<ArrayBuffer>,
	name = 'archive.json',
	lang = 'en'
): Promise<Response> {
	const body = new FormData();
	body.append('file', new Blob([file], { type: 'application/json' }), name);
	return fetch(`${target.url}/organiser/import`, {
		method: 'POST',
		body,
		// A browser's form post: SvelteKit answers fetch-style requests with JSON instead.
		headers: {
			cookie: `${empty.organiserCookie}; lang=${lang}`,
			origin: target.url,
			accept: 'text/html'
		},
		redirect: 'manual'
	});
}

describe('importing an archive over HTTP', () => {
	const conferences = () => withApp(target.databasePath, (app) => listConferences(app.db).length);

	it('refuses files that are not archives, saying why, and imports nothing', async () => {
		const before = await conferences();
		const notArchive = await upload(new TextEncoder().encode('{"title": "Nordisk dialog"}'));
		expect(notArchive.status).toBe(422);
		expect(await notArchive.text()).toContain('This JSON file is not a Samråd conference archive.');

		const broken = await upload(
			new TextEncoder().encode('{"format": "samrad.conference",'),
			'x.json',
			'sv'
		);
		expect(broken.status).toBe(422);
		expect(await broken.text()).toContain('Det här är inte en JSON-fil, eller så är filen skadad.');

		const archive = JSON.parse(await (await ok(await download('format=json'))).text());
		archive.participants[0].country = 'Atlantis';
		const invalid = await upload(new TextEncoder().encode(JSON.stringify(archive)));
		expect(invalid.status).toBe(422);
		const page = await invalid.text();
		expect(page).toContain('The archive has 1 problem:');
		expect(page).toContain('participants[0].country has a value that is not allowed');
		expect(page).toContain('Nothing was imported.');
		expect(await conferences()).toBe(before);
	});

	it('refuses files over the size limit, however they arrive', async () => {
		const before = await conferences();
		// Just over the limit: read, measured and refused.
		const over = await upload(new Uint8Array(archiveLimits.maxBytes + 1));
		expect(over.status).toBe(413);
		expect(await over.text()).toMatch(/The file is 20(\.0)? MB, and the limit is 20 MB\./);
		// Far over: refused before it is read, with the same words.
		const far = await upload(new Uint8Array(25 * 1024 * 1024));
		expect(far.status).toBe(413);
		expect(await far.text()).toMatch(/The file is 25(\.0)? MB, and the limit is 20 MB\./);
		expect(await conferences()).toBe(before);
	}, 60_000);
});
