import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeCsv } from '$lib/domain/csv';
import { createDefaultGlossary, defaultGlossary } from '$lib/domain/glossary/default-glossary';
import { createApp, type App } from './app';
import { readConfig } from './config';
import { readGlossary } from './db/glossary';
import { emptyConceptInput, type ConceptInput } from '$lib/domain/glossary/concept-input';
import { previewGlossaryImport } from '$lib/domain/glossary/csv';
import {
	deleteConcept,
	glossaryForSession,
	importGlossary,
	rememberImport,
	saveConcept,
	takeImport
} from './glossary';
import { setLogLevel } from './log';
import { conferenceDetails } from '$lib/testing/conference-details';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let app: App;
let conferenceId: string;

beforeAll(() => setLogLevel('silent'));

beforeEach(async () => {
	app = await createApp(readConfig({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' }), root);
	const created = await app.conferences.create(
		conferenceDetails({ languages: ['nb', 'sv', 'da', 'is', 'fi'] })
	);
	if (!created.ok) throw new Error('no conference');
	conferenceId = created.value.id;
});

afterEach(() => app.db.close());

function input(terms: ConceptInput['terms'], more: Partial<ConceptInput> = {}): ConceptInput {
	return { ...emptyConceptInput(), terms, ...more };
}

describe('glossaryForSession', () => {
	it('gives a stand-alone session the default glossary and no room languages', async () => {
		expect(await glossaryForSession(app, null)).toEqual({
			concepts: defaultGlossary,
			languages: []
		});
	});

	it("gives a conference session the conference's own glossary and languages", async () => {
		await deleteConcept(app, conferenceId, 'caseworker');
		const delivered = await glossaryForSession(app, conferenceId);
		expect(delivered.languages).toEqual(['nb', 'sv', 'da', 'is', 'fi']);
		expect(delivered.concepts.some((c) => c.id === 'caseworker')).toBe(false);
		expect(delivered.concepts).toHaveLength(defaultGlossary.length - 1);
	});
});

describe('saveConcept and deleteConcept', () => {
	it('adds a new concept at the end with an id from its terms', async () => {
		const saved = await saveConcept(app, conferenceId, null, input({ en: 'peer support worker' }));
		expect(saved).toEqual({ ok: true, id: 'peer-support-worker' });
		expect(readGlossary(app.db, conferenceId).at(-1)).toEqual({
			id: 'peer-support-worker',
			terms: { en: ['peer support worker'] }
		});
	});

	it('edits a concept in place, keeping its id and position', async () => {
		const before = readGlossary(app.db, conferenceId);
		const index = before.findIndex((c) => c.id === 'caseworker');
		const saved = await saveConcept(
			app,
			conferenceId,
			'caseworker',
			input({ nb: 'saksbehandler', en: 'caseworker' })
		);
		expect(saved).toEqual({ ok: true, id: 'caseworker' });
		const after = readGlossary(app.db, conferenceId);
		expect(after[index]).toEqual({
			id: 'caseworker',
			terms: { nb: ['saksbehandler'], en: ['caseworker'] }
		});
		expect(after).toHaveLength(before.length);
	});

	it('refuses a term that belongs to another concept, earlier or later in the list', async () => {
		const later = await saveConcept(app, conferenceId, null, input({ nb: 'NAV' }));
		expect(later.ok).toBe(false);
		if (!later.ok)
			expect(later.errors[0]).toMatchObject({
				code: 'duplicate_term',
				params: { other: 'employment-service' }
			});
		// job-placement comes before employment-service: the clash is found from either side.
		const earlier = await saveConcept(
			app,
			conferenceId,
			'job-placement',
			input({ nb: 'arbeidsformidling\nNAV' })
		);
		expect(earlier.ok).toBe(false);
		expect(readGlossary(app.db, conferenceId)).toEqual(createDefaultGlossary());
	});

	it('answers notFound for a concept deleted meanwhile, and deletes once', async () => {
		expect(await deleteConcept(app, conferenceId, 'caseworker')).toBe(true);
		expect(await deleteConcept(app, conferenceId, 'caseworker')).toBe(false);
		expect(await saveConcept(app, conferenceId, 'caseworker', input({ en: 'x' }))).toEqual({
			ok: false,
			errors: [],
			notFound: true
		});
	});
});

describe('CSV export and import', () => {
	it('shows every row with its problems and saves nothing', async () => {
		const csv = writeCsv([
			['id', 'nb', 'sv', 'en', 'colour'],
			['', 'saksbehandler', 'handläggare', 'caseworker'],
			['Bad Id', 'x', '', ''],
			['new', 'y', '', ''],
			['caseworker', 'z', '', ''],
			['', '', 'Handläggare', ''],
			['', '', '', ''],
			['caseworker', 'w', '', '']
		]);
		const preview = previewGlossaryImport(csv, defaultGlossary, 'replace');
		expect(preview.ok).toBe(false);
		expect(preview.warnings).toEqual([{ code: 'ignored_column', params: { column: 'colour' } }]);
		expect(preview.rows.map((r) => [r.line, r.id, r.errors.map((e) => e.code)])).toEqual([
			// The id the file gives to a later row is not taken for a row without one.
			[2, 'caseworker-2', ['duplicate_term']],
			[3, 'Bad Id', ['missing_id']],
			[4, 'new', ['reserved_id']],
			[5, 'caseworker', []],
			[6, 'handlaggare', ['duplicate_term']],
			[8, 'caseworker', ['duplicate_id']]
		]);
		expect((await importGlossary(app, conferenceId, csv, 'replace')).ok).toBe(false);
		expect(readGlossary(app.db, conferenceId)).toEqual(createDefaultGlossary());
	});

	it('merges by id: updates, adds, keeps the rest', async () => {
		const csv = writeCsv([
			['id', 'nb', 'en'],
			['caseworker', 'saksbehandler', 'caseworker'],
			['', 'likemann', 'peer worker']
		]);
		const preview = previewGlossaryImport(csv, defaultGlossary, 'merge');
		expect(preview.ok).toBe(true);
		expect(preview.rows.map((r) => [r.id, r.action])).toEqual([
			['caseworker', 'update'],
			['peer-worker', 'add']
		]);
		expect(preview.removed).toBe(0);
		expect(preview.result).toHaveLength(defaultGlossary.length + 1);

		const replace = previewGlossaryImport(csv, defaultGlossary, 'replace');
		expect(replace.removed).toBe(defaultGlossary.length - 1);

		expect((await importGlossary(app, conferenceId, csv, 'merge')).ok).toBe(true);
		const saved = readGlossary(app.db, conferenceId);
		expect(saved.find((c) => c.id === 'caseworker')?.terms).toEqual({
			nb: ['saksbehandler'],
			en: ['caseworker']
		});
		expect(saved.at(-1)?.id).toBe('peer-worker');
	});
});

describe('checked imports', () => {
	it('are taken once, by their own conference, before they expire', () => {
		const token = rememberImport('c1', 'id,en\n,x', 'merge', 1000);
		expect(takeImport('c2', token, 1000)).toBeNull();
		expect(takeImport('c1', token, 1000)).toEqual({ text: 'id,en\n,x', mode: 'merge' });
		expect(takeImport('c1', token, 1000)).toBeNull();
		const old = rememberImport('c1', 'x', 'replace', 1000);
		expect(takeImport('c1', old, 1000 + 31 * 60_000)).toBeNull();
	});
});
