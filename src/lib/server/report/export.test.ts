import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArchive } from '$lib/domain/archive/read';
import { possessive } from '$lib/domain/report/model';
import { setLogLevel } from '../log';
import { exportFile, localDay, readChoices, type ExportChoices, type ExportFile } from './export';
import { ChromiumMissingError } from './pdf';
import { seedPlayedDemo, tempApp } from './test-conference';
import { demoLongNote, demoOneListGroup } from '../demo-content';

const run = promisify(execFile);

describe('readChoices', () => {
	it('reads the export form, with defaults for what is missing or unknown', () => {
		expect(readChoices(new URLSearchParams(''))).toEqual({
			format: 'html',
			language: null,
			includeNames: true,
			includeUnvotedNotes: true,
			includeReflections: true,
			glossary: 'appendix',
			timeZone: null
		});
		const params = new URLSearchParams(
			'format=pdf&lang=is&names=0&unvoted=0&unvoted=1&reflections=0&glossary=omit&tz=Atlantic%2FReykjavik'
		);
		expect(readChoices(params)).toEqual({
			format: 'pdf',
			language: 'is',
			includeNames: false,
			includeUnvotedNotes: true,
			includeReflections: false,
			glossary: 'omit',
			timeZone: 'Atlantic/Reykjavik'
		});
		expect(readChoices(new URLSearchParams('format=exe&lang=de')).format).toBe('html');
		expect(readChoices(new URLSearchParams('lang=de')).language).toBeNull();
		expect(readChoices(new URLSearchParams('glossary=top')).glossary).toBe('appendix');
	});
});

describe('localDay', () => {
	// 00:30 in Oslo on 10 January is still 9 January in UTC and in Reykjavik.
	const night = new Date(Date.UTC(2026, 0, 9, 23, 30));

	it('dates the report with the organiser’s day, whatever the hour', () => {
		expect(localDay(night, 'Europe/Oslo')).toBe('2026-01-10');
		expect(localDay(night, 'Europe/Helsinki')).toBe('2026-01-10');
		expect(localDay(night, 'Atlantic/Reykjavik')).toBe('2026-01-09');
		expect(localDay(new Date(Date.UTC(2026, 6, 1, 12)), 'Europe/Stockholm')).toBe('2026-07-01');
	});

	it('uses the server’s own day for an unknown zone', () => {
		const own = `${night.getFullYear()}-${String(night.getMonth() + 1).padStart(2, '0')}-${String(night.getDate()).padStart(2, '0')}`;
		expect(localDay(night, 'Mars/Olympus_Mons')).toBe(own);
		expect(localDay(night, null)).toBe(own);
	});
});

describe('exportFile', () => {
	let db: Awaited<ReturnType<typeof tempApp>>;
	let conferenceId: string;
	const choices = (overrides: Partial<ExportChoices>): ExportChoices => ({
		...readChoices(new URLSearchParams('')),
		...overrides
	});

	beforeAll(async () => {
		setLogLevel('silent');
		db = await tempApp('samrad-export');
		conferenceId = (await seedPlayedDemo(db.app)).id;
	});

	afterAll(() => db.close());

	it('exports a conference just created, with nothing in it yet, in every format', async () => {
		const created = await db.app.conferences.create({
			title: 'Tom konferanse',
			subtitle: '',
			venue: '',
			startDate: '',
			endDate: '',
			about: '',
			introduction: '',
			organisation: '',
			author: '',
			introductionBy: '',
			language: 'sv',
			languages: ['sv']
		});
		if (!created.ok) throw new Error(created.error.code);
		for (const format of ['html', 'pdf', 'docx', 'markdown', 'csv', 'json'] as const) {
			const file = await exportFile(db.app, created.value.id, choices({ format }));
			expect(file!.body.length, format).toBeGreaterThan(0);
		}
		const archive = await exportFile(db.app, created.value.id, choices({ format: 'json' }));
		expect(readArchive(archive!.body as string).ok).toBe(true);
		// A PDF is printed twice (the second time with the contents' page numbers).
	}, 30_000);

	it('prints PDFs one after another; one that fails does not hold up the next', async () => {
		const pdf = choices({ format: 'pdf' });
		const [missing, first, second] = await Promise.allSettled([
			exportFile(db.app, conferenceId, pdf, { pdf: { executablePath: '/nonexistent/chromium' } }),
			exportFile(db.app, conferenceId, pdf),
			exportFile(db.app, conferenceId, pdf)
		]);
		expect(missing.status).toBe('rejected');
		expect((missing as PromiseRejectedResult).reason).toBeInstanceOf(ChromiumMissingError);
		for (const result of [first, second]) {
			expect(result.status).toBe('fulfilled');
			const body = (result as PromiseFulfilledResult<ExportFile>).value.body as Uint8Array;
			expect(new TextDecoder().decode(body.slice(0, 5))).toBe('%PDF-');
		}
	}, 60_000);

	it('answers null for a conference that does not exist', async () => {
		expect(await exportFile(db.app, 'nope', choices({ format: 'markdown' }))).toBeNull();
		expect(await exportFile(db.app, 'nope', choices({ format: 'json' }))).toBeNull();
	});

	it('names each format’s file after the conference and gives its content type', async () => {
		const expected = {
			html: ['text/html; charset=utf-8', '.html'],
			docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx'],
			markdown: ['text/markdown; charset=utf-8', '.md'],
			csv: ['text/csv; charset=utf-8', '.csv'],
			json: ['application/json; charset=utf-8', '.samrad.json']
		} as const;
		for (const [format, [type, extension]] of Object.entries(expected)) {
			const file = (await exportFile(db.app, conferenceId, choices({ format: format as 'html' })))!;
			expect(file.contentType).toBe(type);
			expect(file.disposition).toBe(
				`attachment; filename="Nordisk dialog om supported employment${extension}"; filename*=UTF-8''Nordisk%20dialog%20om%20supported%20employment${extension}`
			);
		}
	});

	it('dates the report in the organiser’s time zone and language', async () => {
		const night = new Date(Date.UTC(2026, 0, 9, 23, 30));
		const oslo = await exportFile(
			db.app,
			conferenceId,
			choices({ format: 'markdown', timeZone: 'Europe/Oslo', language: 'en' }),
			{ now: night }
		);
		expect(oslo!.body).toContain('Compiled 10 January 2026');
		const reykjavik = await exportFile(
			db.app,
			conferenceId,
			choices({ format: 'markdown', timeZone: 'Atlantic/Reykjavik', language: 'is' }),
			{ now: night }
		);
		expect(reykjavik!.body).toContain('9. janúar 2026');
	});

	it('the played demo shows two reflections under their authors’ names, one from a member’s phone, a discussion and a group’s note of over 1,000 characters, in HTML, PDF, DOCX and Markdown', async () => {
		const round = (await db.app.conferences.rounds(conferenceId))[0]!;
		const group = (await db.app.conferences.roundDetail(conferenceId, round.id, 'nb'))!.groups[0]!;
		const state = (await db.app.sessions.get(group.sessionId!))!.state;
		const [leader, member] = state.reflections!;
		expect(member!.byAuthor).toBe(true);
		const nameOf = (id: string) => state.participants.find((p) => p.id === id)!.name;
		const wanted = [
			`${possessive(nameOf(leader!.authorId), 'nb')} refleksjon`,
			`${possessive(nameOf(member!.authorId), 'nb')} refleksjon`,
			'Det som overrasket meg mest',
			'å bli sett som en vanlig kollega',
			'Gruppens diskusjon',
			'aldri en merkelapp på arbeidstakeren',
			// The long note, whole: its first and last words.
			demoLongNote.slice(0, 60),
			demoLongNote.slice(-60)
		];
		expect([...demoLongNote].length).toBeGreaterThan(1000);
		const texts: Record<string, string> = {};
		for (const format of ['html', 'markdown'] as const) {
			texts[format] = String((await exportFile(db.app, conferenceId, choices({ format })))!.body);
		}
		const docx = (await exportFile(db.app, conferenceId, choices({ format: 'docx' })))!;
		const xml = strFromU8(unzipSync(docx.body as Uint8Array)['word/document.xml']!);
		texts.docx = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
		const pdf = (await exportFile(db.app, conferenceId, choices({ format: 'pdf' })))!;
		const dir = await mkdtemp(join(tmpdir(), 'samrad-reflections-'));
		try {
			await writeFile(join(dir, 'report.pdf'), pdf.body as Uint8Array);
			const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'report.pdf'), '-']);
			// A word hyphenated at a line's end comes out split: joined again.
			texts.pdf = stdout.replace(/(\p{L})[-\u2010]\n(\p{L})/gu, '$1$2');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
		for (const [format, text] of Object.entries(texts)) {
			// Long words carry soft hyphens for print; compared without them.
			const flat = text
				.replaceAll('\u00AD', '')
				.replace(/&#39;|&apos;/g, "'")
				.replace(/\s+/g, ' ');
			// The PDF prints sub-headings in capitals (by its style sheet): compared without case.
			for (const part of wanted)
				expect(flat.toLowerCase(), `${format}: ${part}`).toContain(part.toLowerCase());
		}
		// The member's own, under their name only because they chose it: without names, no name.
		const anonymous = await exportFile(
			db.app,
			conferenceId,
			choices({ format: 'markdown', includeNames: false })
		);
		expect(anonymous!.body).not.toContain(nameOf(member!.authorId));
		expect(anonymous!.body).toContain('En deltakers refleksjon');
	}, 60_000);

	it('shows the demo’s welcome dinner, role descriptions and round instruction in every format', async () => {
		const instruction = [
			'Snakk først om det dere hørte i plenum.',
			'Velg så det som betyr mest i deres eget land.'
		];
		const texts: Record<string, string> = {};
		for (const format of ['html', 'markdown', 'docx', 'pdf'] as const) {
			const body = (await exportFile(db.app, conferenceId, choices({ format })))!.body;
			texts[format] = await readable(format, body);
		}
		for (const [format, text] of Object.entries(texts)) {
			const flat = text.replace(/\s+/g, ' ');
			// The welcome dinner's kind; a PDF may wrap the title around it.
			expect(flat, format).toMatch(/Velkomst: kort orientering[^]{0,120}?Sosialt/);
			expect(flat, format).toContain('Kari Øvrebø, forsker (seniorforsker, prosjektleder)');
			const theme = text.indexOf('Ta utgangspunkt i forrige erfaringsutveksling');
			expect(theme, format).toBeGreaterThan(0);
			expect(text.indexOf(instruction.join('\n'), theme), format).toBeGreaterThan(theme);
		}
		const archive = JSON.parse(
			(await exportFile(db.app, conferenceId, choices({ format: 'json' })))!.body as string
		) as { rounds: { instruction: string }[]; programme: { kind: string }[] };
		expect(archive.rounds[1]!.instruction).toBe(instruction.join('\n'));
		expect(archive.programme[0]!.kind).toBe('social');
	}, 60_000);

	it('the played demo shows a group that answered both its questions in one list, in every format', async () => {
		const round = (await db.app.conferences.rounds(conferenceId))[0]!;
		const group = (await db.app.conferences.roundDetail(conferenceId, round.id, 'nb'))!.groups[
			demoOneListGroup
		]!;
		const state = (await db.app.sessions.get(group.sessionId!))!.state;
		expect(state.settings.oneList).toBe(true);
		const [a, b] = state.questions;
		const asked = `a) ${a!.text} / b) ${b!.text}`;
		const together = 'Spørsmålene ble besvart i én felles liste.';
		for (const format of ['html', 'markdown', 'docx', 'pdf'] as const) {
			const body = (await exportFile(db.app, conferenceId, choices({ format })))!.body;
			// A PDF line may end in a hyphenated word: joined again, then compared on one line.
			const flat = (await readable(format, body))
				.replace(/(\p{L})[-\u2010]\n(\p{L})/gu, '$1$2')
				.replace(/\s+/g, ' ');
			expect(flat, format).toContain(asked);
			expect(flat.indexOf(together, flat.indexOf(asked)), format).toBeGreaterThan(0);
			// Every question of the demo was answered: nothing claims a question got no notes.
			expect(flat, format).not.toContain('Det ble ikke skrevet lapper til dette spørsmålet');
		}
		const csv = String((await exportFile(db.app, conferenceId, choices({ format: 'csv' })))!.body);
		const rows = csv.split('\r\n').filter((r) => r.includes(asked));
		expect(rows.length).toBe(
			state.questions[0]!.notes.filter((n) => n.revealIndex !== null).length
		);
		const archive = JSON.parse(
			(await exportFile(db.app, conferenceId, choices({ format: 'json' })))!.body as string
		) as { rounds: { groups: { session: { settings: { oneList?: boolean } } | null }[] }[] };
		expect(archive.rounds[0]!.groups[demoOneListGroup]!.session!.settings.oneList).toBe(true);
	}, 60_000);

	it('leaves names out when asked, but never out of the archive', async () => {
		const person = (await db.app.conferences.participants(conferenceId))[0]!;
		const anonymous = await exportFile(
			db.app,
			conferenceId,
			choices({ format: 'markdown', includeNames: false })
		);
		expect(anonymous!.body).not.toContain(person.name);
		const archive = await exportFile(
			db.app,
			conferenceId,
			choices({ format: 'json', includeNames: false })
		);
		expect(archive!.body).toContain(person.name);
		expect(readArchive(archive!.body as string).ok).toBe(true);
	});
});

/** A report as text with its line breaks: markup stripped, Word's breaks and PDF's lines kept. */
async function readable(format: 'html' | 'markdown' | 'docx' | 'pdf', body: string | Uint8Array) {
	if (format === 'markdown') return (body as string).replace(/\\\n/g, '\n').replace(/\\/g, '');
	if (format === 'html') {
		return (body as string)
			.replace(/\u00ad/g, '')
			.replace(/<br>/g, '\n')
			.replace(/<[^>]+>/g, ' ')
			.replace(/ +/g, ' ')
			.replace(/ ?\n ?/g, '\n');
	}
	if (format === 'docx') {
		const xml = strFromU8(unzipSync(body as Uint8Array)['word/document.xml']!);
		return xml
			.replace(/<w:br\/>/g, '\n')
			.replace(/<\/w:p>/g, '\n')
			.replace(/<\/w:tc>/g, ' ')
			.replace(/<[^>]+>/g, '');
	}
	const dir = await mkdtemp(join(tmpdir(), 'samrad-demo-pdf-'));
	try {
		await writeFile(join(dir, 'demo.pdf'), body);
		const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'demo.pdf'), '-']);
		return stdout.replace(/\u00ad/g, '');
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
