import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedT } from '$lib/i18n';
import { buildReport } from '$lib/domain/report/model';
import { createApp, type App } from './app';
import { readArchive } from '$lib/domain/archive/read';
import {
	archiveFormat,
	archiveJson,
	archiveSchemaVersion,
	type ConferenceArchive
} from '$lib/domain/archive/schema';
import { exportConference, importArchive, importConference } from './archive';
import type { ThemeEdit } from '$lib/domain/synthesis/themes';
import { roundPerspective } from './perspective';
import { readConfig } from './config';
import { listConferences } from './db/conferences';
import { listSessionIds } from './db/sessions';
import { setLogLevel } from './log';
import { renderReportMarkdown } from './report/markdown';
import { reportSourceFromDb } from './report/source-from-db';
import { dispatchStep, projectRoot, seedPlayedDemo, tempApp } from './report/test-conference';
import { demoLongNote, demoOneListGroup, demoSubheading } from './demo-content';

type TestApp = Awaited<ReturnType<typeof tempApp>>;
const opened: TestApp[] = [];

async function open(): Promise<TestApp> {
	const db = await tempApp('samrad-archive');
	opened.push(db);
	return db;
}

/** The report's sign-off, as the organiser wrote it on the setup page. */
/** A note for the group as a whole, 2,000 characters long. */
const longGroupNote = `Fra blokkpapiret: ${'fast kontaktperson, '.repeat(100)}`.slice(0, 2_000);

const signoff = {
	organisation: 'Prosjekt SE-Norden',
	author: 'Øystein Spjelkavik, Arbeidsforskningsinstituttet',
	introductionBy: 'Øystein Spjelkavik (prosjektleder)'
};

/** A role description, a social programme item and a round's instruction (issue 13). */
const smallThings = {
	roleDescription: 'forsker, prosjektleder',
	dinner: 'Velkomstmiddag',
	instruction: 'Ta utgangspunkt i forrige erfaringsutveksling:\nHva har endret seg?'
};

/** Everything an organiser might leave behind on the day, beyond what the demo holds. */
async function seedBusyConference(app: App): Promise<string> {
	const conferenceId = (await seedPlayedDemo(app, { openVote: true, now: Date.UTC(2026, 0, 10) }))
		.id;
	const service = app.conferences;
	const saved = await service.updateDetails(conferenceId, {
		...(await service.get(conferenceId))!,
		...signoff
	});
	if (!saved.ok) throw new Error(saved.error.code);
	await service.saveRole(conferenceId, {
		id: 'employer',
		label: { nb: 'Virksomhetsleder' },
		groupLabel: { nb: 'Virksomhetsledere' }
	});
	await service.saveRole(conferenceId, {
		id: 'peer-supporter',
		label: { nb: 'Likeperson', en: 'Peer supporter' },
		groupLabel: { nb: 'Likepersoner' }
	});
	// Two people with the same name: their order must survive the trip.
	const added = await service.addParticipants(conferenceId, [
		{
			name: 'Anna Berg',
			country: 'SE',
			role: 'peer-supporter',
			organisation: 'A',
			language: 'sv',
			coordinator: false,
			roleDescription: smallThings.roleDescription
		},
		{
			name: 'Anna Berg',
			country: 'NO',
			role: 'worker',
			organisation: 'B',
			language: 'nb',
			coordinator: true
		}
	]);
	if (!added.ok) throw new Error(added.error.code);
	// Two programme items at the same time with the same title, of different kinds.
	for (const kind of ['group', 'plenary'] as const) {
		await service.saveProgrammeItem(conferenceId, null, {
			day: '2026-01-28',
			start: '13:30',
			end: '14:00',
			title: 'Presentasjon',
			kind
		});
	}
	await service.saveProgrammeItem(conferenceId, null, {
		day: '2026-01-27',
		start: '19:00',
		end: '',
		title: smallThings.dinner,
		kind: 'social'
	});
	await service.setNotice(conferenceId, 'Tilbake i plenum 13.30');
	const [round1, round2] = await service.rounds(conferenceId);
	const instructed = await service.saveRound(conferenceId, round1!.id, {
		...round1!,
		instruction: smallThings.instruction
	});
	if (!instructed.ok) throw new Error(instructed.error.code);
	// Round 2 allocated with a role option, and someone in no group by choice.
	const options = { coordinator: { kind: 'lead' as const } };
	const settings = { rule: round2!.rule, maxGroupSize: round2!.maxGroupSize, roles: options };
	if (!(await service.allocate(conferenceId, round2!.id, settings)).ok) throw new Error('allocate');
	const observer = (await service.participants(conferenceId)).find((p) => p.role === 'policy')!.id;
	await service.group(conferenceId, round2!.id, { type: 'noGroup', participantIds: [observer] });
	const group = (await service.roundDetail(conferenceId, round1!.id, 'nb'))!.groups[0]!;
	await service.present(conferenceId, round1!.id, group.id);
	// In the group's session: a guest without a phone, a late note, a correction and a timer.
	const step = dispatchStep(app, group.sessionId!);
	const facilitator = { role: 'facilitator' } as const;
	let state = (await app.sessions.get(group.sessionId!))!.state;
	const questionId = state.questions[0]!.id;
	await step(
		{ type: 'participant.add', participantId: 'guest-without-phone-1', name: 'Gjest' },
		facilitator
	);
	await step({ type: 'phase.advance', questionId, from: 'results' }, facilitator);
	await step(
		{
			type: 'note.add',
			questionId,
			noteId: 'late-note-0000001',
			text: 'Skrevet av lederen for gjesten',
			authorId: 'guest-without-phone-1'
		},
		facilitator
	);
	// A note for the group as a whole (nobody's), as long as a note may be.
	await step(
		{
			type: 'note.add',
			questionId,
			noteId: 'group-note-000001',
			text: longGroupNote,
			forGroup: true
		},
		facilitator
	);
	state = await step(
		{
			type: 'note.edit',
			questionId,
			noteId: state.questions[0]!.notes[0]!.id,
			text: 'Rettet skrivefeil'
		},
		facilitator
	);
	await step({ type: 'timer.start', seconds: 300 }, facilitator);
	// Reflections by a member (from the phone, name kept out) and for the guest, and a discussion.
	const memberId = state.participants.find((p) => !p.viaFacilitator)!.id;
	await step({ type: 'session.configure', settings: { membersReflect: true } }, facilitator);
	await step(
		{ type: 'reflection.write', reflectionId: 'reflection-member-01', text: 'Min egen refleksjon' },
		{ role: 'participant', participantId: memberId }
	);
	await step(
		{
			type: 'reflection.write',
			reflectionId: 'reflection-guest-001',
			authorId: 'guest-without-phone-1',
			title: 'Etter dagen',
			text: 'Gjestens refleksjon',
			showName: true
		},
		facilitator
	);
	await step(
		{ type: 'discussion.write', questionId, text: 'Gruppen diskuterte\n\nlenge.' },
		facilitator
	);
	return conferenceId;
}

beforeAll(() => setLogLevel('silent'));

afterEach(() => {
	while (opened.length > 0) opened.pop()!.close();
});

describe('conference archive', () => {
	let source: TestApp;
	let conferenceId: string;
	let exported: string;

	beforeAll(async () => {
		source = await tempApp('samrad-archive-source');
		conferenceId = await seedBusyConference(source.app);
		exported = archiveJson((await exportConference(source.app, conferenceId))!);
	});

	afterAll(() => source.close());

	it('is marked with its format and schema version', async () => {
		const archive = JSON.parse(exported) as ConferenceArchive;
		expect(archive.format).toBe(archiveFormat);
		expect(archive.schemaVersion).toBe(archiveSchemaVersion);
		expect(archive.participants).toHaveLength(
			(await source.app.conferences.participants(conferenceId)).length
		);
		expect(archive.rounds.flatMap((r) => r.groups).every((g) => g.session !== null)).toBe(true);
	});

	it('answers null for a conference that does not exist', async () => {
		expect(await exportConference(source.app, 'nope')).toBeNull();
	});

	it('holds no secret and no database id', async () => {
		const conference = (await source.app.conferences.get(conferenceId))!;
		const secrets = [conference.id, conference.joinCode, conference.plenumToken];
		for (const p of await source.app.conferences.participants(conferenceId))
			secrets.push(p.id, p.personalToken);
		for (const round of await source.app.conferences.rounds(conferenceId)) {
			secrets.push(round.id);
			for (const group of (await source.app.conferences.roundDetail(conferenceId, round.id, 'nb'))!
				.groups) {
				const access = (await source.app.sessions.get(group.sessionId!))!.access;
				secrets.push(
					group.id,
					access.id,
					access.joinCode,
					access.facilitatorToken,
					access.screenToken
				);
			}
		}
		for (const secret of secrets) expect(exported).not.toContain(secret);
		expect(exported).not.toContain('guest-without-phone-1');
	});

	it('exports, imports into an empty database and exports again to the same bytes', async () => {
		// The group's note travels without an author, whole.
		const groupNotes = (json: string) =>
			questionsOf(JSON.parse(json) as ConferenceArchive)
				.flatMap((q) => q.notes)
				.filter((n) => n.authorId === null)
				.map((n) => n.text);
		expect(groupNotes(exported).sort()).toEqual([demoLongNote, longGroupNote].sort());
		const target = await open();
		const imported = await importArchive(target.app, exported, null);
		expect(imported.ok).toBe(true);
		if (!imported.ok) return;
		expect(listConferences(target.app.db)).toHaveLength(1);
		expect(await target.app.conferences.get(imported.value.conferenceId)).toMatchObject(signoff);
		const again = archiveJson((await exportConference(target.app, imported.value.conferenceId))!);
		// The group still voting had ballots the file only counted: the copy has none.
		expect(withheld(exported)).toEqual({ notes: 0, ballots: await openBallots(source.app) });
		expect(await openBallots(source.app)).toBeGreaterThan(0);
		expect(withheld(again)).toEqual({ notes: 0, ballots: 0 });
		expect(groupNotes(again).sort()).toEqual([demoLongNote, longGroupNote].sort());
		expect(again).toBe(nothingWithheld(exported));
		// The demo's sub-heading (a heading's parentId) makes the trip too.
		const subheadings = questionsOf(JSON.parse(again) as ConferenceArchive)
			.flatMap((q) => q.clusters)
			.filter((c) => c.parentId !== undefined);
		expect(subheadings.map((c) => c.heading)).toEqual([demoSubheading.nb]);
		// Reopened from the file (nothing cached): still the same.
		target.app.db.close();
		const reopened = await reopen(target.path);
		const third = archiveJson((await exportConference(reopened, imported.value.conferenceId))!);
		reopened.db.close();
		expect(third).toBe(again);
		// A copy of the copy: the same bytes.
		const copy = await open();
		const fourth = await importArchive(copy.app, third, null);
		if (!fourth.ok) throw new Error('import refused');
		expect(archiveJson((await exportConference(copy.app, fourth.value.conferenceId))!)).toBe(third);
	});

	it('carries reflections with their authors, the members’ setting and each question’s discussion', async () => {
		const archive = JSON.parse(exported) as {
			rounds: { groups: { session: Record<string, unknown> | null }[] }[];
		};
		const session = archive.rounds[0]!.groups[0]!.session as {
			settings: { membersReflect?: boolean };
			reflections: { title: string; text: string; showName: boolean; byAuthor: boolean }[];
			questions: { discussion?: string }[];
		};
		expect(session.settings.membersReflect).toBe(true);
		// After the played demo's own two (see playStartedRounds).
		expect(
			session.reflections.slice(-2).map((r) => [r.title, r.text, r.showName, r.byAuthor])
		).toEqual([
			['', 'Min egen refleksjon', false, true],
			['Etter dagen', 'Gjestens refleksjon', true, false]
		]);
		expect(session.questions[0]!.discussion).toBe('Gruppen diskuterte\n\nlenge.');
		const target = await open();
		const imported = await importArchive(target.app, exported, null);
		if (!imported.ok) throw new Error('import refused');
		const detail = await target.app.conferences.roundDetail(
			imported.value.conferenceId,
			(await target.app.conferences.rounds(imported.value.conferenceId))[0]!.id,
			'nb'
		);
		const state = (await target.app.sessions.get(detail!.groups[0]!.sessionId!))!.state;
		expect(state.reflections!.map((r) => r.text).slice(-2)).toEqual([
			'Min egen refleksjon',
			'Gjestens refleksjon'
		]);
		const authors = state
			.reflections!.slice(-2)
			.map((r) => state.participants.find((p) => p.id === r.authorId)?.name);
		expect(authors[1]).toBe('Gjest');
		expect(authors[0]).toBeTruthy();
		expect(state.questions[0]!.discussion).toBe('Gruppen diskuterte\n\nlenge.');
	});

	it('imports a file from before reflections had authors, with none', async () => {
		const archive = JSON.parse(exported) as {
			rounds: { groups: { session: Record<string, unknown> | null }[] }[];
		};
		for (const round of archive.rounds)
			for (const group of round.groups) {
				if (!group.session) continue;
				delete group.session.reflections;
				delete (group.session.settings as Record<string, unknown>).membersReflect;
				for (const q of group.session.questions as Record<string, unknown>[]) delete q.discussion;
			}
		const target = await open();
		const imported = await importArchive(target.app, JSON.stringify(archive), null);
		expect(imported.ok).toBe(true);
	});

	it('carries one list for all questions, and imports a file from before the setting', async () => {
		const archive = JSON.parse(exported) as {
			rounds: { groups: { session: { settings: Record<string, unknown> } | null }[] }[];
		};
		const settings = archive.rounds[0]!.groups[demoOneListGroup]!.session!.settings;
		expect(settings.oneList).toBe(true);
		const target = await open();
		const imported = await importArchive(target.app, exported, null);
		if (!imported.ok) throw new Error('import refused');
		const conference = imported.value.conferenceId;
		const round = (await target.app.conferences.rounds(conference))[0]!.id;
		const detail = (await target.app.conferences.roundDetail(conference, round, 'nb'))!;
		const state = (await target.app.sessions.get(detail.groups[demoOneListGroup]!.sessionId!))!
			.state;
		expect(state.settings.oneList).toBe(true);
		expect(state.questions.map((q) => q.phase)).toEqual(['results', 'lobby']);
		// Older files have no such field: they import, each question on its own.
		for (const round of archive.rounds)
			for (const group of round.groups) delete group.session?.settings.oneList;
		const older = await open();
		const again = await importArchive(older.app, JSON.stringify(archive), null);
		expect(again.ok).toBe(true);
	});

	it('carries each round’s role options and the people in no group', () => {
		const archive = JSON.parse(exported) as ConferenceArchive;
		expect(archive.rounds[1]!.roles).toEqual({ coordinator: { kind: 'lead' } });
		expect(archive.rounds[1]!.noGroup).toHaveLength(1);
		const observer = archive.participants.find((p) => p.ref === archive.rounds[1]!.noGroup[0]);
		expect(observer?.role).toBe('policy');
		const leaders = archive.rounds[1]!.groups.flatMap((g) => g.leaders);
		expect(leaders.length).toBeGreaterThan(0);
		for (const group of archive.rounds[1]!.groups)
			for (const leader of group.leaders)
				expect(group.members.map((m) => m.participant)).toContain(leader);
	});

	it('imports a version 2 file, its leaders seated as leaders', async () => {
		const file = readFileSync(
			join(projectRoot, 'src/lib/domain/archive/fixtures/conference-v2.samrad.json'),
			'utf8'
		);
		expect(JSON.parse(file).schemaVersion).toBe(2);
		const target = await open();
		const imported = await importArchive(target.app, file, null);
		if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported)}`);
		const id = imported.value.conferenceId;
		const [round] = await target.app.conferences.rounds(id);
		const detail = (await target.app.conferences.roundDetail(id, round!.id, 'nb'))!;
		const name = new Map(
			(await target.app.conferences.participants(id)).map((p) => [p.id, p.name])
		);
		const names = (ids: string[]) => ids.map((i) => name.get(i)).sort();
		expect(detail.groups.map((g) => [g.name, names(g.memberIds), names(g.leaders)])).toEqual([
			['Arbeidstakere', ['Bo Ek', 'Eva Gran', 'Åse Berg'], ['Eva Gran']],
			['Arbeidsgivere', ['Carl Dahl', 'Dora Fjeld'], []]
		]);
		expect(round!.roles).toEqual({});
		expect(detail.noGroup).toEqual([]);
		// Exported again, it is a file of the current version.
		expect((await exportConference(target.app, id))!.schemaVersion).toBe(archiveSchemaVersion);
	});

	it('imports a version 3 file (from before reflections, sub-headings and group notes) and exports it as the current version', async () => {
		const file = readFileSync(
			join(projectRoot, 'src/lib/domain/archive/fixtures/conference-v3.samrad.json'),
			'utf8'
		);
		expect(JSON.parse(file).schemaVersion).toBe(3);
		const target = await open();
		const imported = await importArchive(target.app, file, null);
		if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported)}`);
		const id = imported.value.conferenceId;
		const [round] = await target.app.conferences.rounds(id);
		const detail = (await target.app.conferences.roundDetail(id, round!.id, 'nb'))!;
		expect(detail.groups.map((g) => g.name)).toEqual(['Arbeidstakere', 'Arbeidsgivere']);
		const again = (await exportConference(target.app, id))!;
		expect(again.schemaVersion).toBe(archiveSchemaVersion);
		expect(archiveSchemaVersion).toBe(5);
		expect(again.rounds[0]!.instruction).toBe('');
		expect(again.participants.every((p) => p.roleDescription === '')).toBe(true);
	});

	it('imports an archive from before the report’s sign-off, with none', async () => {
		const older = JSON.parse(exported) as Record<string, Record<string, unknown>>;
		for (const field of Object.keys(signoff)) delete older.conference![field];
		const target = await open();
		const imported = await importArchive(target.app, JSON.stringify(older), null);
		if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported)}`);
		const copy = (await target.app.conferences.get(imported.value.conferenceId))!;
		expect(copy).toMatchObject({ organisation: '', author: '', introductionBy: '' });
		expect(copy.title).toBe((await source.app.conferences.get(conferenceId))!.title);
	});

	it('carries role descriptions, a social programme item and round instructions', async () => {
		const archive = JSON.parse(exported) as ConferenceArchive;
		expect(archive.participants.map((p) => p.roleDescription)).toContain(
			smallThings.roleDescription
		);
		expect(archive.programme).toContainEqual(
			expect.objectContaining({ title: smallThings.dinner, kind: 'social' })
		);
		expect(archive.rounds[0]!.instruction).toBe(smallThings.instruction);
		const target = await open();
		const imported = await importArchive(target.app, exported, null);
		if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported)}`);
		const id = imported.value.conferenceId;
		const service = target.app.conferences;
		expect((await service.participants(id)).map((p) => p.roleDescription)).toContain(
			smallThings.roleDescription
		);
		expect((await service.programme(id)).find((i) => i.kind === 'social')?.title).toBe(
			smallThings.dinner
		);
		expect((await service.rounds(id))[0]!.instruction).toBe(smallThings.instruction);
	});

	it('imports an archive from before role descriptions and instructions, with none', async () => {
		const older = JSON.parse(exported) as ConferenceArchive;
		for (const p of older.participants) delete (p as { roleDescription?: string }).roleDescription;
		for (const r of older.rounds) delete (r as { instruction?: string }).instruction;
		const target = await open();
		const imported = await importArchive(target.app, JSON.stringify(older), null);
		if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported)}`);
		const id = imported.value.conferenceId;
		const participants = await target.app.conferences.participants(id);
		expect(participants.every((p) => p.roleDescription === '')).toBe(true);
		expect((await target.app.conferences.rounds(id)).map((r) => r.instruction)).toEqual(
			older.rounds.map(() => '')
		);
	});

	it('imports twice into one installation without clashes, with fresh codes and links', async () => {
		const target = await open();
		const first = await importArchive(target.app, exported, null);
		const second = await importArchive(target.app, exported, null);
		if (!first.ok || !second.ok) throw new Error('import refused');
		const a = (await target.app.conferences.get(first.value.conferenceId))!;
		const b = (await target.app.conferences.get(second.value.conferenceId))!;
		const original = (await source.app.conferences.get(conferenceId))!;
		for (const copy of [a, b]) {
			expect(copy.joinCode).not.toBe(original.joinCode);
			expect(copy.plenumToken).not.toBe(original.plenumToken);
		}
		expect(a.joinCode).not.toBe(b.joinCode);
		const tokens = [
			...(await target.app.conferences.participants(a.id)),
			...(await target.app.conferences.participants(b.id))
		].map((p) => p.personalToken);
		expect(new Set(tokens).size).toBe(tokens.length);
		const originalTokens = new Set(
			(await source.app.conferences.participants(conferenceId)).map((p) => p.personalToken)
		);
		expect(tokens.some((t) => originalTokens.has(t))).toBe(false);
		// Every group of both copies has its own session, code and links.
		const sessions = listSessionIds(target.app.db);
		const groups = [];
		for (const r of await source.app.conferences.rounds(conferenceId))
			groups.push(...(await source.app.conferences.roundDetail(conferenceId, r.id, 'nb'))!.groups);
		expect(sessions).toHaveLength(2 * groups.length);
		const codes = [];
		for (const id of sessions) codes.push((await target.app.sessions.get(id))!.access.joinCode);
		expect(new Set(codes).size).toBe(codes.length);
		expect(archiveJson((await exportConference(target.app, b.id))!)).toBe(
			nothingWithheld(exported)
		);
	});

	it('gives the copy the same report once every vote has closed', async () => {
		const closed = await open();
		const id = (await seedPlayedDemo(closed.app, { now: Date.UTC(2026, 0, 10) })).id;
		const file = archiveJson((await exportConference(closed.app, id))!);
		expect(withheld(file)).toEqual({ notes: 0, ballots: 0 });
		const target = await open();
		const imported = await importArchive(target.app, file, null);
		if (!imported.ok) throw new Error('import refused');
		const markdown = async (app: App, conference: string) =>
			renderReportMarkdown(
				buildReport(
					(await reportSourceFromDb(app, conference))!,
					{ generatedAt: '2026-01-29' },
					fixedT
				)
			);
		expect(await markdown(target.app, imported.value.conferenceId)).toBe(
			await markdown(closed.app, id)
		);
	});

	it('a group still voting carries on in the copy, its ballots cast again', async () => {
		const target = await open();
		const imported = await importArchive(target.app, exported, null);
		if (!imported.ok) throw new Error('import refused');
		const copyId = imported.value.conferenceId;
		const rounds = await target.app.conferences.rounds(copyId);
		const last = (await target.app.conferences.roundDetail(
			copyId,
			rounds.at(-1)!.id,
			'nb'
		))!.groups.at(-1)!;
		const session = (await target.app.sessions.get(last.sessionId!))!;
		const run = session.state.questions.at(-1)!;
		expect(run.phase).toBe('vote');
		expect(run.ballots).toEqual([]);
		const voter = last.memberIds[0]!;
		const item = run.clusters[0] ? `c:${run.clusters[0].id}` : `n:${run.notes[0]!.id}`;
		await dispatchStep(target.app, last.sessionId!)(
			{ type: 'ballot.cast', questionId: run.id, ranking: [item] },
			{ role: 'participant', participantId: voter }
		);
		// Renaming a member reaches the session, as for any conference made here.
		const person = (await target.app.conferences.participants(copyId)).find((p) => p.id === voter)!;
		const renamed = await target.app.conferences.saveParticipant(copyId, voter, {
			...person,
			name: 'Nytt Navn'
		});
		expect(renamed.ok).toBe(true);
		const after = (await target.app.sessions.get(last.sessionId!))!.state;
		expect(after.participants.find((p) => p.id === voter)!.name).toBe('Nytt Navn');
	});

	it('closed votes reach the copy as ranked lists without voters, with the same tally', async () => {
		const target = await open();
		const imported = await importArchive(target.app, exported, null);
		if (!imported.ok) throw new Error('import refused');
		const closedRuns = async (app: App, id: string) => {
			const runs = [];
			for (const round of await app.conferences.rounds(id)) {
				const detail = (await app.conferences.roundDetail(id, round.id, 'nb'))!;
				for (const g of detail.groups) {
					if (!g.sessionId) continue;
					const questions = (await app.sessions.get(g.sessionId))!.state.questions;
					runs.push(...questions.filter((q) => q.phase === 'results'));
				}
			}
			return runs;
		};
		const copy = await closedRuns(target.app, imported.value.conferenceId);
		const original = await closedRuns(source.app, conferenceId);
		expect(copy.length).toBe(original.length);
		expect(copy.length).toBeGreaterThan(0);
		for (const [i, run] of copy.entries()) {
			expect(run.ballots).toEqual([]);
			expect(run.closedVote!.rankings).toEqual(original[i]!.closedVote!.rankings);
			expect(run.closedVote!.tally).toEqual(original[i]!.closedVote!.tally);
		}
	});

	it('carries no ranked list of a vote whose results were withheld, only how many ballots it had', async () => {
		const app = (await open()).app;
		const id = (await seedPlayedDemo(app, { now: Date.UTC(2026, 0, 10) })).id;
		const round = (await app.conferences.rounds(id))[0]!;
		const group = (await app.conferences.roundDetail(id, round.id, 'nb'))!.groups[0]!;
		const step = dispatchStep(app, group.sessionId!);
		const before = (await app.sessions.get(group.sessionId!))!.state;
		const run = before.questions[0]!;
		const facilitator = { role: 'facilitator' } as const;
		// Reopened after its results were shown: a new vote, in which only two people vote.
		await step({ type: 'phase.back', questionId: run.id, from: 'results' }, facilitator);
		const item = run.clusters[0] ? `c:${run.clusters[0].id}` : `n:${run.notes[0]!.id}`;
		for (const voter of before.participants.filter((p) => !p.removed).slice(0, 2))
			await step(
				{ type: 'ballot.cast', questionId: run.id, ranking: [item] },
				{ role: 'participant', participantId: voter.id }
			);
		const closed = await step(
			{ type: 'phase.advance', questionId: run.id, from: 'vote' },
			facilitator
		);
		expect(closed.questions[0]!.closedVote!.rankings).toHaveLength(2);
		const archive = (await exportConference(app, id))!;
		const question = archive.rounds[0]!.groups[0]!.session!.questions[0]!;
		expect(question.closedVote).toBeNull();
		expect(question.withheld.ballots).toBe(2);
		// The other questions' shown results are still there.
		expect(archive.rounds[0]!.groups[0]!.session!.questions[1]!.closedVote).not.toBeNull();
	});

	it('imports a version 1 file: notes as they were, open ballots with their voters, closed ones closed', async () => {
		const v1 = JSON.parse(exported) as ConferenceArchive;
		(v1 as { schemaVersion: number }).schemaVersion = 1;
		const session = v1.rounds[0]!.groups[0]!.session!;
		const voters = session.participants.map((p) => p.id);
		const closedBallots = session.questions[0]!.closedVote!.rankings.length;
		for (const q of session.questions) {
			const legacy = q as unknown as Record<string, unknown>;
			legacy.ballots = (q.closedVote?.rankings ?? []).map((ranking, i) => ({
				voterId: voters[i],
				ranking,
				castAt: 1_000 + i,
				byFacilitator: false
			}));
			delete legacy.withheld;
			delete legacy.closedVote;
			delete legacy.previousVote;
			legacy.previousBallots = null;
			for (const note of q.notes) delete (note as Record<string, unknown>).readableByFacilitator;
		}
		const question = session.questions[0]! as unknown as { notes: Record<string, unknown>[] };
		question.notes.push({
			id: 'private-note-0001',
			authorId: voters[0],
			text: 'Not yet revealed when the file was made',
			createdAt: 5,
			byFacilitator: false,
			revealIndex: null,
			history: [{ previous: 'An author draft', at: 4, by: 'author' }]
		});
		// A second question still voting: its ballots stay linked to their voters.
		const voting = session.questions[1] as unknown as Record<string, unknown> | undefined;
		if (voting) voting.phase = 'vote';
		for (const group of v1.rounds.flatMap((r) => r.groups).slice(1)) group.session = null;
		const target = await open();
		const imported = await importArchive(target.app, JSON.stringify(v1), null);
		if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported)}`);
		const copyId = imported.value.conferenceId;
		const round = (await target.app.conferences.rounds(copyId))[0]!;
		const group = (await target.app.conferences.roundDetail(copyId, round.id, 'nb'))!.groups[0]!;
		const state = (await target.app.sessions.get(group.sessionId!))!.state;
		const run = state.questions[0]!;
		const members = new Set((await target.app.conferences.participants(copyId)).map((p) => p.id));
		expect(run.notes.at(-1)).toMatchObject({ text: 'Not yet revealed when the file was made' });
		// Closed in version 1 with voters: closed again here, who voted what dropped.
		expect(run.ballots).toEqual([]);
		expect(run.closedVote!.rankings).toHaveLength(closedBallots);
		for (const voter of run.closedVote!.voterIds) expect(members.has(voter)).toBe(true);
		if (voting) {
			const open = state.questions[1]!;
			expect(open.closedVote).toBeNull();
			for (const ballot of open.ballots) expect(members.has(ballot.voterId)).toBe(true);
		}
	});

	describe('refuses bad files and writes nothing', () => {
		let target: TestApp;
		const archive = () => JSON.parse(exported) as ConferenceArchive;

		beforeAll(async () => {
			target = await tempApp('samrad-archive-refused');
		});

		afterAll(() => target.close());

		afterEach(() => {
			expect(listConferences(target.app.db)).toHaveLength(0);
			expect(listSessionIds(target.app.db)).toHaveLength(0);
		});

		const problem = async (file: string | Uint8Array) => {
			const result = await importArchive(target.app, file, null);
			if (result.ok || !('problem' in result)) throw new Error('imported a bad file');
			return result.problem;
		};

		it('fields that break the schema, each with its place', async () => {
			const bad = archive();
			bad.conference.title = 'x'.repeat(161);
			bad.conference.author = 'x'.repeat(201);
			bad.participants[2]!.country = 'XX';
			delete (bad.participants[3] as Partial<ConferenceArchive['participants'][number]>).name;
			(bad.programme[0] as Record<string, unknown>).room = 'Aula';
			bad.programme[1]!.day = '2026-02-30';
			expect(await problem(JSON.stringify(bad))).toEqual({
				code: 'invalid',
				total: 6,
				issues: expect.arrayContaining([
					{ path: 'conference.title', kind: 'too_long' },
					{ path: 'conference.author', kind: 'too_long' },
					{ path: 'participants[2].country', kind: 'invalid' },
					{ path: 'participants[3].name', kind: 'missing' },
					{ path: 'programme[0].room', kind: 'unexpected' },
					{ path: 'programme[1].day', kind: 'invalid_date' }
				])
			});
		});

		it('times no calendar can show (1e300 ms), wherever they are', async () => {
			const bad = archive();
			const session = bad.rounds[0]!.groups[0]!.session!;
			const note = session.questions[0]!.notes[0]!;
			note.history = [{ previous: 'før', at: 1e300, by: 'facilitator' }];
			note.createdAt = 8.64e15 + 1;
			session.participants[0]!.joinedAt = 1e300;
			session.timer = { durationMs: 1e300, startedAt: 1e300, elapsedMs: 1e300 };
			bad.participants[0]!.createdAt = 1e300;
			bad.conference.updatedAt = 1e300;
			bad.rounds[0]!.startedAt = 1e300;
			const at = 'rounds[0].groups[0].session';
			expect(await problem(JSON.stringify(bad))).toEqual({
				code: 'invalid',
				total: 9,
				issues: expect.arrayContaining([
					{ path: `${at}.questions[0].notes[0].history[0].at`, kind: 'invalid_date' },
					{ path: `${at}.questions[0].notes[0].createdAt`, kind: 'invalid_date' },
					{ path: `${at}.participants[0].joinedAt`, kind: 'invalid_date' },
					{ path: `${at}.timer.durationMs`, kind: 'invalid' },
					{ path: `${at}.timer.startedAt`, kind: 'invalid_date' },
					{ path: `${at}.timer.elapsedMs`, kind: 'invalid' },
					{ path: 'participants[0].createdAt', kind: 'invalid_date' },
					{ path: 'conference.updatedAt', kind: 'invalid_date' },
					{ path: 'rounds[0].startedAt', kind: 'invalid_date' }
				])
			});
		});

		it('references to people, rounds and notes that are not there', async () => {
			const bad = archive();
			const group = bad.rounds[0]!.groups[0]!;
			group.leaders = ['p999'];
			group.members.push({ ...bad.rounds[0]!.groups[1]!.members[0]! });
			bad.participants[0]!.role = 'astronaut';
			bad.conference.currentRound = 'r9';
			bad.rounds[0]!.groups[1]!.descriptor = { kind: 'role', role: 'astronaut', part: 1, parts: 1 };
			const question = group.session!.questions[0]!;
			question.notes[0]!.authorId = 'x99';
			question.closedVote!.rankings[0]![0] = 'n:no-such-note';
			expect(await problem(JSON.stringify(bad))).toEqual({
				code: 'invalid',
				total: 7,
				issues: expect.arrayContaining([
					{ path: 'rounds[0].groups[0].leaders[0]', kind: 'unknown_reference' },
					{ path: 'rounds[0].groups[1].descriptor.role', kind: 'unknown_reference' },
					// Placed in group 1 as well: the second place is the duplicate.
					{ path: 'rounds[0].groups[1].members[0].participant', kind: 'duplicate' },
					{ path: 'participants[0].role', kind: 'unknown_reference' },
					{ path: 'conference.currentRound', kind: 'unknown_reference' },
					{
						path: 'rounds[0].groups[0].session.questions[0].notes[0].authorId',
						kind: 'unknown_reference'
					},
					{
						path: 'rounds[0].groups[0].session.questions[0].closedVote.rankings[0][0]',
						kind: 'unknown_reference'
					}
				])
			});
		});

		it('a sub-heading under a heading that is not there, or under a sub-heading', async () => {
			const bad = archive();
			const question = bad.rounds[0]!.groups[0]!.session!.questions[0]!;
			const subIndex = question.clusters.findIndex((c) => c.parentId !== undefined);
			const sub = question.clusters[subIndex]!;
			const nested = { ...sub, id: 'nested-subheading-01', noteIds: [], parentId: sub.id };
			question.clusters.push(nested);
			sub.parentId = 'no-such-heading-01';
			const at = 'rounds[0].groups[0].session.questions[0].clusters';
			expect(await problem(JSON.stringify(bad))).toEqual({
				code: 'invalid',
				total: 2,
				issues: expect.arrayContaining([
					{ path: `${at}[${subIndex}].parentId`, kind: 'unknown_reference' },
					{ path: `${at}[${question.clusters.length - 1}].parentId`, kind: 'unknown_reference' }
				])
			});
		});

		it('rolls everything back when the database refuses a row half way', async () => {
			const read = readArchive(exported);
			if (!read.ok) throw new Error('the archive should read');
			// Passed to importConference directly, past the checks: the glossary's key clashes.
			const broken = {
				...read.value,
				glossary: [read.value.glossary[0]!, read.value.glossary[0]!]
			};
			await expect(importConference(target.app, broken, null)).rejects.toThrow();
		});
	});
});

describe('a round’s confirmed themes in the archive', () => {
	it('are exported, read back by import, and give the copy the same report', async () => {
		const played = await open();
		const id = (await seedPlayedDemo(played.app, { now: Date.UTC(2026, 0, 10) })).id;
		const roundId = (await played.app.conferences.rounds(id))[0]!.id;
		const perspective = (await roundPerspective(played.app, id, roundId, 'nb'))!;
		const edit = async (themeEdit: ThemeEdit) => {
			const done = await played.app.conferences.dispatch(id, {
				type: 'themes.edit',
				roundId,
				proposal: perspective.proposal.themes,
				edit: themeEdit
			});
			if (!done.ok) throw new Error(done.error.code);
		};
		const [first] = perspective.proposal.themes;
		await edit({ kind: 'rename', themeId: first!.id, heading: 'ORGANISER-HEADING' });
		await edit({ kind: 'confirm' });
		const file = archiveJson((await exportConference(played.app, id))!);
		expect(file).toContain('ORGANISER-HEADING');
		const target = await open();
		const imported = await importArchive(target.app, file, null);
		if (!imported.ok) throw new Error('import refused');
		const copyId = imported.value.conferenceId;
		const copyRound = (await target.app.conferences.rounds(copyId))[0]!.id;
		const copied = (await target.app.conferences.state(copyId))!.themes[copyRound]!;
		expect(copied.confirmedAt).not.toBeNull();
		const original = (await played.app.conferences.state(id))!.themes[roundId]!;
		expect(copied.themes.map((t) => t.heading)).toEqual(original.themes.map((t) => t.heading));
		expect(copied.themes.map((t) => t.entries.length)).toEqual(
			original.themes.map((t) => t.entries.length)
		);
		expect(archiveJson((await exportConference(target.app, copyId))!)).toBe(file);
		const markdown = async (app: App, conference: string) =>
			renderReportMarkdown(
				buildReport(
					(await reportSourceFromDb(app, conference))!,
					{ generatedAt: '2026-01-29', language: 'en' },
					fixedT
				)
			);
		const copy = await markdown(target.app, copyId);
		expect(copy).toContain('ORGANISER-HEADING');
		expect(copy).toBe(await markdown(played.app, id));
	});

	it('are absent from a version 4 file (from before them), which imports with none', async () => {
		const played = await open();
		const id = (await seedPlayedDemo(played.app, { now: Date.UTC(2026, 0, 10) })).id;
		const roundId = (await played.app.conferences.rounds(id))[0]!.id;
		const perspective = (await roundPerspective(played.app, id, roundId, 'nb'))!;
		const confirmed = await played.app.conferences.dispatch(id, {
			type: 'themes.edit',
			roundId,
			proposal: perspective.proposal.themes,
			edit: { kind: 'confirm' }
		});
		if (!confirmed.ok) throw new Error(confirmed.error.code);
		const current = (await exportConference(played.app, id))!;
		expect(current.rounds.some((r) => r.themes)).toBe(true);
		// The same conference as version 4 wrote it: no themes.
		const v4 = JSON.parse(archiveJson(current)) as { schemaVersion: number; rounds: object[] };
		v4.schemaVersion = 4;
		for (const round of v4.rounds) delete (round as { themes?: unknown }).themes;
		const target = await open();
		const imported = await importArchive(target.app, JSON.stringify(v4), null);
		if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported)}`);
		const copyId = imported.value.conferenceId;
		expect((await target.app.conferences.state(copyId))!.themes).toEqual({});
		const again = (await exportConference(target.app, copyId))!;
		expect(again.schemaVersion).toBe(archiveSchemaVersion);
		expect(again.rounds.map((r) => r.themes ?? null)).toEqual(again.rounds.map(() => null));
		expect(again.rounds.map((r) => r.groups.length)).toEqual(
			current.rounds.map((r) => r.groups.length)
		);
	});
});

/** Ballots of votes still open, in every session of an installation. */
async function openBallots(app: App): Promise<number> {
	const loaded = await Promise.all(listSessionIds(app.db).map((id) => app.sessions.get(id)));
	return loaded
		.flatMap((session) => session!.state.questions)
		.filter((q) => q.phase === 'vote' || q.phase === 'revote')
		.reduce((sum, q) => sum + q.ballots.length, 0);
}

/** What an archive withheld, summed over every question of every session. */
function withheld(text: string): { notes: number; ballots: number } {
	const total = { notes: 0, ballots: 0 };
	for (const q of questionsOf(JSON.parse(text) as ConferenceArchive)) {
		total.notes += q.withheld.notes;
		total.ballots += q.withheld.ballots;
	}
	return total;
}

/** The archive as its copy exports it: the same, with nothing withheld any more. */
function nothingWithheld(text: string): string {
	const archive = JSON.parse(text) as ConferenceArchive;
	for (const q of questionsOf(archive)) q.withheld = { notes: 0, ballots: 0 };
	return archiveJson(archive);
}

function questionsOf(archive: ConferenceArchive) {
	return archive.rounds.flatMap((r) => r.groups.flatMap((g) => g.session?.questions ?? []));
}

/** The app on an existing file, as after a restart: nothing cached. */
function reopen(path: string): Promise<App> {
	return createApp(readConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent' }), projectRoot);
}
