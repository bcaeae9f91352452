/**
 * The played demo conference's sub-heading in every report format, nested under its heading:
 * HTML and PDF print it below the heading's own notes, DOCX as its own paragraph after the
 * heading's, Markdown in the heading's cell, CSV in a column of its own; the archive carries it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArchive } from '$lib/domain/archive/read';
import type { ConferenceArchive } from '$lib/domain/archive/schema';
import { docxParagraphs, pdfText } from '../../../../tests/integration/helpers/export-files';
import { demoSubheading } from '../demo-content';
import { setLogLevel } from '../log';
import { exportFile, readChoices, type ExportChoices } from './export';
import { seedPlayedDemo, tempApp } from './test-conference';

const sub = demoSubheading.nb;

describe('the demo conference’s sub-heading in every format', () => {
	let db: Awaited<ReturnType<typeof tempApp>>;
	let conferenceId: string;
	/** The heading the sub-heading sits under, and the note under the sub-heading. */
	let heading: string;
	let note: string;
	const dir = mkdtempSync(join(tmpdir(), 'samrad-subheadings-'));
	const file = async (format: ExportChoices['format']) =>
		(await exportFile(db.app, conferenceId, { ...readChoices(new URLSearchParams('')), format }))!
			.body;

	beforeAll(async () => {
		setLogLevel('silent');
		db = await tempApp('samrad-subheadings');
		conferenceId = (await seedPlayedDemo(db.app)).id;
		const archive = JSON.parse((await file('json')) as string) as ConferenceArchive;
		const question = archive.rounds[0]!.groups[0]!.session!.questions[0]!;
		const subCluster = question.clusters.find((c) => c.parentId !== undefined)!;
		heading = question.clusters.find((c) => c.id === subCluster.parentId)!.heading;
		note = question.notes.find((n) => n.id === subCluster.noteIds[0])!.text;
	});

	afterAll(() => {
		db.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('the archive carries it under its heading, and reads back', async () => {
		const body = (await file('json')) as string;
		expect(readArchive(body).ok).toBe(true);
		expect(heading).not.toBe(sub);
		const clusters = (JSON.parse(body) as ConferenceArchive).rounds[0]!.groups[0]!.session!
			.questions[0]!.clusters;
		expect(clusters.find((c) => c.heading === sub)?.parentId).toBe(
			clusters.find((c) => c.heading === heading)!.id
		);
	});

	it('CSV: the note’s row names its heading and, in its own column, the sub-heading', async () => {
		const csv = (await file('csv')) as string;
		const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
		// The sub-heading's column comes before the round's theme, the last one.
		expect(header!.split(';').at(-2)).toBe('Underoverskrift');
		const row = rows.find((r) => r.includes(note))!;
		expect(row.split(';').at(-2)).toBe(sub);
		expect(row).toContain(`;${heading};`);
	});

	it('Markdown: in its heading’s cell, after the heading', async () => {
		const md = (await file('markdown')) as string;
		const line = md.split('\n').find((l) => l.includes(`*${sub}*`))!;
		expect(line).toBeDefined();
		expect(line.indexOf(`**${heading}**`)).toBeGreaterThanOrEqual(0);
		expect(line.indexOf(`**${heading}**`)).toBeLessThan(line.indexOf(`*${sub}*`));
		expect(line.indexOf(`*${sub}*`)).toBeLessThan(line.indexOf(note));
	});

	it('HTML: a sub-heading block inside the heading’s cell', async () => {
		const html = (await file('html')) as string;
		const at = html.indexOf(`<div class="subheading">${sub}</div>`);
		expect(at).toBeGreaterThan(0);
		const cell = html.lastIndexOf('<div class="heading">', at);
		expect(html.slice(cell, at)).toContain(heading);
		expect(html.slice(cell, at)).not.toContain('</td>');
	});

	it('DOCX: its own paragraph after the heading’s, before its note', async () => {
		const paragraphs = docxParagraphs((await file('docx')) as Uint8Array).map((p) => p.text);
		const at = paragraphs.indexOf(sub);
		expect(at).toBeGreaterThan(0);
		expect(paragraphs.lastIndexOf(heading, at)).toBeGreaterThanOrEqual(0);
		expect(paragraphs[at + 1]).toContain(note.split('\n')[0]);
	});

	it('PDF: printed between its heading and its note', async () => {
		const { text } = await pdfText((await file('pdf')) as Uint8Array, dir);
		const flatText = text.replace(/\s+/g, ' ');
		const at = flatText.indexOf(sub);
		expect(at).toBeGreaterThan(0);
		expect(flatText.lastIndexOf(heading, at)).toBeGreaterThanOrEqual(0);
	}, 30_000);
});
