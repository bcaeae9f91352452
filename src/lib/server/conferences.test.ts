import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { groupName } from '$lib/domain/conference/allocation';
import type { GroupingAction } from '$lib/domain/conference/grouping';
import { writeCsv } from '$lib/domain/csv';
import { createDefaultGlossary } from '$lib/domain/glossary/default-glossary';
import { limits } from '$lib/domain/limits';
import { languages } from '$lib/domain/session/types';
import { fixedT } from '$lib/i18n';
import { createApp, type App } from './app';
import { readConfig } from './config';
import { conferenceLimits } from './conferences';
import type { ConferenceDetails } from './db/conferences';
import type { ParticipantFields } from './db/participants';
import { setLogLevel } from './log';
import { commitParticipantsImport, previewParticipantsImport } from './participants-import';

const root = fileURLToPath(new URL('../../..', import.meta.url));

let app: App;

beforeAll(() => setLogLevel('silent'));

beforeEach(async () => {
	app = await createApp(readConfig({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' }), root);
});

afterEach(() => {
	app.db.close();
});

function details(overrides: Partial<ConferenceDetails> = {}): ConferenceDetails {
	return {
		title: 'Nordisk dialog om supported employment',
		subtitle: 'Dialogkonferanse',
		venue: 'Sigtuna',
		startDate: '2026-05-06',
		endDate: '2026-05-06',
		about: '',
		introduction: '',
		organisation: '',
		author: '',
		introductionBy: '',
		language: 'nb',
		languages: ['nb', 'sv', 'da'],
		...overrides
	};
}

async function conference(overrides: Partial<ConferenceDetails> = {}) {
	const created = await app.conferences.create(details(overrides));
	if (!created.ok) throw new Error(`create failed: ${created.error.code}`);
	return created.value;
}

function person(
	name: string,
	country: string,
	role: string,
	coordinator = false
): ParticipantFields {
	return { name, country, role, organisation: '', language: 'nb', coordinator };
}

async function add(
	conferenceId: string,
	people: ParticipantFields[]
): Promise<Map<string, string>> {
	const added = await app.conferences.addParticipants(conferenceId, people);
	if (!added.ok) throw new Error(`addParticipants failed: ${added.error.code}`);
	return new Map((await app.conferences.participants(conferenceId)).map((p) => [p.name, p.id]));
}

async function round(
	conferenceId: string,
	rule: 'role' | 'country' | 'mixed' | 'manual',
	maxGroupSize: number,
	questions = ['Hva fungerer?', 'Hva mangler?']
) {
	const saved = await app.conferences.saveRound(conferenceId, null, {
		title: `Runde (${rule})`,
		theme: '',
		rule,
		maxGroupSize,
		questions
	});
	if (!saved.ok) throw new Error(`saveRound failed: ${saved.error.code}`);
	return saved.value;
}

/** Group name (in English) → member names, for readable assertions. */
/** Moves someone to a group by hand, as the server. */
const move = async (conferenceId: string, roundId: string, participantId: string, to: string) =>
	await app.conferences.group(conferenceId, roundId, {
		type: 'move',
		participantIds: [participantId],
		to
	});

async function groupsOf(conferenceId: string, roundId: string): Promise<Record<string, string[]>> {
	const detail = (await app.conferences.roundDetail(conferenceId, roundId, 'en'))!;
	const names = new Map(
		(await app.conferences.participants(conferenceId)).map((p) => [p.id, p.name])
	);
	return Object.fromEntries(
		detail.groups.map((g) => [g.name, g.memberIds.map((id) => names.get(id)!).sort()])
	);
}

// Eight employers (split in two), three workers, two job coaches from three countries.
const roster: ParticipantFields[] = [
	person('Åsa Lindqvist', 'SE', 'employer'),
	person('Bjørn Haugland', 'NO', 'employer'),
	person('Dagný Sigurðardóttir', 'IS', 'employer'),
	person('Erik Sæther', 'NO', 'employer'),
	person('Frida Nyström', 'SE', 'employer'),
	person('Gunnhildur Þórsdóttir', 'IS', 'employer'),
	person('Henrik Møller', 'DK', 'employer'),
	person('Ingrid Økland', 'NO', 'employer'),
	person('Jóhann Ólafsson', 'IS', 'worker'),
	person('Karin Åberg', 'SE', 'worker'),
	person('Lars Bæk', 'DK', 'worker'),
	person('Mette Kjær', 'DK', 'job-coach'),
	person('Nils Ødegård', 'NO', 'job-coach', true)
];

describe('conference details', () => {
	it('creates a conference with the default glossary, a join code and a plenum token', async () => {
		const c = await conference();
		expect(await app.conferences.get(c.id)).toEqual(c);
		expect(c.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
		expect(c.plenumToken.length).toBeGreaterThanOrEqual(20);
		expect(await app.conferences.glossary(c.id)).toEqual(createDefaultGlossary());
		expect((await app.conferences.list()).map((x) => x.id)).toEqual([c.id]);
	});

	it('holds several conferences, each with its own code', async () => {
		const a = await conference({ title: 'A' });
		const b = await conference({ title: 'B' });
		expect(a.joinCode).not.toBe(b.joinCode);
		expect(await app.conferences.list()).toHaveLength(2);
	});

	it('cleans text and refuses what is too long, empty or malformed', async () => {
		const trimmed = await conference({ title: '  Nordisk\tdialog  ' });
		expect(trimmed.title).toBe('Nordisk dialog');

		const cases: [Partial<ConferenceDetails>, string, string][] = [
			[{ title: '' }, 'empty', 'title'],
			[{ title: '   ' }, 'empty', 'title'],
			[{ title: 'x'.repeat(conferenceLimits.title + 1) }, 'too_long', 'title'],
			[{ subtitle: 'x'.repeat(conferenceLimits.subtitle + 1) }, 'too_long', 'subtitle'],
			[{ venue: 'x'.repeat(conferenceLimits.venue + 1) }, 'too_long', 'venue'],
			[{ about: 'x'.repeat(conferenceLimits.longText + 1) }, 'too_long', 'about'],
			[{ organisation: 'x'.repeat(conferenceLimits.signoffLine + 1) }, 'too_long', 'organisation'],
			[{ author: 'x'.repeat(conferenceLimits.signoffLine + 1) }, 'too_long', 'author'],
			[
				{ introductionBy: 'x'.repeat(conferenceLimits.signoffLine + 1) },
				'too_long',
				'introductionBy'
			],
			[{ startDate: '2026-02-30' }, 'invalid_payload', 'startDate'],
			[{ startDate: '6.5.2026' }, 'invalid_payload', 'startDate'],
			[{ startDate: '2026-05-06', endDate: '2026-05-05' }, 'invalid_payload', 'endDate'],
			[{ language: 'de' as never }, 'invalid_payload', 'language']
		];
		for (const [overrides, code, field] of cases) {
			const result = await app.conferences.create(details(overrides));
			expect(result.ok, JSON.stringify(overrides).slice(0, 60)).toBe(false);
			if (!result.ok) expect(result.error).toMatchObject({ code, params: { field } });
		}
		// Exactly at the limit is fine (counted in characters, not UTF-16 units).
		expect(
			(await app.conferences.create(details({ title: 'Ø'.repeat(conferenceLimits.title) }))).ok
		).toBe(true);
		expect(
			(await app.conferences.create(details({ title: '😀'.repeat(conferenceLimits.title) }))).ok
		).toBe(true);
	});

	it('saves the report’s sign-off, each on one line', async () => {
		const c = await conference();
		expect(c).toMatchObject({ organisation: '', author: '', introductionBy: '' });
		const updated = await app.conferences.updateDetails(
			c.id,
			details({
				organisation: ' Prosjekt SE-Norden ',
				author: 'Øystein Spjelkavik,\nArbeidsforskningsinstituttet',
				introductionBy: 'Øystein Spjelkavik\t(prosjektleder)'
			})
		);
		expect(updated.ok).toBe(true);
		expect(await app.conferences.get(c.id)).toMatchObject({
			organisation: 'Prosjekt SE-Norden',
			author: 'Øystein Spjelkavik, Arbeidsforskningsinstituttet',
			introductionBy: 'Øystein Spjelkavik (prosjektleder)'
		});
		// A refused change keeps what was saved.
		const refused = await app.conferences.updateDetails(
			c.id,
			details({ author: 'Ø'.repeat(conferenceLimits.signoffLine + 1) })
		);
		expect(refused).toMatchObject({
			ok: false,
			error: {
				code: 'too_long',
				params: { field: 'author', max: conferenceLimits.signoffLine }
			}
		});
		expect((await app.conferences.get(c.id))!.author).toBe(
			'Øystein Spjelkavik, Arbeidsforskningsinstituttet'
		);
	});

	it('fills in the end date and the participants’ languages', async () => {
		const c = await conference({ endDate: '', languages: [] });
		expect(c.endDate).toBe(c.startDate);
		expect(c.languages).toEqual(['nb']);
		const updated = await app.conferences.updateDetails(c.id, details({ title: 'Ny tittel' }));
		expect(updated.ok && updated.value.title).toBe('Ny tittel');
	});

	it('validates programme items and lists them by day and time', async () => {
		const c = await conference();
		const item = (over: object) => ({
			day: '2026-05-06',
			start: '09:00',
			end: '10:00',
			title: 'Innledning',
			kind: 'plenary' as const,
			...over
		});
		expect(
			await app.conferences.saveProgrammeItem(c.id, null, item({ start: '9:00' }))
		).toMatchObject({
			ok: false,
			error: { code: 'invalid_payload', params: { field: 'start' } }
		});
		expect(
			await app.conferences.saveProgrammeItem(c.id, null, item({ end: '08:00' }))
		).toMatchObject({
			ok: false,
			error: { params: { field: 'end' } }
		});
		expect(await app.conferences.saveProgrammeItem(c.id, null, item({ title: '' }))).toMatchObject({
			ok: false,
			error: { code: 'empty' }
		});
		await app.conferences.saveProgrammeItem(
			c.id,
			null,
			item({ start: '14:00', end: '', title: 'Gruppe 2' })
		);
		await app.conferences.saveProgrammeItem(
			c.id,
			null,
			item({ day: '2026-05-05', start: '19:30', end: '' })
		);
		const first = await app.conferences.saveProgrammeItem(c.id, null, item({}));
		expect((await app.conferences.programme(c.id)).map((i) => `${i.day} ${i.start}`)).toEqual([
			'2026-05-05 19:30',
			'2026-05-06 09:00',
			'2026-05-06 14:00'
		]);
		if (!first.ok) throw new Error('save failed');
		const changes: string[] = [];
		app.bus.subscribe((change) => {
			if (change.type === 'conference') changes.push(`${change.conferenceId}:${change.what}`);
		});
		// What the set-up above published came first.
		changes.length = 0;
		const edited = await app.conferences.saveProgrammeItem(
			c.id,
			first.value.id,
			item({ title: 'Velkommen' })
		);
		expect(edited.ok && edited.value.title).toBe('Velkommen');
		expect(changes).toEqual([`${c.id}:structure`]);
		expect((await app.conferences.saveProgrammeItem(c.id, 'nope', item({}))).ok).toBe(false);
		await app.conferences.deleteProgrammeItem(c.id, first.value.id);
		expect(await app.conferences.programme(c.id)).toHaveLength(2);
	});

	it('validates participants', async () => {
		const c = await conference();
		const bad: [Partial<ParticipantFields>, string, string][] = [
			[{ name: '' }, 'empty', 'name'],
			[{ name: 'x'.repeat(conferenceLimits.participantName + 1) }, 'too_long', 'name'],
			[{ country: 'Atlantis' }, 'invalid_payload', 'country'],
			[{ role: 'astronaut' }, 'invalid_payload', 'role'],
			[{ language: 'de' as never }, 'invalid_payload', 'language'],
			[{ organisation: 'x'.repeat(conferenceLimits.organisation + 1) }, 'too_long', 'organisation']
		];
		for (const [overrides, code, field] of bad) {
			const result = await app.conferences.saveParticipant(c.id, null, {
				...person('Sigrún Ósk', 'IS', 'worker'),
				...overrides
			});
			expect(result).toMatchObject({ ok: false, error: { code, params: { field } } });
		}
		// Countries may be given by name in any language.
		const saved = await app.conferences.saveParticipant(
			c.id,
			null,
			person('Sigrún Ósk', 'Ísland', 'worker')
		);
		expect(saved.ok && saved.value.country).toBe('IS');
	});

	it('returns the person it added, also when someone else has the same name', async () => {
		const c = await conference();
		const first = await app.conferences.saveParticipant(
			c.id,
			null,
			person('Anna Berg', 'SE', 'worker')
		);
		const second = await app.conferences.saveParticipant(
			c.id,
			null,
			person('Anna Berg', 'NO', 'employer')
		);
		expect(first.ok && second.ok).toBe(true);
		if (!first.ok || !second.ok) return;
		expect(second.value.id).not.toBe(first.value.id);
		expect(second.value).toMatchObject({ country: 'NO', role: 'employer' });
	});

	it('refuses a round with a bad group size or too many questions', async () => {
		const c = await conference();
		const input = { title: 'Runde 1', theme: '', rule: 'role' as const, questions: ['a'] };
		for (const maxGroupSize of [1, 61, 2.5, Number.NaN]) {
			expect(await app.conferences.saveRound(c.id, null, { ...input, maxGroupSize })).toMatchObject(
				{
					ok: false,
					error: { code: 'invalid_payload', params: { field: 'maxGroupSize' } }
				}
			);
		}
		const many = Array.from({ length: limits.questions + 1 }, (_, i) => `Spørsmål ${i}`);
		expect(
			await app.conferences.saveRound(c.id, null, { ...input, maxGroupSize: 6, questions: many })
		).toMatchObject({ ok: false, error: { code: 'too_many' } });
		// Blank lines are dropped, not counted.
		const saved = await app.conferences.saveRound(c.id, null, {
			...input,
			maxGroupSize: 6,
			questions: ['  Hva fungerer? ', '', '   ', 'Hva mangler?']
		});
		expect(saved.ok && saved.value.questions).toEqual(['Hva fungerer?', 'Hva mangler?']);
	});

	it('limits the notice and clears it when empty', async () => {
		const c = await conference();
		expect(
			await app.conferences.setNotice(c.id, 'x'.repeat(conferenceLimits.notice + 1))
		).toMatchObject({
			ok: false,
			error: { code: 'too_long', params: { max: conferenceLimits.notice } }
		});
		await app.conferences.setNotice(c.id, 'Plenum kl. 13.30');
		expect(await app.conferences.get(c.id)).toMatchObject({ notice: 'Plenum kl. 13.30' });
		expect((await app.conferences.get(c.id))!.noticeAt).not.toBeNull();
		await app.conferences.setNotice(c.id, '');
		expect(await app.conferences.get(c.id)).toMatchObject({ notice: '', noticeAt: null });
	});

	it('renames a default role in one language and adds an own role', async () => {
		const c = await conference();
		const renamed = await app.conferences.saveRole(c.id, {
			id: 'job-coach',
			label: { nb: 'Jobbkonsulent' },
			groupLabel: { nb: 'Jobbkonsulenter' }
		});
		expect(renamed.ok).toBe(true);
		const roles = await app.conferences.roles(c.id);
		const coach = roles.find((r) => r.id === 'job-coach')!;
		expect(coach.label.nb).toBe('Jobbkonsulent');
		expect(coach.label.sv).toBe('Jobbcoach');
		expect(
			(await app.conferences.saveRole(c.id, { id: 'tolk', label: { nb: 'Tolk' }, groupLabel: {} }))
				.ok
		).toBe(true);
		expect((await app.conferences.roles(c.id)).map((r) => r.id)).toContain('tolk');
		expect(
			await app.conferences.saveRole(c.id, { id: 'Bad Id', label: { nb: 'x' }, groupLabel: {} })
		).toMatchObject({ ok: false });
	});
});

describe('CSV import', () => {
	const noChoices = { existing: null, rows: {}, roles: {} };
	const good = [
		'Navn;Land;Rolle;Organisasjon;Språk;Nasjonal koordinator',
		'Åse Ødegård;Norge;Arbeidsgiver;Bakeriet AS;nb;',
		'Þóra Sigurðardóttir;Ísland;jobbcoach;;is;ja',
		'Päivi Mäkinen;Suomi;Työntekijä;;;'
	].join('\n');

	it('saves nothing while a row has errors, then everything once the file is right', async () => {
		const c = await conference();
		const bad = good.replace('Ísland', 'Atlantis');
		const checked = await previewParticipantsImport(app, c.id, new TextEncoder().encode(bad));
		expect(checked.token).toBeNull();
		expect(checked.preview.ok).toBe(false);
		const row = checked.preview.rows.find((r) => !r.ok);
		expect(row && !row.ok && row.errors).toEqual([
			{ field: 'country', code: 'unknown_country', params: { value: 'Atlantis' } }
		]);
		expect(await app.conferences.participants(c.id)).toHaveLength(0);

		const fixed = await previewParticipantsImport(app, c.id, new TextEncoder().encode(good));
		expect(fixed.preview.ok).toBe(true);
		expect(await app.conferences.participants(c.id)).toHaveLength(0);
		const saved = await commitParticipantsImport(app, c.id, fixed.token!, noChoices);
		expect(saved).toEqual({ ok: true, value: { added: 3, updated: 0 } });
		const people = (await app.conferences.participants(c.id)).sort((a, b) =>
			a.name.localeCompare(b.name, 'nb')
		);
		expect(people.map((p) => [p.name, p.country, p.role, p.language, p.coordinator])).toEqual([
			['Päivi Mäkinen', 'FI', 'worker', 'nb', false],
			['Þóra Sigurðardóttir', 'IS', 'job-coach', 'is', true],
			['Åse Ødegård', 'NO', 'employer', 'nb', false]
		]);
		// A token saves once (confirmed again, it answers the same and adds nobody), and only for
		// its conference.
		expect(await commitParticipantsImport(app, c.id, fixed.token!, noChoices)).toEqual(saved);
		expect(await app.conferences.participants(c.id)).toHaveLength(3);
		const other = await conference({ title: 'Other' });
		const again = await previewParticipantsImport(app, c.id, good);
		expect((await commitParticipantsImport(app, other.id, again.token!, noChoices)).ok).toBe(false);
	});

	it('reports problems with the whole file and saves nothing', async () => {
		const c = await conference();
		const missing = await previewParticipantsImport(app, c.id, 'Navn;Organisasjon\nÅse;Bakeriet');
		expect(missing.token).toBeNull();
		expect(missing.preview.fileErrors.map((e) => e.code)).toEqual([
			'missing_column',
			'missing_column'
		]);
		const huge = await previewParticipantsImport(app, c.id, new Uint8Array(1024 * 1024 + 1));
		expect(huge.preview.fileErrors.map((e) => e.code)).toEqual(['file_too_large']);
		expect(await app.conferences.participants(c.id)).toHaveLength(0);
	});

	it('adds all rows or none when the conference would get too big', async () => {
		const c = await conference();
		const many = Array.from({ length: conferenceLimits.participants - 1 }, (_, i) =>
			person(`Deltaker ${i}`, 'NO', 'worker')
		);
		expect((await app.conferences.addParticipants(c.id, many)).ok).toBe(true);
		const checked = await previewParticipantsImport(app, c.id, good);
		expect(await commitParticipantsImport(app, c.id, checked.token!, noChoices)).toMatchObject({
			ok: false,
			problems: [{ code: 'too_many', params: { max: conferenceLimits.participants } }]
		});
		expect(await app.conferences.participants(c.id)).toHaveLength(
			conferenceLimits.participants - 1
		);
	});

	it('reads back the template an organiser downloads, in every language', async () => {
		const c = await conference();
		const columns = ['name', 'country', 'role', 'organisation', 'language', 'coordinator'] as const;
		for (const lang of languages) {
			const t = fixedT(lang);
			const csv = writeCsv(
				[
					columns.map((column) => t(`organiser.import.templateHeaders.${column}`)),
					['Ingrid Sæther', 'NO', 'coordinator', 'Arbeidsforskningssenteret', 'nb', 'x'],
					['Þóra Sigurðardóttir', 'IS', 'job-coach', '', 'is', '']
				],
				{ delimiter: ';', bom: true }
			);
			const checked = await previewParticipantsImport(app, c.id, new TextEncoder().encode(csv));
			expect(checked.preview.fileErrors, lang).toEqual([]);
			expect(checked.preview.warnings, lang).toEqual([]);
			expect(
				checked.preview.participants.map((p) => [p.role, p.coordinator]),
				lang
			).toEqual([
				['coordinator', true],
				['job-coach', false]
			]);
		}
	});

	it('adds no one twice on a re-import: people on the list are updated or skipped as chosen', async () => {
		const c = await conference();
		const first = await previewParticipantsImport(app, c.id, good);
		expect(await commitParticipantsImport(app, c.id, first.token!, noChoices)).toEqual({
			ok: true,
			value: { added: 3, updated: 0 }
		});
		const again = await previewParticipantsImport(app, c.id, good);
		expect(again.rows.map((r) => r.existing?.changes)).toEqual([[], [], []]);
		expect(await commitParticipantsImport(app, c.id, again.token!, noChoices)).toEqual({
			ok: true,
			value: { added: 0, updated: 0 }
		});
		expect(await app.conferences.participants(c.id)).toHaveLength(3);

		// The Icelandic glossary word for caseworker, and a word that fits two roles.
		const changed = `${good.replace('Bakeriet AS', 'Bakeriet Fjordvik AS')}
Guðrún Jónsdóttir;Ísland;ráðgjafi;;is;
Nils Ødegård;Norge;veileder;;nb;`;
		const checked = await previewParticipantsImport(app, c.id, changed);
		expect(checked.token).not.toBeNull();
		expect(await commitParticipantsImport(app, c.id, checked.token!, noChoices)).toMatchObject({
			ok: false,
			problems: [
				{ code: 'choose_existing', params: { rows: '2' } },
				{ code: 'choose_role', params: { rows: '6' } }
			]
		});
		expect(
			await commitParticipantsImport(app, c.id, checked.token!, {
				existing: 'update',
				rows: {},
				roles: { 6: 'job-coach' }
			})
		).toEqual({ ok: true, value: { added: 2, updated: 1 } });
		const people = new Map((await app.conferences.participants(c.id)).map((p) => [p.name, p]));
		expect(people.size).toBe(5);
		expect(people.get('Åse Ødegård')!.organisation).toBe('Bakeriet Fjordvik AS');
		expect(people.get('Guðrún Jónsdóttir')!.role).toBe('caseworker');
		expect(people.get('Nils Ødegård')!.role).toBe('job-coach');
	});

	it('refuses a checked file when the people it matched changed on the list meanwhile', async () => {
		const c = await conference();
		const first = await previewParticipantsImport(app, c.id, good);
		await commitParticipantsImport(app, c.id, first.token!, noChoices);
		const checked = await previewParticipantsImport(
			app,
			c.id,
			good.replace('Bakeriet AS', 'Bakeriet Fjordvik AS')
		);
		const ase = (await app.conferences.participants(c.id)).find((p) => p.name === 'Åse Ødegård')!;
		await app.conferences.removeParticipant(c.id, ase.id);
		expect(
			await commitParticipantsImport(app, c.id, checked.token!, {
				existing: 'update',
				rows: {},
				roles: {}
			})
		).toMatchObject({ ok: false, problems: [{ code: 'list_changed' }] });
		expect(await app.conferences.participants(c.id)).toHaveLength(2);
	});

	it('uses the conference’s own role words', async () => {
		const c = await conference();
		await app.conferences.saveRole(c.id, { id: 'tolk', label: { nb: 'Tolk' }, groupLabel: {} });
		const checked = await previewParticipantsImport(
			app,
			c.id,
			'Navn,Land,Rolle\nOla Nordmann,NO,Tolk'
		);
		expect(checked.preview.ok).toBe(true);
		expect(checked.preview.participants[0]!.role).toBe('tolk');
	});
});

describe('allocation', () => {
	it('groups by role, splits a large role in two and names the parts', async () => {
		const c = await conference();
		await add(c.id, roster);
		const r = await round(c.id, 'role', 6);
		const result = await app.conferences.allocate(c.id, r.id);
		expect(result).toEqual({ ok: true, value: [] });
		const groups = await groupsOf(c.id, r.id);
		expect(Object.keys(groups)).toEqual(['Workers', 'Employers I', 'Employers II', 'Job coaches']);
		expect(groups['Employers I']).toHaveLength(4);
		expect(groups['Employers II']).toHaveLength(4);
		// The countries of a split role are spread over its parts.
		const countries = new Map(roster.map((p) => [p.name, p.country]));
		for (const part of ['Employers I', 'Employers II']) {
			const seen = new Set(groups[part]!.map((n) => countries.get(n)));
			expect(seen.size).toBeGreaterThanOrEqual(3);
		}
		// Names follow the reader's language.
		const detail = (await app.conferences.roundDetail(c.id, r.id, 'nb'))!;
		expect(detail.groups.map((g) => g.name)).toEqual([
			'Arbeidstakere',
			'Arbeidsgivere I',
			'Arbeidsgivere II',
			'Jobbspesialister'
		]);
		expect(detail.unplaced).toEqual([]);
	});

	it('groups by country', async () => {
		const c = await conference();
		await add(c.id, roster);
		const r = await round(c.id, 'country', 12);
		await app.conferences.allocate(c.id, r.id);
		const groups = await groupsOf(c.id, r.id);
		expect(Object.keys(groups)).toEqual(['Denmark', 'Iceland', 'Norway', 'Sweden']);
		expect(groups.Norway).toEqual([
			'Bjørn Haugland',
			'Erik Sæther',
			'Ingrid Økland',
			'Nils Ødegård'
		]);
	});

	it('keeps hand moves and earlier placements when re-run for late arrivals', async () => {
		const c = await conference();
		const ids = await add(c.id, roster);
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		const before = (await app.conferences.roundDetail(c.id, r.id, 'en'))!;
		const workers = before.groups.find((g) => g.name === 'Workers')!;
		const coaches = before.groups.find((g) => g.name === 'Job coaches')!;

		// A job coach sits with the workers, by hand.
		const moved = ids.get('Mette Kjær')!;
		expect((await move(c.id, r.id, moved, workers.id)).ok).toBe(true);

		// Two late arrivals: an employer and a worker.
		const late = await add(c.id, [
			person('Ørjan Vik', 'NO', 'employer'),
			person('Sölvi Hrafnsson', 'IS', 'worker')
		]);
		const warnings = await app.conferences.allocate(c.id, r.id);
		expect(warnings.ok).toBe(true);
		const after = (await app.conferences.roundDetail(c.id, r.id, 'en'))!;
		const groupOf = (id: string) => after.groups.find((g) => g.memberIds.includes(id))?.id;

		expect(groupOf(moved)).toBe(workers.id);
		expect(after.groups.find((g) => g.id === workers.id)!.pinnedIds).toEqual([moved]);
		// Nobody who was placed before moved.
		for (const group of before.groups) {
			for (const id of group.memberIds) if (id !== moved) expect(groupOf(id)).toBe(group.id);
		}
		expect(groupOf(late.get('Ørjan Vik')!)).toBeDefined();
		expect(groupOf(late.get('Sölvi Hrafnsson')!)).toBe(workers.id);
		expect(after.groups.find((g) => g.id === coaches.id)!.memberIds).toEqual([
			ids.get('Nils Ødegård')
		]);
	});

	it('keeps hand moves over everyone else, and warns when they overfill a group', async () => {
		const c = await conference();
		const ids = await add(c.id, roster);
		const r = await round(c.id, 'role', 4);
		await app.conferences.allocate(c.id, r.id);
		const detail = (await app.conferences.roundDetail(c.id, r.id, 'en'))!;
		const workers = detail.groups.find((g) => g.name === 'Workers')!;
		expect(workers.memberIds).toHaveLength(3);

		// Two job coaches join the three workers by hand: a worker must make room.
		await move(c.id, r.id, ids.get('Mette Kjær')!, workers.id);
		await move(c.id, r.id, ids.get('Nils Ødegård')!, workers.id);
		const rerun = await app.conferences.allocate(c.id, r.id);
		expect(rerun.ok && rerun.value).toEqual([
			expect.objectContaining({ code: 'not_kept', group: workers.key, reason: 'full' })
		]);
		const groups = await groupsOf(c.id, r.id);
		expect(groups['Workers I']).toHaveLength(4);
		expect(groups['Workers I']).toEqual(expect.arrayContaining(['Mette Kjær', 'Nils Ødegård']));
		expect(groups['Workers II']).toHaveLength(1);
		// The job coaches' group was emptied by hand: it stays, empty, and is never shown.
		expect(groups['Job coaches']).toEqual([]);
		const coaches = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups.find(
			(g) => g.name === 'Job coaches'
		)!;
		expect(coaches.shown).toBe(false);

		// Moves by hand always hold, even past the limit.
		const workersOne = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups.find(
			(g) => g.name === 'Workers I'
		)!;
		for (const name of ['Jóhann Ólafsson', 'Karin Åberg', 'Lars Bæk'])
			await move(c.id, r.id, ids.get(name)!, workersOne.id);
		const over = await app.conferences.allocate(c.id, r.id);
		expect(over.ok && over.value).toContainEqual({
			code: 'over_max',
			group: workersOne.key,
			size: 5,
			max: 4
		});
	});

	it('places nobody in a manual round until moved by hand', async () => {
		const c = await conference();
		const ids = await add(c.id, roster.slice(0, 3));
		const r = await round(c.id, 'manual', 6);
		await app.conferences.allocate(c.id, r.id);
		expect((await app.conferences.roundDetail(c.id, r.id, 'en'))!.unplaced).toHaveLength(3);
		const group = await app.conferences.group(c.id, r.id, {
			type: 'addGroup',
			groupId: 'hand-made'
		});
		if (!group.ok) throw new Error('addGroup failed');
		await move(c.id, r.id, ids.get('Åsa Lindqvist')!, 'hand-made');
		await app.conferences.allocate(c.id, r.id);
		const detail = (await app.conferences.roundDetail(c.id, r.id, 'en'))!;
		expect(detail.groups.map((g) => g.name)).toEqual(['Group 1']);
		expect(detail.unplaced).toHaveLength(2);
	});

	it('renames groups, sets leaders and own questions', async () => {
		const c = await conference();
		const ids = await add(c.id, roster);
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		const group = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups[0]!;
		const leader = group.memberIds[0]!;
		const grouping = async (action: GroupingAction) =>
			await app.conferences.group(c.id, r.id, action);
		expect((await grouping({ type: 'renameGroup', groupId: group.id, name: 'Brukere' })).ok).toBe(
			true
		);
		expect(
			(await grouping({ type: 'lead', groupId: group.id, participantIds: [leader, leader] })).ok
		).toBe(true);
		expect(
			await grouping({ type: 'lead', groupId: group.id, participantIds: ['nobody'] })
		).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(
			await app.conferences.setGroupQuestions(c.id, r.id, group.id, ['Hva trenger du?', ''])
		).toMatchObject({ ok: true, value: { customName: 'Brukere', questions: ['Hva trenger du?'] } });
		const again = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups[0]!;
		expect(again.name).toBe('Brukere');
		expect(again.leaders).toEqual([leader]);
		// Clearing the name and the questions goes back to the generated name and the round's.
		await grouping({ type: 'renameGroup', groupId: group.id, name: '' });
		await app.conferences.setGroupQuestions(c.id, r.id, group.id, []);
		const cleared = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups[0]!;
		expect(cleared.name).toBe(
			groupName(cleared.descriptor, { roles: await app.conferences.roles(c.id) }, 'en')
		);
		expect(cleared.questions).toBeNull();
		expect(ids.size).toBe(roster.length);
	});
});

describe('starting a round', () => {
	it('refuses to start without people, or naming the group without questions', async () => {
		const c = await conference();
		await add(c.id, roster);
		const r = await round(c.id, 'role', 6, []);
		expect(await app.conferences.startRound(c.id, r.id)).toMatchObject({
			ok: false,
			error: { code: 'empty', params: { field: 'groups' } }
		});
		await app.conferences.allocate(c.id, r.id);
		expect(await app.conferences.startRound(c.id, r.id)).toMatchObject({
			ok: false,
			error: { code: 'group_without_questions', params: { group: 'Arbeidstakere' } }
		});
	});

	it('creates one session per group with its members and questions', async () => {
		const c = await conference();
		await add(c.id, roster);
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		const own = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups[0]!;
		await app.conferences.setGroupQuestions(c.id, r.id, own.id, ['Egen a', 'Egen b', 'Egen c']);
		const started = await app.conferences.startRound(c.id, r.id);
		expect(started.ok).toBe(true);
		expect((await app.conferences.get(c.id))!.currentRoundId).toBe(r.id);

		const detail = (await app.conferences.roundDetail(c.id, r.id, 'nb'))!;
		expect(detail.startedAt).not.toBeNull();
		const sessionIds = new Set<string>();
		for (const group of detail.groups) {
			expect(group.sessionId).not.toBeNull();
			sessionIds.add(group.sessionId!);
			const session = (await app.sessions.get(group.sessionId!))!;
			expect(session.access.conferenceId).toBe(c.id);
			expect(session.state.title).toBe(group.name);
			expect(session.state.language).toBe('nb');
			const enrolled = session.state.participants.filter((p) => !p.removed).map((p) => p.id);
			expect(enrolled.sort()).toEqual([...group.memberIds].sort());
			const questions = session.state.questions.map((q) => q.text);
			expect(questions).toEqual(
				group.id === own.id ? ['Egen a', 'Egen b', 'Egen c'] : ['Hva fungerer?', 'Hva mangler?']
			);
		}
		expect(sessionIds.size).toBe(detail.groups.length);

		// Starting again changes nothing.
		await app.conferences.startRound(c.id, r.id);
		const again = (await app.conferences.roundDetail(c.id, r.id, 'nb'))!;
		expect(again.groups.map((g) => g.sessionId)).toEqual(detail.groups.map((g) => g.sessionId));
	});

	it('moves someone between sessions after the start and keeps their notes', async () => {
		const c = await conference();
		const ids = await add(c.id, roster);
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		await app.conferences.startRound(c.id, r.id);
		const detail = (await app.conferences.roundDetail(c.id, r.id, 'en'))!;
		const from = detail.groups.find((g) => g.name === 'Workers')!;
		const to = detail.groups.find((g) => g.name === 'Job coaches')!;
		const who = ids.get('Lars Bæk')!;

		// Lars writes a note in the workers' session.
		const fromSession = (await app.sessions.get(from.sessionId!))!;
		const question = fromSession.state.questions[0]!;
		const advance = await app.sessions.dispatch(
			from.sessionId!,
			'cmd-advance',
			`s:${from.sessionId}:f`,
			{ type: 'phase.advance', questionId: question.id, from: 'lobby' },
			{ role: 'facilitator' }
		);
		expect(advance.ack.ok).toBe(true);
		const note = await app.sessions.dispatch(
			from.sessionId!,
			'cmd-note',
			`s:${from.sessionId}:p:${who}`,
			{ type: 'note.add', questionId: question.id, noteId: 'note-1', text: 'Fast kontaktperson' },
			{ role: 'participant', participantId: who }
		);
		expect(note.ack.ok).toBe(true);

		expect((await move(c.id, r.id, who, to.id)).ok).toBe(true);

		const old = (await app.sessions.get(from.sessionId!))!.state;
		expect(old.participants.find((p) => p.id === who)).toMatchObject({ removed: true });
		expect(old.questions[0]!.notes.map((n) => [n.authorId, n.text])).toEqual([
			[who, 'Fast kontaktperson']
		]);
		const next = (await app.sessions.get(to.sessionId!))!.state;
		expect(next.participants.find((p) => p.id === who)).toMatchObject({
			name: 'Lars Bæk',
			removed: false
		});

		// Moving back re-enrols them in the first session.
		await move(c.id, r.id, who, from.id);
		expect(
			(await app.sessions.get(from.sessionId!))!.state.participants.find((p) => p.id === who)
		).toMatchObject({ removed: false });
		expect(
			(await app.sessions.get(to.sessionId!))!.state.participants.find((p) => p.id === who)
		).toMatchObject({ removed: true });
	});

	it('carries a new group name and changed questions into a running session, keeping its notes', async () => {
		const c = await conference();
		await add(c.id, roster);
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		await app.conferences.startRound(c.id, r.id);
		const [first, second] = (await app.conferences.roundDetail(c.id, r.id, 'nb'))!.groups;
		const sessionOf = async (id: string) => (await app.sessions.get(id))!.state;
		const before = await sessionOf(first!.sessionId!);
		const qa = before.questions[0]!;
		const facilitator = { role: 'facilitator' } as const;
		await app.sessions.dispatch(
			first!.sessionId!,
			'c-adv',
			'f',
			{
				type: 'phase.advance',
				questionId: qa.id,
				from: 'lobby'
			},
			facilitator
		);
		const who = before.participants[0]!.id;
		await app.sessions.dispatch(
			first!.sessionId!,
			'c-note',
			'p',
			{
				type: 'note.add',
				questionId: qa.id,
				noteId: 'n-1',
				text: 'Kortere ventetid'
			},
			{ role: 'participant', participantId: who }
		);

		// A new name and a third question: the title changes, a question is added, a is kept.
		await app.conferences.group(c.id, r.id, {
			type: 'renameGroup',
			groupId: first!.id,
			name: 'Arbeidstakere'
		});
		await app.conferences.setGroupQuestions(c.id, r.id, first!.id, [
			'Hva fungerer?',
			'Hva mangler?',
			'Hva gjør vi først?'
		]);
		const renamed = await sessionOf(first!.sessionId!);
		expect(renamed.title).toBe('Arbeidstakere');
		expect(renamed.questions.map((q) => [q.label, q.text])).toEqual([
			['a', 'Hva fungerer?'],
			['b', 'Hva mangler?'],
			['c', 'Hva gjør vi først?']
		]);
		expect(renamed.questions[0]!.id).toBe(qa.id);
		expect(renamed.questions[0]!.notes.map((n) => n.text)).toEqual(['Kortere ventetid']);

		// Only leaders change: a title the facilitator set in the console stays.
		await app.sessions.dispatch(
			first!.sessionId!,
			'c-title',
			'f',
			{
				type: 'session.retitle',
				title: 'Arbeidstakere (rom 2)'
			},
			facilitator
		);
		await app.conferences.group(c.id, r.id, {
			type: 'lead',
			groupId: first!.id,
			participantIds: [who]
		});
		expect((await sessionOf(first!.sessionId!)).title).toBe('Arbeidstakere (rom 2)');

		// The round's questions reach the groups that ask them, and only those.
		await app.conferences.saveRound(c.id, r.id, {
			title: r.title,
			theme: '',
			rule: 'role',
			maxGroupSize: 6,
			questions: ['Hva fungerer godt?', 'Hva mangler?']
		});
		expect((await sessionOf(second!.sessionId!)).questions.map((q) => q.text)).toEqual([
			'Hva fungerer godt?',
			'Hva mangler?'
		]);
		expect((await sessionOf(first!.sessionId!)).questions.map((q) => q.text)).toEqual([
			'Hva fungerer?',
			'Hva mangler?',
			'Hva gjør vi først?'
		]);
	});

	it('gives a late arrival a seat in a running session when re-allocated', async () => {
		const c = await conference();
		await add(c.id, roster);
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		await app.conferences.startRound(c.id, r.id);
		const late = (await add(c.id, [person('Sölvi Hrafnsson', 'IS', 'worker')])).get(
			'Sölvi Hrafnsson'
		)!;
		await app.conferences.allocate(c.id, r.id);
		const workers = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups.find(
			(g) => g.name === 'Workers'
		)!;
		expect(workers.memberIds).toContain(late);
		const session = (await app.sessions.get(workers.sessionId!))!;
		expect(session.state.participants.map((p) => p.id)).toContain(late);
	});

	it('keeps sessions in step when someone is renamed or removed from the conference', async () => {
		const c = await conference();
		const ids = await add(c.id, roster);
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		await app.conferences.startRound(c.id, r.id);
		const workers = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups.find(
			(g) => g.name === 'Workers'
		)!;
		const who = ids.get('Karin Åberg')!;
		await app.conferences.saveParticipant(c.id, who, person('Karin Åberg-Lund', 'SE', 'worker'));
		const renamed = (await app.sessions.get(workers.sessionId!))!.state.participants.find(
			(p) => p.id === who
		);
		expect(renamed).toMatchObject({ name: 'Karin Åberg-Lund', removed: false });

		await app.conferences.removeParticipant(c.id, who);
		const removed = (await app.sessions.get(workers.sessionId!))!.state.participants.find(
			(p) => p.id === who
		);
		expect(removed).toMatchObject({ removed: true });
	});

	it('enrols people whose names are longer than a session allows', async () => {
		const c = await conference();
		const long = `Ingibjörg Margrét ${'Þ'.repeat(limits.nameChars)}dóttir`;
		const ids = await add(c.id, [person(long, 'IS', 'worker'), person('Ari Þór', 'IS', 'worker')]);
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		await app.conferences.startRound(c.id, r.id);
		const group = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups[0]!;
		const session = (await app.sessions.get(group.sessionId!))!;
		const enrolled = session.state.participants.find((p) => p.id === ids.get(long));
		expect(enrolled).toBeDefined();
		expect([...enrolled!.name].length).toBeLessThanOrEqual(limits.nameChars);
	});

	it('will not delete a started round', async () => {
		const c = await conference();
		await add(c.id, roster);
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		await app.conferences.startRound(c.id, r.id);
		expect(await app.conferences.deleteRound(c.id, r.id)).toMatchObject({
			ok: false,
			error: { code: 'wrong_phase' }
		});
	});
});

describe('plenum', () => {
	it('presents a round and its groups, and stores the summary', async () => {
		const c = await conference();
		await add(c.id, roster);
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		const group = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups[1]!;
		expect((await app.conferences.present(c.id, r.id, null)).ok).toBe(true);
		expect(await app.conferences.get(c.id)).toMatchObject({
			plenumRoundId: r.id,
			plenumGroupId: null
		});
		expect((await app.conferences.present(c.id, r.id, group.id)).ok).toBe(true);
		expect(await app.conferences.get(c.id)).toMatchObject({ plenumGroupId: group.id });
		expect(await app.conferences.present(c.id, r.id, 'nope')).toMatchObject({ ok: false });
		expect((await app.conferences.present(c.id, null, null)).ok).toBe(true);
		expect(await app.conferences.get(c.id)).toMatchObject({
			plenumRoundId: null,
			plenumGroupId: null
		});

		// Deleting the round the plenum screen shows sends the screen back to the start.
		const spare = await round(c.id, 'country', 6);
		await app.conferences.present(c.id, spare.id, null);
		expect((await app.conferences.deleteRound(c.id, spare.id)).ok).toBe(true);
		expect(await app.conferences.get(c.id)).toMatchObject({
			plenumRoundId: null,
			plenumGroupId: null
		});

		expect((await app.conferences.setPlenumSummary(c.id, r.id, 'Felles funn:\n\n- lønn')).ok).toBe(
			true
		);
		expect((await app.conferences.rounds(c.id))[0]!.plenumSummary).toBe('Felles funn:\n\n- lønn');
		expect(
			await app.conferences.setPlenumSummary(c.id, r.id, 'x'.repeat(conferenceLimits.summary + 1))
		).toMatchObject({ ok: false, error: { code: 'too_long' } });
	});
});

describe('deleting a conference', () => {
	it('removes the conference and everything in it, and nothing of another', async () => {
		const keep = await conference({ title: 'Keep' });
		await add(keep.id, roster.slice(0, 4));
		const keepRound = await round(keep.id, 'country', 6);
		await app.conferences.allocate(keep.id, keepRound.id);
		await app.conferences.startRound(keep.id, keepRound.id);

		const c = await conference();
		await add(c.id, roster);
		await app.conferences.saveProgrammeItem(c.id, null, {
			day: '2026-05-06',
			start: '09:00',
			end: '',
			title: 'Innledning',
			kind: 'plenary'
		});
		await app.conferences.saveRole(c.id, { id: 'tolk', label: { nb: 'Tolk' }, groupLabel: {} });
		const r = await round(c.id, 'role', 6);
		await app.conferences.allocate(c.id, r.id);
		await app.conferences.startRound(c.id, r.id);
		const sessionIds = (await app.conferences.roundDetail(c.id, r.id, 'en'))!.groups.map(
			(g) => g.sessionId!
		);

		// Another session's answer whose scope differs only in case (LIKE would match it).
		const lookalike = `s:${sessionIds[0]!.replace(/[a-z]/, (ch) => ch.toUpperCase())}:f`;
		app.db
			.prepare(
				'INSERT INTO processed_commands (id, scope, name, ack, created_at) VALUES (?, ?, ?, ?, ?)'
			)
			.run('lookalike', lookalike, 'phase.advance', '{}', 0);

		await app.conferences.delete(c.id);

		expect(await app.conferences.get(c.id)).toBeNull();
		expect(
			app.db.prepare("SELECT id FROM processed_commands WHERE id = 'lookalike'").get()
		).toEqual({
			id: 'lookalike'
		});
		const count = (table: string, column: string, value: string) =>
			(
				app.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).get(value) as {
					n: number;
				}
			).n;
		for (const table of [
			'programme_items',
			'roles',
			'conference_participants',
			'rounds',
			'glossary_entries',
			'sessions'
		]) {
			expect(count(table, 'conference_id', c.id), table).toBe(0);
		}
		expect(count('groups', 'round_id', r.id)).toBe(0);
		expect(count('seats', 'round_id', r.id)).toBe(0);
		expect(count('grouping_history', 'round_id', r.id)).toBe(0);
		for (const id of sessionIds) {
			expect(count('session_events', 'session_id', id)).toBe(0);
			expect(await app.sessions.get(id)).toBeNull();
		}
		const leftovers = app.db
			.prepare("SELECT count(*) AS n FROM processed_commands WHERE scope LIKE 's:%'")
			.get() as { n: number };
		const keptSessions = (await app.conferences.roundDetail(
			keep.id,
			keepRound.id,
			'en'
		))!.groups.map((g) => g.sessionId!);
		// Only the other conference's commands are left.
		const kept = keptSessions.reduce(
			(n, id) =>
				n +
				(
					app.db
						.prepare('SELECT count(*) AS n FROM processed_commands WHERE substr(scope, 1, ?) = ?')
						.get(id.length + 3, `s:${id}:`) as { n: number }
				).n,
			0
		);
		expect(leftovers.n).toBe(kept + 1);
		expect(kept).toBeGreaterThan(0);

		expect(await app.conferences.get(keep.id)).not.toBeNull();
		expect(await app.conferences.participants(keep.id)).toHaveLength(4);
		expect(await app.sessions.get(keptSessions[0]!)).not.toBeNull();
	});
});

describe('the demo conference', () => {
	it('builds the report’s conference: programme, forty people, two allocated rounds with leaders', async () => {
		const { createDemoConference } = await import('./demo');
		const demo = await createDemoConference(app, 'nb', Date.UTC(2026, 0, 1));
		expect(demo).toMatchObject({
			title: 'Nordisk dialog om supported employment',
			organisation: 'Prosjekt SE-Norden',
			author: 'Øyvind Fjærestad, Arbeidsforskningssenteret',
			introductionBy: 'Øyvind Fjærestad (prosjektleder)',
			language: 'nb',
			startDate: '2026-01-21',
			endDate: '2026-01-22'
		});
		expect(await app.conferences.programme(demo.id)).toHaveLength(11);
		const people = await app.conferences.participants(demo.id);
		expect(people).toHaveLength(40);
		expect(new Set(people.map((p) => p.country))).toEqual(new Set(['DK', 'FI', 'IS', 'NO', 'SE']));
		expect(people.filter((p) => p.coordinator)).toHaveLength(5);
		// The project leader who introduces the day and signs the report is one of them.
		expect(people.map((p) => p.name)).toContain('Øyvind Fjærestad');
		expect(people.some((p) => /[ÆØÅÐÞÄÖ]/.test(p.name))).toBe(true);

		const [first, second] = await app.conferences.rounds(demo.id);
		const one = (await app.conferences.roundDetail(demo.id, first!.id, 'nb'))!;
		expect(one.rule).toBe('role');
		expect(one.maxGroupSize).toBe(6);
		expect(one.unplaced).toEqual([]);
		expect(one.groups.map((g) => g.name)).toEqual([
			'Arbeidstakere',
			'Arbeidsgivere I',
			'Arbeidsgivere II',
			'Jobbspesialister I',
			'Jobbspesialister II',
			'Saksbehandlere',
			'Beslutningstakere og koordinatorer'
		]);
		const roleOf = new Map(people.map((p) => [p.id, p]));
		for (const group of one.groups) {
			expect(group.memberIds.length).toBeLessThanOrEqual(6);
			expect(group.leaders).toHaveLength(1);
			const leader = roleOf.get(group.leaders[0]!)!;
			expect(group.memberIds).toContain(leader.id);
			expect(['researcher', 'coordinator', 'other']).toContain(leader.role);
		}
		// Each role asks its own questions; the caseworkers use the round's.
		expect(one.groups[0]!.questions![0]).toMatch(/beholde – jobben/);
		expect(one.groups[1]!.questions).toEqual(one.groups[2]!.questions);
		expect(one.groups[5]!.questions).toBeNull();
		expect(one.questions).toHaveLength(2);

		const two = (await app.conferences.roundDetail(demo.id, second!.id, 'nb'))!;
		expect(two.groups.map((g) => g.name)).toEqual([
			'Danmark',
			'Finland',
			'Island',
			'Norge',
			'Sverige'
		]);
		expect(two.groups.every((g) => g.leaders.length === 1)).toBe(true);
		expect(two.questions).toHaveLength(2);
		expect(two.startedAt).toBeNull();

		// Re-running either allocation changes nothing and warns about nothing.
		expect(await app.conferences.allocate(demo.id, first!.id)).toEqual({ ok: true, value: [] });
		expect(await app.conferences.allocate(demo.id, second!.id)).toEqual({ ok: true, value: [] });
		expect(
			(await app.conferences.roundDetail(demo.id, first!.id, 'nb'))!.groups.map((g) => g.memberIds)
		).toEqual(one.groups.map((g) => g.memberIds));
	});

	it('speaks the language it is made in', async () => {
		const { createDemoConference } = await import('./demo');
		const projectLeader = {
			sv: 'projektledare',
			da: 'projektleder',
			is: 'stjórnandi verkefnisins',
			fi: 'projektipäällikkö',
			en: 'project leader'
		};
		for (const lang of ['sv', 'da', 'is', 'fi', 'en'] as const) {
			const demo = await createDemoConference(app, lang);
			expect(demo.language).toBe(lang);
			expect(demo.organisation).toContain('SE-Norden');
			expect(demo.introductionBy).toBe(`Øyvind Fjærestad (${projectLeader[lang]})`);
			const round = (await app.conferences.rounds(demo.id))[0]!;
			expect((await app.conferences.roundDetail(demo.id, round.id, lang))!.groups).toHaveLength(7);
		}
	});
});
