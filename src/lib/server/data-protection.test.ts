import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from './app';
import { readConfig } from './config';
import { deleteConferenceCompletely, eraseParticipant, personalData } from './data-protection';
import { hashDevice } from './devices';
import { roundPerspective } from './perspective';
import { exportFile, exportFormats, readChoices } from './report/export';
import { claimName } from './identity';
import { applyRetention } from './retention';
import { randomToken } from './tokens';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let dir: string;
let app: App;

const day = 86_400_000;
/** The fake clock every service of the app reads. */
let now = Date.parse('2026-11-23T12:00:00Z');
const clock = () => now;

function open(env: Record<string, string> = {}): Promise<App> {
	return createApp(
		readConfig({ DATABASE_PATH: join(dir, 'samrad.sqlite'), LOG_LEVEL: 'silent', ...env }),
		root,
		{ clock }
	);
}

/**
 * The database file, its WAL and its shared-memory file as text, exactly as the app left them
 * (no checkpoint, no VACUUM): what a thief with the disk would see.
 */
function fileText(): string {
	return ['', '-wal', '-shm']
		.map((suffix) => {
			try {
				return readFileSync(join(dir, `samrad.sqlite${suffix}`)).toString('latin1');
			} catch {
				return '';
			}
		})
		.join('\n');
}

/** A conference with one started round of two people who wrote and voted. */
async function seed(endDate = '2026-05-06', title = 'Sigtuna UNIQUE-TITLE') {
	const conference = await app.conferences.create({
		title,
		subtitle: '',
		venue: 'Sigtuna',
		startDate: endDate,
		endDate,
		about: '',
		introduction: '',
		organisation: '',
		author: '',
		introductionBy: '',
		language: 'nb',
		languages: ['nb']
	});
	if (!conference.ok) throw new Error(JSON.stringify(conference.error));
	const id = conference.value.id;
	await app.conferences.addParticipants(id, [
		{
			name: 'Guðrún ERASEME',
			country: 'IS',
			role: 'worker',
			organisation: 'HEALTH-ORG',
			language: 'is',
			coordinator: false,
			roleDescription: 'HEALTH-ROLE koordinator'
		},
		{
			name: 'Øystein Sørmark',
			country: 'NO',
			role: 'worker',
			organisation: '',
			language: 'nb',
			coordinator: false
		}
	]);
	const round = await app.conferences.saveRound(id, null, {
		title: 'Round',
		theme: '',
		rule: 'role',
		maxGroupSize: 8,
		questions: ['What helps?']
	});
	if (!round.ok) throw new Error('round');
	await app.conferences.allocate(id, round.value.id);
	await app.conferences.startRound(id, round.value.id);
	const [gudrun, oystein] = (await app.conferences.participants(id)).sort((a, b) =>
		a.name.localeCompare(b.name)
	);
	const sessionId = (await app.conferences.roundDetail(id, round.value.id, 'en'))!.groups[0]!
		.sessionId!;
	const questionId = (await app.sessions.get(sessionId))!.state.questions[0]!.id;
	const run = async (
		command: Parameters<App['sessions']['dispatch']>[3],
		actor: Parameters<App['sessions']['dispatch']>[4]
	) => {
		const outcome = await app.sessions.dispatch(sessionId, randomToken(16), 'test', command, actor);
		if (!outcome.ack.ok) throw new Error(JSON.stringify(outcome.ack));
	};
	await run({ type: 'session.configure', settings: { anonymous: false } }, { role: 'facilitator' });
	await run({ type: 'phase.advance', questionId, from: 'lobby' }, { role: 'facilitator' });
	await run(
		{ type: 'note.add', questionId, noteId: randomToken(16), text: 'SECRET-DIAGNOSIS note' },
		{ role: 'participant', participantId: gudrun!.id }
	);
	await run(
		{ type: 'note.add', questionId, noteId: randomToken(16), text: 'Keep this idea' },
		{ role: 'participant', participantId: oystein!.id }
	);
	return { conferenceId: id, sessionId, gudrun: gudrun!, oystein: oystein! };
}

/** The seed, with a reflection by each of the two (hers from her phone) and a discussion naming her. */
async function seedReflections() {
	const seeded = await seed();
	const { sessionId, gudrun, oystein } = seeded;
	const run = async (
		command: Parameters<App['sessions']['dispatch']>[3],
		actor: Parameters<App['sessions']['dispatch']>[4]
	) => {
		const outcome = await app.sessions.dispatch(sessionId, randomToken(16), 'test', command, actor);
		if (!outcome.ack.ok) throw new Error(JSON.stringify(outcome.ack));
	};
	const facilitator = { role: 'facilitator' } as const;
	const questionId = (await app.sessions.get(sessionId))!.state.questions[0]!.id;
	await run({ type: 'session.configure', settings: { membersReflect: true } }, facilitator);
	await run(
		{
			type: 'reflection.write',
			reflectionId: randomToken(16),
			text: 'MY-OWN-REFLECTION on health',
			showName: false
		},
		{ role: 'participant', participantId: gudrun.id }
	);
	await run(
		{
			type: 'reflection.write',
			reflectionId: randomToken(16),
			authorId: oystein.id,
			text: 'OYSTEIN-REFLECTION: Guðrún ERASEME said it well'
		},
		facilitator
	);
	await run(
		{ type: 'discussion.write', questionId, text: 'Guðrún ERASEME and Øystein talked' },
		facilitator
	);
	return seeded;
}

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'samrad-dp-'));
	app = await open();
});

afterEach(() => {
	app.db.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('erasing a participant', () => {
	it('delete: their name, organisation and notes are gone from the state and the file', async () => {
		const { conferenceId, sessionId, gudrun } = await seed();
		expect(fileText()).toContain('SECRET-DIAGNOSIS');
		const grouped = app.db.prepare('SELECT entry FROM grouping_history').all() as {
			entry: string;
		}[];
		expect(grouped.some((h) => h.entry.includes(gudrun.id))).toBe(true);
		expect(await eraseParticipant(app, conferenceId, gudrun.id, 'delete')).toBe(true);
		const state = (await app.sessions.get(sessionId))!.state;
		expect(state.questions[0]!.notes.map((n) => n.text)).toEqual(['Keep this idea']);
		const text = fileText();
		expect(text).not.toContain('SECRET-DIAGNOSIS');
		expect(text).not.toContain('ERASEME');
		expect(text).not.toContain('HEALTH-ORG');
		expect(text).not.toContain('HEALTH-ROLE');
		expect(text).toContain('Keep this idea');
		expect(await app.conferences.participants(conferenceId)).toHaveLength(1);
		// No grouping action that could be undone keeps their id.
		const history = () =>
			app.db.prepare('SELECT entry FROM grouping_history').all() as { entry: string }[];
		expect(history().some((h) => h.entry.includes(gudrun.id))).toBe(false);
	});

	it('leaves no trace in the conference: no group keeps them as its leader', async () => {
		const { conferenceId, gudrun } = await seed();
		const round = (await app.conferences.rounds(conferenceId))[0]!;
		const group = (await app.conferences.roundDetail(conferenceId, round.id, 'en'))!.groups[0]!;
		const led = await app.conferences.group(conferenceId, round.id, {
			type: 'lead',
			groupId: group.id,
			participantIds: [gudrun.id]
		});
		expect(led.ok).toBe(true);
		expect((await app.conferences.state(conferenceId))!.seats).toContainEqual(
			expect.objectContaining({ participantId: gudrun.id, groupId: group.id, leader: true })
		);
		expect(await eraseParticipant(app, conferenceId, gudrun.id, 'delete')).toBe(true);
		const state = (await app.conferences.state(conferenceId))!;
		expect(state.participants.map((p) => p.id)).not.toContain(gudrun.id);
		expect(state.seats.map((s) => s.participantId)).not.toContain(gudrun.id);
	});

	it('erases their reflection and strikes their name from the discussion and others’ reflections, in the file too', async () => {
		for (const mode of ['delete', 'anonymise'] as const) {
			const { conferenceId, sessionId, gudrun } = await seedReflections();
			expect(fileText()).toContain('MY-OWN-REFLECTION');
			expect(await eraseParticipant(app, conferenceId, gudrun.id, mode)).toBe(true);
			const state = (await app.sessions.get(sessionId))!.state;
			expect(
				state.reflections!.map((r) => r.text),
				mode
			).toEqual(['OYSTEIN-REFLECTION: […] said it well']);
			expect(state.questions[0]!.discussion).toBe('[…] and Øystein talked');
			const text = fileText();
			expect(text, mode).not.toContain('MY-OWN-REFLECTION');
			expect(text, mode).not.toContain('ERASEME');
		}
	});

	it('anonymise: their notes stay, without their name, also after a restart', async () => {
		const { conferenceId, sessionId, gudrun } = await seed();
		await eraseParticipant(app, conferenceId, gudrun.id, 'anonymise');
		app.db.close();
		app = await open();
		const state = (await app.sessions.get(sessionId))!.state;
		expect(state.questions[0]!.notes.map((n) => n.text).sort()).toEqual([
			'Keep this idea',
			'SECRET-DIAGNOSIS note'
		]);
		expect(fileText()).not.toContain('ERASEME');
	});
});

describe('erasing a participant whose note named a theme', () => {
	/** The seed played to results: her note first on every ballot, and the round's themes confirmed. */
	async function seedThemes() {
		const seeded = await seed();
		const { conferenceId, sessionId, gudrun, oystein } = seeded;
		const run = async (
			command: Parameters<App['sessions']['dispatch']>[3],
			actor: Parameters<App['sessions']['dispatch']>[4]
		) => {
			const outcome = await app.sessions.dispatch(
				sessionId,
				randomToken(16),
				'test',
				command,
				actor
			);
			if (!outcome.ack.ok) throw new Error(JSON.stringify(outcome.ack));
		};
		const facilitator = { role: 'facilitator' } as const;
		const state = () => app.sessions.get(sessionId).then((s) => s!.state);
		const question = (await state()).questions[0]!;
		const questionId = question.id;
		const third = randomToken(16);
		await run({ type: 'participant.add', participantId: third, name: 'Tredje' }, facilitator);
		await run({ type: 'phase.advance', questionId, from: 'write' }, facilitator);
		await run({ type: 'reveal.all', questionId }, facilitator);
		await run({ type: 'phase.advance', questionId, from: 'reveal' }, facilitator);
		await run({ type: 'phase.advance', questionId, from: 'clarify' }, facilitator);
		const notes = (await state()).questions[0]!.notes;
		const hers = notes.find((n) => n.authorId === gudrun.id)!;
		const his = notes.find((n) => n.authorId === oystein.id)!;
		const ranking = [`n:${hers.id}`, `n:${his.id}`];
		await run(
			{ type: 'ballot.cast', questionId, ranking },
			{ role: 'participant', participantId: gudrun.id }
		);
		await run(
			{ type: 'ballot.cast', questionId, ranking },
			{ role: 'participant', participantId: oystein.id }
		);
		await run({ type: 'ballot.cast', questionId, ranking, voterId: third }, facilitator);
		await run({ type: 'phase.advance', questionId, from: 'vote' }, facilitator);
		const roundId = (await app.conferences.rounds(conferenceId))[0]!.id;
		const perspective = (await roundPerspective(app, conferenceId, roundId, 'nb'))!;
		const confirmed = await app.conferences.dispatch(conferenceId, {
			type: 'themes.edit',
			roundId,
			proposal: perspective.proposal.themes,
			edit: { kind: 'confirm' }
		});
		if (!confirmed.ok) throw new Error(confirmed.error.code);
		return { ...seeded, roundId };
	}

	/** Every format of the report and the archive, as text. */
	async function everyExport(conferenceId: string): Promise<Record<string, string>> {
		const texts: Record<string, string> = {};
		for (const format of exportFormats) {
			const file = await exportFile(
				app,
				conferenceId,
				readChoices(new URLSearchParams({ format, includeNames: '1' }))
			);
			const body = file!.body;
			if (format === 'docx') {
				const files = unzipSync(body as Uint8Array);
				texts[format] = Object.values(files)
					.map((f) => strFromU8(f))
					.join('\n');
			} else if (format === 'pdf') {
				const path = join(dir, 'report.pdf');
				writeFileSync(path, body);
				texts[format] = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString();
			} else texts[format] = typeof body === 'string' ? body : new TextDecoder().decode(body);
		}
		// Soft hyphens break long words in HTML and PDF: the text is read without them.
		return Object.fromEntries(
			Object.entries(texts).map(([format, text]) => [format, text.replaceAll('\u00ad', '')])
		);
	}

	it('delete: the theme headed by her note text is rewritten or dropped, and her text is nowhere: themes, plenum, every report format, the archive, the file', async () => {
		const { conferenceId, roundId, gudrun } = await seedThemes();
		const stored = (await app.conferences.state(conferenceId))!.themes[roundId]!;
		expect(stored.themes.map((t) => t.heading)).toContain('SECRET-DIAGNOSIS note');
		const before = await everyExport(conferenceId);
		for (const [format, text] of Object.entries(before))
			expect(text, `${format} before`).toContain('SECRET-DIAGNOSIS');
		expect(await eraseParticipant(app, conferenceId, gudrun.id, 'delete')).toBe(true);
		const state = (await app.conferences.state(conferenceId))!;
		expect(JSON.stringify(state.themes)).not.toContain('SECRET-DIAGNOSIS');
		expect(state.themes[roundId]!.confirmedAt).not.toBeNull();
		const perspective = (await roundPerspective(app, conferenceId, roundId, 'nb'))!;
		expect(JSON.stringify(perspective)).not.toContain('SECRET-DIAGNOSIS');
		// Her note gone, the closed vote's tally is withheld: no item is left to head her theme.
		expect(state.themes[roundId]!.themes.map((t) => t.heading)).not.toContain(
			'SECRET-DIAGNOSIS note'
		);
		const after = await everyExport(conferenceId);
		for (const [format, text] of Object.entries(after)) {
			expect(text, format).not.toContain('SECRET-DIAGNOSIS');
			expect(text, format).not.toContain('ERASEME');
		}
		expect(after.markdown).toContain('Keep this idea');
		expect(fileText()).not.toContain('SECRET-DIAGNOSIS');
	}, 120_000);
});

describe('deleting a conference', () => {
	it('removes every row, and its text is gone from the files at once', async () => {
		const { conferenceId } = await seed();
		expect(fileText()).toContain('SECRET-DIAGNOSIS');
		await deleteConferenceCompletely(app, conferenceId);
		const counts = [
			'conferences',
			'conference_participants',
			'rounds',
			'groups',
			'seats',
			'grouping_history',
			'glossary_entries',
			'programme_items',
			'sessions',
			'session_events'
		].map(
			(table) => (app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
		);
		expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
		const text = fileText();
		expect(text).not.toContain('UNIQUE-TITLE');
		expect(text).not.toContain('SECRET-DIAGNOSIS');
	});
});

describe('retention', () => {
	const today = Date.parse('2026-11-23T12:00:00Z');

	beforeEach(() => {
		now = today;
	});

	it('never counts from the typed dates: a conference created today with 2010 dates survives, a restart too', async () => {
		app.db.close();
		app = await open({ RETENTION_DAYS: '365' });
		const { conferenceId } = await seed('2010-05-06');
		expect(await applyRetention(app, today)).toEqual({ conferences: 0, sessions: 0 });
		app.db.close();
		app = await open({ RETENTION_DAYS: '365' });
		now = today + day;
		expect(await applyRetention(app, now)).toEqual({ conferences: 0, sessions: 0 });
		expect(await app.conferences.get(conferenceId)).not.toBeNull();
	});

	it('counts from the last activity in the conference or any of its groups, whatever the dates say', async () => {
		app.db.close();
		app = await open({ RETENTION_DAYS: '30' });
		now = today - 40 * day;
		const idle = await seed('2099-01-01', 'IDLE-CONFERENCE-TITLE');
		const working = await seed('2010-01-01', 'WORKING-CONFERENCE-TITLE');
		// Someone in one of the working conference's groups wrote a note five days ago.
		now = today - 5 * day;
		const session = (await app.sessions.get(working.sessionId))!;
		const outcome = await app.sessions.dispatch(
			working.sessionId,
			randomToken(16),
			'test',
			{
				type: 'note.add',
				questionId: session.state.questions[0]!.id,
				noteId: randomToken(16),
				text: 'Still at it'
			},
			{ role: 'participant', participantId: working.oystein.id }
		);
		expect(outcome.ack.ok).toBe(true);
		now = today;
		expect(await applyRetention(app, today)).toEqual({ conferences: 1, sessions: 0 });
		expect(await app.conferences.get(idle.conferenceId)).toBeNull();
		expect(await app.conferences.get(working.conferenceId)).not.toBeNull();
		// Gone from the files at once: no VACUUM, no restart.
		const text = fileText();
		expect(text).not.toContain('IDLE-CONFERENCE-TITLE');
		expect(text).toContain('WORKING-CONFERENCE-TITLE');
	});

	it('an organiser’s change counts as activity', async () => {
		app.db.close();
		app = await open({ RETENTION_DAYS: '30' });
		now = today - 40 * day;
		const { conferenceId } = await seed('2099-01-01');
		now = today - 2 * day;
		await app.conferences.setNotice(conferenceId, 'Back in plenum at 13:30');
		now = today;
		expect(await applyRetention(app, today)).toEqual({ conferences: 0, sessions: 0 });
	});

	it('deletes stand-alone sessions after that long without activity', async () => {
		app.db.close();
		app = await open({ RETENTION_DAYS: '30' });
		now = today - 31 * day;
		const old = await app.sessions.create({
			title: 'Old workshop',
			questions: ['Q?'],
			language: 'en'
		});
		now = today - 29 * day;
		const recent = await app.sessions.create({
			title: 'Recent',
			questions: ['Q?'],
			language: 'en'
		});
		if (!old.ok || !recent.ok) throw new Error('session');
		now = today;
		expect(await applyRetention(app, today)).toEqual({ conferences: 0, sessions: 1 });
		expect(await app.sessions.get(old.access.id)).toBeNull();
		expect(await app.sessions.get(recent.access.id)).not.toBeNull();
	});

	it('keeps everything when retention is off', async () => {
		app.db.close();
		app = await open({ RETENTION_DAYS: 'off' });
		now = Date.parse('2000-01-01T12:00:00Z');
		await seed('2000-01-01');
		expect(await applyRetention(app, today)).toEqual({ conferences: 0, sessions: 0 });
	});
});

describe('one person’s data', () => {
	it('holds their own notes once revealed, and nobody else’s', async () => {
		const { conferenceId, sessionId, gudrun } = await seed();
		const questionId = (await app.sessions.get(sessionId))!.state.questions[0]!.id;
		for (const from of ['write', 'reveal'] as const) {
			const outcome = await app.sessions.dispatch(
				sessionId,
				randomToken(16),
				'test',
				{ type: 'phase.advance', questionId, from },
				{ role: 'facilitator' }
			);
			if (!outcome.ack.ok) throw new Error(JSON.stringify(outcome.ack));
		}
		const data = (await personalData(app, conferenceId, gudrun.id))!;
		expect(data.participant).toMatchObject({
			name: 'Guðrún ERASEME',
			country: 'IS',
			organisation: 'HEALTH-ORG',
			roleDescription: 'HEALTH-ROLE koordinator'
		});
		const notes = data.rounds.flatMap((r) =>
			r.questions.flatMap((q) => q.notes.map((n) => n.text))
		);
		expect(notes).toEqual(['SECRET-DIAGNOSIS note']);
		expect(JSON.stringify(data)).not.toContain('Keep this idea');
		expect(await personalData(app, conferenceId, 'nobody')).toBeNull();
	});

	it('holds their own reflections, with their choice of name, and their group’s discussion; not others’ reflections', async () => {
		const { conferenceId, sessionId, gudrun, oystein } = await seedReflections();
		const data = (await personalData(app, conferenceId, gudrun.id))!;
		expect(data.rounds[0]!.reflections).toEqual([
			{ title: '', text: 'MY-OWN-REFLECTION on health', nameInReport: false }
		]);
		expect(data.rounds[0]!.questions[0]!.discussion).toBe('Guðrún ERASEME and Øystein talked');
		expect(JSON.stringify(data)).not.toContain('OYSTEIN-REFLECTION');
		const his = (await personalData(app, conferenceId, oystein.id))!;
		expect(his.rounds[0]!.reflections.map((r) => r.text)).toEqual([
			'OYSTEIN-REFLECTION: Guðrún ERASEME said it well'
		]);
		void sessionId;
	});

	it('never counts the group’s notes as anyone’s: not in a download, not erased with a person', async () => {
		const { conferenceId, sessionId, gudrun, oystein } = await seed();
		const questionId = (await app.sessions.get(sessionId))!.state.questions[0]!.id;
		const commands = [
			{
				type: 'note.add',
				questionId,
				noteId: randomToken(16),
				text: 'FLIPCHART note',
				forGroup: true
			},
			{ type: 'phase.advance', questionId, from: 'write' },
			{ type: 'reveal.all', questionId }
		] as const;
		for (const command of commands) {
			const outcome = await app.sessions.dispatch(sessionId, randomToken(16), 'test', command, {
				role: 'facilitator'
			});
			if (!outcome.ack.ok) throw new Error(JSON.stringify(outcome.ack));
		}
		for (const person of [gudrun, oystein]) {
			const data = (await personalData(app, conferenceId, person.id))!;
			expect(JSON.stringify(data)).not.toContain('FLIPCHART');
			expect(data.rounds[0]!.questions[0]!.notes).toHaveLength(1);
			expect(data.rounds[0]!.questions[0]!.notesNotYetRevealed).toBe(0);
		}
		expect(await eraseParticipant(app, conferenceId, gudrun.id, 'delete')).toBe(true);
		const state = (await app.sessions.get(sessionId))!.state;
		expect(state.questions[0]!.notes.map((n) => n.text).sort()).toEqual([
			'FLIPCHART note',
			'Keep this idea'
		]);
	});

	it('counts their notes not yet revealed without their text, and says who downloads it', async () => {
		const { conferenceId, gudrun } = await seed();
		const data = (await personalData(app, conferenceId, gudrun.id))!;
		expect(JSON.stringify(data)).not.toContain('SECRET-DIAGNOSIS');
		expect(data.rounds[0]!.questions[0]).toMatchObject({ notes: [], notesNotYetRevealed: 1 });
		// In the person's own language (Icelandic).
		expect(data.about).toContain('skipuleggj');
	});

	it('lists the devices that used their name, and nobody else’s', async () => {
		const { conferenceId, gudrun, oystein } = await seed();
		const iphone =
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
		const firefox = 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0';
		expect((await claimName(app, gudrun, hashDevice('g'.repeat(32)), iphone)).ok).toBe(true);
		expect(await claimName(app, gudrun, hashDevice('x'.repeat(32)), firefox)).toMatchObject({
			ok: true,
			status: 'pending'
		});
		expect((await claimName(app, oystein, hashDevice('o'.repeat(32)), firefox)).ok).toBe(true);
		const data = (await personalData(app, conferenceId, gudrun.id))!;
		expect(data.devices).toEqual([
			expect.objectContaining({ device: 'Safari · iPhone', how: 'roster', status: 'active' }),
			expect.objectContaining({ device: 'Firefox · Android', how: 'roster', status: 'pending' })
		]);
	});
});

describe('erasing a participant’s devices', () => {
	it('goes with the participant', async () => {
		const { conferenceId, gudrun } = await seed();
		await claimName(app, gudrun, hashDevice('g'.repeat(32)), null);
		const count = () =>
			(app.db.prepare('SELECT count(*) AS n FROM device_bindings').get() as { n: number }).n;
		expect(count()).toBe(1);
		await eraseParticipant(app, conferenceId, gudrun.id, 'anonymise');
		expect(count()).toBe(0);
	});
});
