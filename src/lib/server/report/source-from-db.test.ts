import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedT } from '$lib/i18n';
import { groupName } from '$lib/domain/conference/allocation';
import { buildReport } from '$lib/domain/report/model';
import type { ReportSource } from '$lib/domain/report/source';
import { setLogLevel } from '../log';
import { reportSourceFromDb } from './source-from-db';
import { plenumSummaries, seedPlayedDemo, tempApp } from './test-conference';

// A real SQLite file, the demo conference set up through ConferenceService and every group's
// session played through SessionService: the source must show exactly what is stored.
describe('reportSourceFromDb', () => {
	let db: Awaited<ReturnType<typeof tempApp>>;
	let conferenceId: string;
	let source: ReportSource;

	beforeAll(async () => {
		setLogLevel('silent');
		db = await tempApp('samrad-source');
		const { app } = db;
		conferenceId = (await seedPlayedDemo(app, { openVote: true, now: Date.UTC(2026, 0, 10) })).id;
		// The organiser renames a role and adds one of their own.
		await app.conferences.saveRole(conferenceId, {
			id: 'employer',
			label: { nb: 'Virksomhetsleder' },
			groupLabel: { nb: 'Virksomhetsledere' }
		});
		await app.conferences.saveRole(conferenceId, {
			id: 'peer-supporter',
			label: { nb: 'NAV-veileder', en: 'NAV adviser' },
			groupLabel: { nb: 'NAV-veiledere' }
		});
		source = (await reportSourceFromDb(app, conferenceId))!;
	});

	afterAll(() => db.close());

	it('answers null for a conference that does not exist', async () => {
		expect(await reportSourceFromDb(db.app, 'no-such-conference')).toBeNull();
	});

	it('carries the conference details and its programme', async () => {
		const stored = (await db.app.conferences.get(conferenceId))!;
		expect(source.conference).toMatchObject({
			title: stored.title,
			subtitle: stored.subtitle,
			venue: stored.venue,
			startDate: stored.startDate,
			endDate: stored.endDate,
			language: 'nb',
			languages: stored.languages,
			about: stored.about,
			introduction: stored.introduction,
			organisation: stored.organisation,
			author: stored.author,
			introductionBy: stored.introductionBy
		});
		const programme = await db.app.conferences.programme(conferenceId);
		expect(source.programme).toHaveLength(programme.length);
		// The welcome dinner has only a start time, and is social.
		expect(source.programme[0]).toMatchObject({ start: '19:30', end: null, kind: 'social' });
		expect(source.programme[1]).toMatchObject({ start: '09:00', end: '10:00' });
	});

	it('names roles as they read mid-sentence, with the organiser’s renames', () => {
		const employer = source.roles.find((r) => r.id === 'employer')!;
		expect(employer.label.nb).toBe('virksomhetsleder');
		expect(employer.plural.nb).toBe('virksomhetsledere');
		// Other languages keep the default words.
		expect(employer.label.sv).toBe('arbetsgivare');
		expect(source.roles.find((r) => r.id === 'job-coach')!.label.en).toBe('job coach');
		// Abbreviations keep their capitals.
		expect(source.roles.find((r) => r.id === 'peer-supporter')!.label.nb).toBe('NAV-veileder');
	});

	it('lists every participant with country, role, coordinator flag and role description', async () => {
		const stored = await db.app.conferences.participants(conferenceId);
		expect(source.participants).toHaveLength(stored.length);
		for (const p of stored) {
			expect(source.participants).toContainEqual({
				id: p.id,
				name: p.name,
				country: p.country,
				roleId: p.role,
				organisation: p.organisation,
				coordinator: p.coordinator,
				roleDescription: p.roleDescription
			});
		}
		expect(source.participants.some((p) => p.coordinator)).toBe(true);
		expect(source.participants.some((p) => p.roleDescription)).toBe(true);
	});

	it('turns the glossary concepts into language help entries', async () => {
		const concepts = await db.app.conferences.glossary(conferenceId);
		expect(source.glossary.map((g) => g.id)).toEqual(concepts.map((c) => c.id));
		const first = concepts[0]!;
		expect(source.glossary[0]!.terms.nb).toEqual(first.terms.nb);
		expect(source.glossary[0]!.explanation?.en).toBe(first.explanation?.en);
	});

	it('gives every group its leaders, members, live session, questions and reflection', async () => {
		const rounds = await db.app.conferences.rounds(conferenceId);
		expect(source.rounds.map((r) => r.title)).toEqual(rounds.map((r) => r.title));
		expect(source.rounds.map((r) => r.plenumSummary)).toEqual(plenumSummaries);
		const roles = await db.app.conferences.roles(conferenceId);
		for (const [r, round] of rounds.entries()) {
			const detail = (await db.app.conferences.roundDetail(conferenceId, round.id, 'nb'))!;
			const groups = source.rounds[r]!.groups;
			expect(groups).toHaveLength(detail.groups.length);
			for (const [g, group] of detail.groups.entries()) {
				const mapped = groups[g]!;
				expect(mapped.name).toBe(group.customName ?? groupName(group.descriptor, { roles }, 'nb'));
				expect(mapped.leaderIds).toEqual(group.leaders);
				expect(mapped.memberIds).toEqual(group.memberIds);
				const state = (await db.app.sessions.get(group.sessionId!))!.state;
				expect(mapped.session).toEqual(state);
				expect(mapped.plannedQuestions).toEqual(group.questions ?? round.questions);
				expect(mapped.reflection).toBe(state.reflection);
			}
		}
		// Played sessions: notes were revealed and voted on.
		const session = source.rounds[0]!.groups[0]!.session!;
		expect(session.questions[0]!.phase).toBe('results');
		expect(session.questions[0]!.notes.length).toBeGreaterThan(3);
		expect(session.questions[0]!.closedVote!.rankings.length).toBeGreaterThan(2);
		// The last group of the day was still voting.
		const last = source.rounds.at(-1)!.groups.at(-1)!.session!;
		expect(last.questions.at(-1)!.phase).toBe('vote');
	});

	it('names made-up groups in the language asked for', async () => {
		const english = (await reportSourceFromDb(db.app, conferenceId, { language: 'en' }))!;
		const names = english.rounds[1]!.groups.map((g) => g.name);
		expect(names).toContain('Iceland');
		expect(source.rounds[1]!.groups.map((g) => g.name)).toContain('Island');
	});

	it('builds a report with the stored notes, headings and names', () => {
		const report = buildReport(source, { generatedAt: '2026-01-10' }, fixedT);
		const text = JSON.stringify(report);
		const state = source.rounds[0]!.groups[0]!.session!;
		for (const note of state.questions[0]!.notes) expect(text).toContain(note.text);
		for (const cluster of state.questions[0]!.clusters) expect(text).toContain(cluster.heading);
		expect(report.participants!.total).toBe(source.participants.length);
		expect(report.rounds[0]!.groups[0]!.leaders.length).toBeGreaterThan(0);
		expect(report.rounds.at(-1)!.groups.at(-1)!.questions.at(-1)!.vote.status).toBe('open');
	});
});

describe('the report’s sign-off', () => {
	let db: Awaited<ReturnType<typeof tempApp>>;

	beforeAll(async () => {
		setLogLevel('silent');
		db = await tempApp('samrad-signoff');
	});

	afterAll(() => db.close());

	async function report(signoff: { organisation: string; author: string; introductionBy: string }) {
		const created = await db.app.conferences.create({
			title: 'Nordisk dialog om supported employment',
			subtitle: 'Dialogkonferanse',
			venue: 'Sigtuna',
			startDate: '2010-05-06',
			endDate: '',
			about: '',
			introduction: 'Hva er supported employment?',
			...signoff,
			language: 'nb',
			languages: ['nb']
		});
		if (!created.ok) throw new Error(created.error.code);
		return buildReport(
			(await reportSourceFromDb(db.app, created.value.id))!,
			{
				generatedAt: '2010-05-27'
			},
			fixedT
		);
	}

	it('puts the organisation and author on the title page and the introducer under the introduction', async () => {
		const built = await report({
			organisation: 'Prosjekt SE-Norden',
			author: 'Øystein Spjelkavik, Arbeidsforskningsinstituttet',
			introductionBy: 'Øystein Spjelkavik (prosjektleder)'
		});
		expect(built.titlePage).toMatchObject({
			organisation: 'Prosjekt SE-Norden',
			author: 'Øystein Spjelkavik, Arbeidsforskningsinstituttet'
		});
		expect(built.introduction!.byline).toBe('ved Øystein Spjelkavik (prosjektleder)');
	});

	it('leaves the lines out when none are stored', async () => {
		const built = await report({ organisation: '', author: '', introductionBy: '' });
		expect(built.titlePage).toMatchObject({ organisation: '', author: '' });
		expect(built.introduction!.byline).toBe('');
	});
});

describe('reportSourceFromDb and empty groups', () => {
	it('leaves out a group nobody sits in, but keeps one whose people wrote notes and moved on', async () => {
		setLogLevel('silent');
		const db = await tempApp('samrad-source-empty');
		try {
			const { app } = db;
			const id = (await seedPlayedDemo(app, { now: Date.UTC(2026, 0, 10) })).id;
			const [round] = await app.conferences.rounds(id);
			const [played, other] = (await app.conferences.roundDetail(id, round!.id, 'nb'))!.groups;
			const group = async (action: Parameters<typeof app.conferences.group>[2]) => {
				const done = await app.conferences.group(id, round!.id, action);
				if (!done.ok) throw new Error(JSON.stringify(done.error));
			};
			await group({ type: 'addGroup', groupId: 'empty-group', name: 'Tomrommet' });
			await group({ type: 'move', participantIds: played!.memberIds, to: other!.id });
			const names = (await reportSourceFromDb(app, id))!.rounds[0]!.groups.map((g) => g.name);
			expect(names).not.toContain('Tomrommet');
			expect(names).toContain(played!.name);
		} finally {
			db.close();
		}
	});
});
