import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeCsv } from '$lib/domain/csv';
import { createDefaultGlossary, defaultGlossary } from '$lib/domain/glossary/default-glossary';
import { createApp, type App } from './app';
import { readConfig } from './config';
import { readGlossary } from './db/glossary';
import {
	checkGlossary,
	conceptFromInput,
	conceptId,
	deleteConcept,
	emptyConceptInput,
	glossaryForSession,
	glossaryLimits,
	glossaryToCsv,
	importGlossary,
	nameErrors,
	previewGlossaryImport,
	rememberImport,
	saveConcept,
	takeImport,
	type ConceptInput
} from './glossary';
import { setLogLevel } from './log';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let app: App;
let conferenceId: string;

beforeAll(() => setLogLevel('silent'));

beforeEach(() => {
	app = createApp(readConfig({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' }), root);
	const created = app.conferences.create({
		title: 'Nordisk dialog',
		subtitle: '',
		venue: 'Sigtuna',
		startDate: '2026-05-06',
		endDate: '2026-05-06',
		about: '',
		introduction: '',
		organisation: '',
		author: '',
		introductionBy: '',
		language: 'nb',
		languages: ['nb', 'sv', 'da', 'is', 'fi']
	});
	if (!created.ok) throw new Error('no conference');
	conferenceId = created.value.id;
});

afterEach(() => app.db.close());

function input(terms: ConceptInput['terms'], more: Partial<ConceptInput> = {}): ConceptInput {
	return { ...emptyConceptInput(), terms, ...more };
}

describe('glossaryForSession', () => {
	it('gives a stand-alone session the default glossary and no room languages', () => {
		expect(glossaryForSession(app, null)).toEqual({ concepts: defaultGlossary, languages: [] });
	});

	it("gives a conference session the conference's own glossary and languages", () => {
		deleteConcept(app, conferenceId, 'caseworker');
		const delivered = glossaryForSession(app, conferenceId);
		expect(delivered.languages).toEqual(['nb', 'sv', 'da', 'is', 'fi']);
		expect(delivered.concepts.some((c) => c.id === 'caseworker')).toBe(false);
		expect(delivered.concepts).toHaveLength(defaultGlossary.length - 1);
	});
});

describe('conceptFromInput', () => {
	it('reads one term per line, preferred first, without blanks or repeats', () => {
		const { concept, errors } = conceptFromInput(
			input({ nb: '  saksbehandler \r\n\nNAV-veileder\nsaksbehandler', sv: 'handläggare' }),
			'caseworker'
		);
		expect(errors).toEqual([]);
		expect(concept.terms).toEqual({ nb: ['saksbehandler', 'NAV-veileder'], sv: ['handläggare'] });
	});

	it('keeps explanations per language, the country flag, and only forms of its own terms', () => {
		const { concept } = conceptFromInput(
			input(
				{ fi: 'palkkatuki' },
				{
					explanation: { en: ' A wage subsidy. ' },
					differs: 'ja',
					forms: 'palkkatuki: palkkatue | gone: went',
					unmarked: 'palkkatuki\nnot a term'
				}
			),
			'wage-subsidy'
		);
		expect(concept).toEqual({
			id: 'wage-subsidy',
			terms: { fi: ['palkkatuki'] },
			explanation: { en: 'A wage subsidy.' },
			differsByCountry: true,
			unmarked: ['palkkatuki'],
			forms: { palkkatuki: ['palkkatue'] }
		});
	});

	it('says what is wrong, field by field', () => {
		const long = 'x'.repeat(glossaryLimits.termChars + 1);
		const many = Array.from({ length: glossaryLimits.termsPerLanguage + 1 }, (_, i) => `t${i}`);
		const { errors } = conceptFromInput(
			input(
				{ nb: long, sv: many.join('\n'), da: 'a | b' },
				{ differs: 'maybe', forms: 'nonsense' }
			),
			'x'
		);
		expect(errors.map((e) => [e.code, e.field])).toEqual([
			['too_long', 'terms.nb'],
			['too_many_terms', 'terms.sv'],
			['bar_in_term', 'terms.da'],
			['bad_flag', 'differs'],
			['bad_forms', 'forms']
		]);
		expect(conceptFromInput(input({}), 'x').errors.map((e) => e.code)).toEqual(['no_terms']);
	});
});

describe('conceptId', () => {
	it('makes a kebab-case id from the English term, else the first one', () => {
		expect(conceptId({ terms: { nb: ['x'], en: ['Job coach'] } }, new Set())).toBe('job-coach');
		expect(conceptId({ terms: { da: ['Skånejob'] } }, new Set())).toBe('skanejob');
		expect(conceptId({ terms: { is: ['Þjónusta ráðgjafa'] } }, new Set())).toBe(
			'thjonusta-radgjafa'
		);
		expect(conceptId({ terms: { nb: ['Førtidspensjon'] } }, new Set())).toBe('fortidspensjon');
	});

	it('avoids ids that are taken and the names of the editor pages', () => {
		expect(conceptId({ terms: { en: ['caseworker'] } }, new Set(['caseworker']))).toBe(
			'caseworker-2'
		);
		expect(conceptId({ terms: { en: ['new'] } }, new Set())).toBe('new-concept');
		expect(conceptId({ terms: { en: ['Import'] } }, new Set())).toBe('import-concept');
		expect(conceptId({ terms: { en: ['!!!'] } }, new Set())).toBe('concept');
	});
});

describe('nameErrors', () => {
	it('names the other concept in the reader’s language, or in English when that is the term itself', () => {
		const duplicate = (term: string) => [
			{
				code: 'duplicate_term' as const,
				field: 'terms.nb',
				params: { term, other: 'employment-service' }
			}
		];
		expect(
			nameErrors(duplicate('Arbetsförmedlingen'), defaultGlossary, 'nb')[0]!.params.other
		).toBe('NAV');
		expect(nameErrors(duplicate('NAV'), defaultGlossary, 'nb')[0]!.params.other).toBe(
			'public employment service'
		);
	});
});

describe('checkGlossary', () => {
	it('reports a shared term on both concepts, naming the other one', () => {
		const problems = checkGlossary([
			{ id: 'a', terms: { sv: ['handläggare'] } },
			{ id: 'b', terms: { nb: ['x'], sv: ['Handläggare'] } }
		]);
		expect(problems.get('a')).toEqual([
			{ code: 'duplicate_term', field: 'terms.sv', params: { term: 'handläggare', other: 'b' } }
		]);
		expect(problems.get('b')).toEqual([
			{ code: 'duplicate_term', field: 'terms.sv', params: { term: 'Handläggare', other: 'a' } }
		]);
	});

	it('finds nothing wrong with the default glossary', () => {
		expect([...checkGlossary(defaultGlossary)]).toEqual([]);
	});
});

describe('saveConcept and deleteConcept', () => {
	it('adds a new concept at the end with an id from its terms', () => {
		const saved = saveConcept(app, conferenceId, null, input({ en: 'peer support worker' }));
		expect(saved).toEqual({ ok: true, id: 'peer-support-worker' });
		expect(readGlossary(app.db, conferenceId).at(-1)).toEqual({
			id: 'peer-support-worker',
			terms: { en: ['peer support worker'] }
		});
	});

	it('edits a concept in place, keeping its id and position', () => {
		const before = readGlossary(app.db, conferenceId);
		const index = before.findIndex((c) => c.id === 'caseworker');
		const saved = saveConcept(
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

	it('refuses a term that belongs to another concept, earlier or later in the list', () => {
		const later = saveConcept(app, conferenceId, null, input({ nb: 'NAV' }));
		expect(later.ok).toBe(false);
		if (!later.ok)
			expect(later.errors[0]).toMatchObject({
				code: 'duplicate_term',
				params: { other: 'employment-service' }
			});
		// job-placement comes before employment-service: the clash is found from either side.
		const earlier = saveConcept(
			app,
			conferenceId,
			'job-placement',
			input({ nb: 'arbeidsformidling\nNAV' })
		);
		expect(earlier.ok).toBe(false);
		expect(readGlossary(app.db, conferenceId)).toEqual(createDefaultGlossary());
	});

	it('answers notFound for a concept deleted meanwhile, and deletes once', () => {
		expect(deleteConcept(app, conferenceId, 'caseworker')).toBe(true);
		expect(deleteConcept(app, conferenceId, 'caseworker')).toBe(false);
		expect(saveConcept(app, conferenceId, 'caseworker', input({ en: 'x' }))).toEqual({
			ok: false,
			errors: [],
			notFound: true
		});
	});
});

describe('CSV export and import', () => {
	it('round-trips the default glossary exactly, with semicolons and a BOM', () => {
		const csv = glossaryToCsv(defaultGlossary, ';');
		expect(csv.startsWith('\uFEFFid;nb;sv;da;is;fi;en;explanation_nb')).toBe(true);
		const preview = previewGlossaryImport(csv, [], 'replace');
		expect(preview.fileErrors).toEqual([]);
		expect(preview.rows.filter((r) => r.errors.length > 0)).toEqual([]);
		expect(preview.ok).toBe(true);
		expect(preview.result).toEqual(defaultGlossary);
	});

	it('keeps text that looks like a formula as text, both ways', () => {
		const glossary = [{ id: 'x', terms: { en: ['x'] }, explanation: { en: '=HYPERLINK("evil")' } }];
		const csv = glossaryToCsv(glossary, ',');
		expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
		expect(previewGlossaryImport(csv, [], 'replace').result).toEqual(glossary);
	});

	it('shows every row with its problems and saves nothing', () => {
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
		expect(importGlossary(app, conferenceId, csv, 'replace').ok).toBe(false);
		expect(readGlossary(app.db, conferenceId)).toEqual(createDefaultGlossary());
	});

	it('says what is wrong with a file that is not a glossary', () => {
		const codes = (text: string | Uint8Array) =>
			previewGlossaryImport(text, [], 'replace').fileErrors.map((e) => e.code);
		expect(codes('name,country\nÅsa,SE')).toEqual(['no_language_column']);
		expect(codes('PK\u0003\u0004binary')).toEqual(['not_csv']);
		expect(codes('\n\n')).toEqual(['empty_file']);
		expect(codes('id,en\n')).toEqual(['no_rows']);
		expect(codes('en,en\nx,y')).toEqual(['duplicate_column']);
		expect(codes('en\n"open')).toEqual(['unterminated_quote']);
		expect(codes(new Uint8Array(glossaryLimits.csvBytes + 1))).toEqual(['file_too_large']);
	});

	it('merges by id: updates, adds, keeps the rest', () => {
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

		expect(importGlossary(app, conferenceId, csv, 'merge').ok).toBe(true);
		const saved = readGlossary(app.db, conferenceId);
		expect(saved.find((c) => c.id === 'caseworker')?.terms).toEqual({
			nb: ['saksbehandler'],
			en: ['caseworker']
		});
		expect(saved.at(-1)?.id).toBe('peer-worker');
	});

	it('reads Windows-1252 files from older Excel and says so', () => {
		const bytes = new Uint8Array([...Buffer.from('id;da\n;'), 0x73, 0x6b, 0xe5, 0x6e, 0x65]);
		const preview = previewGlossaryImport(bytes, [], 'replace');
		expect(preview.warnings.map((w) => w.code)).toEqual(['legacy_encoding']);
		expect(preview.result[0]?.terms).toEqual({ da: ['skåne'] });
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
