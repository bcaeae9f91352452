import { describe, expect, it } from 'vitest';
import { defaultGlossary } from '../glossary/default-glossary';
import { parseParticipantsCsv } from './participants-csv';
import {
	compareWithList,
	planImport,
	type ExistingParticipant,
	type ImportChoices
} from './participants-import';

const header = 'Navn;Land;Rolle;Organisasjon;Språk;Nasjonal koordinator';

const list: ExistingParticipant[] = [
	{
		id: 'p-ase',
		name: 'Åse Ødegård',
		country: 'NO',
		role: 'employer',
		organisation: 'Bakeriet AS',
		language: 'nb',
		coordinator: false
	},
	{
		id: 'p-karin',
		name: 'Karin Åberg',
		country: 'SE',
		role: 'worker',
		organisation: '',
		language: 'sv',
		coordinator: true
	},
	{
		id: 'p-ola',
		name: 'Ola Nordmann',
		country: 'NO',
		role: 'caseworker',
		organisation: 'NAV Fjordvik',
		language: 'nb',
		coordinator: false
	},
	{
		id: 'p-ola-2',
		name: 'Ola Nordmann',
		country: 'NO',
		role: 'worker',
		organisation: 'Fjordvik Sag',
		language: 'nb',
		coordinator: false
	}
];

function rowsOf(lines: string[]) {
	const preview = parseParticipantsCsv([header, ...lines].join('\n'), {
		glossary: defaultGlossary
	});
	expect(preview.ok).toBe(true);
	return compareWithList(preview.rows, list);
}

const noChoices: ImportChoices = { existing: null, rows: {}, roles: {} };

describe('compareWithList', () => {
	it('finds someone already on the list by name and country, with Nordic letters folded', () => {
		const rows = rowsOf([
			'Åse Ødegård;Norge;Arbeidsgiver;Bakeriet AS;nb;',
			'Karin Aberg;Sverige;Arbetstagare;;;x',
			'Ase Odegaard;Norge;arbeidsgiver;;;',
			'Åse Ødegård;Danmark;Arbejdsgiver;;da;',
			'Nils Ødegård;Norge;Arbeidsgiver;;nb;'
		]);
		expect(rows.map((r) => r.existing?.id ?? null)).toEqual([
			'p-ase',
			'p-karin',
			'p-ase',
			null,
			null
		]);
		// As on the list: nothing to update.
		expect(rows.map((r) => r.existing?.changes ?? null)).toEqual([[], [], [], null, null]);
	});

	it('lists what the file would change; empty cells keep what the list has', () => {
		const [ase, karin] = rowsOf([
			'Åse Ødegård;Norge;Jobbspesialist;Bakeriet AS Fjordvik;en;ja',
			'Karin Åberg;Sverige;Arbetstagare;Café Åberg;;nej'
		]);
		expect(ase!.existing!.changes).toEqual([
			{ field: 'role', from: 'employer', to: 'job-coach' },
			{ field: 'organisation', from: 'Bakeriet AS', to: 'Bakeriet AS Fjordvik' },
			{ field: 'language', from: 'nb', to: 'en' },
			{ field: 'coordinator', from: false, to: true }
		]);
		expect(karin!.existing!.changes).toEqual([
			{ field: 'organisation', from: '', to: 'Café Åberg' },
			{ field: 'coordinator', from: true, to: false }
		]);
	});

	it('tells namesakes in one country apart by their organisation', () => {
		const rows = rowsOf([
			'Ola Nordmann;Norge;Arbeidstaker;Fjordvik Sag;nb;',
			'Ola Nordmann;Norge;Saksbehandler;NAV Fjordvik;nb;'
		]);
		expect(rows.map((r) => r.existing)).toEqual([
			{ id: 'p-ola-2', name: 'Ola Nordmann', changes: [] },
			{ id: 'p-ola', name: 'Ola Nordmann', changes: [] }
		]);
	});

	it('takes the listed role when a word that fits several roles names it', () => {
		const [ola, nils] = rowsOf([
			'Ola Nordmann;Norge;veileder;NAV Fjordvik;nb;',
			'Nils Ødegård;Norge;veileder;;nb;'
		]);
		expect(ola!.value.role).toBe('caseworker');
		expect(ola!.existing!.changes).toEqual([]);
		// Someone new with that word: the organiser chooses.
		expect(nils!.value.role).toBeNull();
		expect(nils!.value.roleOptions).toEqual(['job-coach', 'caseworker']);
	});
});

describe('planImport', () => {
	const lines = [
		'Åse Ødegård;Norge;Jobbspesialist;Bakeriet AS;nb;',
		'Karin Åberg;Sverige;Arbetstagare;Café Åberg;;',
		'Ola Nordmann;Norge;Saksbehandler;NAV Fjordvik;nb;',
		'Sami Virtanen;Suomi;Työnantaja;;;',
		'Nils Ødegård;Norge;veileder;;nb;'
	];

	it('asks for update or skip when someone on the list differs, and for a role a word leaves open', () => {
		expect(planImport(rowsOf(lines), noChoices, list)).toEqual({
			ok: false,
			errors: [
				{ code: 'choose_existing', params: { rows: '2, 3' } },
				{ code: 'choose_role', params: { rows: '6' } }
			]
		});
	});

	it('refuses a role the word does not fit', () => {
		const planned = planImport(
			rowsOf(lines),
			{ existing: 'skip', rows: {}, roles: { 6: 'employer' } },
			list
		);
		expect(planned).toEqual({
			ok: false,
			errors: [{ code: 'choose_role', params: { rows: '6' } }]
		});
	});

	it('adds the new, updates the changed when asked, and never adds anyone twice', () => {
		const planned = planImport(
			rowsOf(lines),
			{ existing: 'update', rows: {}, roles: { 6: 'caseworker' } },
			list
		);
		expect(planned).toEqual({
			ok: true,
			value: {
				add: [
					{
						name: 'Sami Virtanen',
						country: 'FI',
						role: 'employer',
						organisation: '',
						language: null,
						coordinator: false,
						roleDescription: ''
					},
					{
						name: 'Nils Ødegård',
						country: 'NO',
						role: 'caseworker',
						organisation: '',
						language: 'nb',
						coordinator: false,
						roleDescription: ''
					}
				],
				update: [
					{
						id: 'p-ase',
						values: {
							name: 'Åse Ødegård',
							country: 'NO',
							role: 'job-coach',
							organisation: 'Bakeriet AS',
							language: 'nb',
							coordinator: false,
							roleDescription: ''
						}
					},
					{
						id: 'p-karin',
						values: {
							name: 'Karin Åberg',
							country: 'SE',
							role: 'worker',
							organisation: 'Café Åberg',
							language: 'sv',
							coordinator: true,
							roleDescription: ''
						}
					}
				],
				unchanged: 1,
				skipped: 0
			}
		});
	});

	it('lets a row’s own choice override the import’s', () => {
		const planned = planImport(
			rowsOf(lines),
			{ existing: 'skip', rows: { 3: 'update' }, roles: { 6: 'job-coach' } },
			list
		);
		expect(planned.ok && planned.value.update.map((u) => u.id)).toEqual(['p-karin']);
		expect(planned.ok && planned.value.skipped).toBe(1);
		expect(planned.ok && planned.value.add.map((a) => [a.name, a.role])).toEqual([
			['Sami Virtanen', 'employer'],
			['Nils Ødegård', 'job-coach']
		]);
	});

	it('asks no role for someone on the list who is skipped', () => {
		// Åse is an employer; "veileder" fits job coach or caseworker, so the file differs.
		const rows = rowsOf(['Åse Ødegård;Norge;veileder;Bakeriet AS;nb;']);
		expect(rows[0]!.existing!.changes).toEqual([{ field: 'role', from: 'employer', to: null }]);
		expect(planImport(rows, { existing: 'skip', rows: {}, roles: {} }, list)).toEqual({
			ok: true,
			value: { add: [], update: [], unchanged: 0, skipped: 1 }
		});
		expect(planImport(rows, { existing: 'update', rows: {}, roles: {} }, list)).toEqual({
			ok: false,
			errors: [{ code: 'choose_role', params: { rows: '2' } }]
		});
	});

	it('needs no choice for a file that is already on the list', () => {
		const planned = planImport(
			rowsOf(['Åse Ødegård;Norge;Arbeidsgiver;Bakeriet AS;nb;', 'Karin Åberg;SE;worker;;;']),
			noChoices,
			list
		);
		expect(planned).toEqual({
			ok: true,
			value: { add: [], update: [], unchanged: 2, skipped: 0 }
		});
	});
});

describe('role descriptions in an import', () => {
	const described = `${header};Stilling\nÅse Ødegård;NO;employer;Bakeriet AS;nb;;daglig leder\nNy Person;SE;worker;;sv;;forsker, prosjektleder`;

	it('adds them for new people and updates them for people on the list', () => {
		const rows = compareWithList(parseParticipantsCsv(described).rows, list);
		expect(rows[0]!.existing!.changes).toEqual([
			{ field: 'roleDescription', from: '', to: 'daglig leder' }
		]);
		const plan = planImport(rows, { existing: 'update', rows: {}, roles: {} }, list);
		if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
		expect(plan.value.add).toMatchObject([
			{ name: 'Ny Person', roleDescription: 'forsker, prosjektleder' }
		]);
		expect(plan.value.update).toMatchObject([
			{ id: 'p-ase', values: { organisation: 'Bakeriet AS', roleDescription: 'daglig leder' } }
		]);
	});

	it('keeps what the list has when the cell is empty', () => {
		const withDescription = list.map((p) =>
			p.id === 'p-ase' ? { ...p, roleDescription: 'daglig leder' } : p
		);
		const rows = compareWithList(
			parseParticipantsCsv(`${header};Stilling\nÅse Ødegård;NO;employer;Bakeriet AS;nb;;`).rows,
			withDescription
		);
		expect(rows[0]!.existing!.changes).toEqual([]);
	});
});
