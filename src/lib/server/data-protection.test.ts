import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from './app';
import { readConfig } from './config';
import {
	applyRetention,
	deleteConferenceCompletely,
	eraseParticipant,
	personalData
} from './data-protection';
import { randomToken } from './tokens';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let dir: string;
let app: App;

function open(env: Record<string, string> = {}): App {
	return createApp(
		readConfig({ DATABASE_PATH: join(dir, 'samrad.sqlite'), LOG_LEVEL: 'silent', ...env }),
		root
	);
}

/** The database file and its WAL as text: what a thief with the disk would see. */
function fileText(): string {
	app.db.pragma('wal_checkpoint(TRUNCATE)');
	let text = readFileSync(join(dir, 'samrad.sqlite')).toString('latin1');
	try {
		text += readFileSync(join(dir, 'samrad.sqlite-wal')).toString('latin1');
	} catch {
		// no WAL file
	}
	return text;
}

/** A conference with one started round of two people who wrote and voted. */
function seed(endDate = '2026-05-06') {
	const conference = app.conferences.create({
		title: 'Sigtuna UNIQUE-TITLE',
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
	app.conferences.addParticipants(id, [
		{
			name: 'Guðrún ERASEME',
			country: 'IS',
			role: 'worker',
			organisation: 'HEALTH-ORG',
			language: 'is',
			coordinator: false
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
	const round = app.conferences.saveRound(id, null, {
		title: 'Round',
		theme: '',
		rule: 'role',
		maxGroupSize: 8,
		questions: ['What helps?']
	});
	if (!round.ok) throw new Error('round');
	app.conferences.allocate(id, round.value.id);
	app.conferences.startRound(id, round.value.id);
	const [gudrun, oystein] = app.conferences
		.participants(id)
		.sort((a, b) => a.name.localeCompare(b.name));
	const sessionId = app.conferences.roundDetail(id, round.value.id, 'en')!.groups[0]!.sessionId!;
	const questionId = app.sessions.get(sessionId)!.state.questions[0]!.id;
	const run = (
		command: Parameters<App['sessions']['dispatch']>[3],
		actor: Parameters<App['sessions']['dispatch']>[4]
	) => {
		const outcome = app.sessions.dispatch(sessionId, randomToken(16), 'test', command, actor);
		if (!outcome.ack.ok) throw new Error(JSON.stringify(outcome.ack));
	};
	run({ type: 'session.configure', settings: { anonymous: false } }, { role: 'facilitator' });
	run({ type: 'phase.advance', questionId, from: 'lobby' }, { role: 'facilitator' });
	run(
		{ type: 'note.add', questionId, noteId: randomToken(16), text: 'SECRET-DIAGNOSIS note' },
		{ role: 'participant', participantId: gudrun!.id }
	);
	run(
		{ type: 'note.add', questionId, noteId: randomToken(16), text: 'Keep this idea' },
		{ role: 'participant', participantId: oystein!.id }
	);
	return { conferenceId: id, sessionId, gudrun: gudrun!, oystein: oystein! };
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'samrad-dp-'));
	app = open();
});

afterEach(() => {
	app.db.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('erasing a participant', () => {
	it('delete: their name, organisation and notes are gone from the state and the file', () => {
		const { conferenceId, sessionId, gudrun } = seed();
		expect(fileText()).toContain('SECRET-DIAGNOSIS');
		expect(eraseParticipant(app, conferenceId, gudrun.id, 'delete')).toBe(true);
		const state = app.sessions.get(sessionId)!.state;
		expect(state.questions[0]!.notes.map((n) => n.text)).toEqual(['Keep this idea']);
		const text = fileText();
		expect(text).not.toContain('SECRET-DIAGNOSIS');
		expect(text).not.toContain('ERASEME');
		expect(text).not.toContain('HEALTH-ORG');
		expect(text).toContain('Keep this idea');
		expect(app.conferences.participants(conferenceId)).toHaveLength(1);
	});

	it('anonymise: their notes stay, without their name, also after a restart', () => {
		const { conferenceId, sessionId, gudrun } = seed();
		eraseParticipant(app, conferenceId, gudrun.id, 'anonymise');
		app.db.close();
		app = open();
		const state = app.sessions.get(sessionId)!.state;
		expect(state.questions[0]!.notes.map((n) => n.text).sort()).toEqual([
			'Keep this idea',
			'SECRET-DIAGNOSIS note'
		]);
		expect(fileText()).not.toContain('ERASEME');
	});
});

describe('deleting a conference', () => {
	it('removes every row and reclaims the space', () => {
		const { conferenceId } = seed();
		const before = fileText().length;
		deleteConferenceCompletely(app, conferenceId);
		const counts = [
			'conferences',
			'conference_participants',
			'rounds',
			'groups',
			'group_members',
			'glossary_entries',
			'programme_items',
			'sessions',
			'session_events'
		].map(
			(table) => (app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
		);
		expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
		const text = fileText();
		expect(text).not.toContain('UNIQUE-TITLE');
		expect(text).not.toContain('SECRET-DIAGNOSIS');
		expect(text.length).toBeLessThan(before);
	});
});

describe('retention', () => {
	it('deletes conferences that ended more than N days ago, and old stand-alone sessions', () => {
		app.db.close();
		app = open({ RETENTION_DAYS: '30' });
		const old = seed('2026-01-01');
		const recent = seed('2026-11-20');
		const standalone = app.sessions.create({
			title: 'Quick workshop',
			questions: ['Q?'],
			language: 'en'
		});
		if (!standalone.ok) throw new Error('session');
		const now = Date.parse('2026-11-23T12:00:00Z');
		app.db
			.prepare('UPDATE sessions SET updated_at = ? WHERE id = ?')
			.run(now - 31 * 86_400_000, standalone.access.id);
		expect(applyRetention(app, now)).toEqual({ conferences: 1, sessions: 1 });
		expect(app.conferences.get(old.conferenceId)).toBeNull();
		expect(app.conferences.get(recent.conferenceId)).not.toBeNull();
		expect(app.sessions.get(standalone.access.id)).toBeNull();
	});

	it('keeps everything when retention is off', () => {
		app.db.close();
		app = open({ RETENTION_DAYS: 'off' });
		seed('2000-01-01');
		expect(applyRetention(app, Date.parse('2026-11-23T12:00:00Z'))).toEqual({
			conferences: 0,
			sessions: 0
		});
	});
});

describe('one person’s data', () => {
	it('holds their own notes once revealed, and nobody else’s', () => {
		const { conferenceId, sessionId, gudrun } = seed();
		const questionId = app.sessions.get(sessionId)!.state.questions[0]!.id;
		for (const from of ['write', 'reveal'] as const) {
			const outcome = app.sessions.dispatch(
				sessionId,
				randomToken(16),
				'test',
				{ type: 'phase.advance', questionId, from },
				{ role: 'facilitator' }
			);
			if (!outcome.ack.ok) throw new Error(JSON.stringify(outcome.ack));
		}
		const data = personalData(app, conferenceId, gudrun.id)!;
		expect(data.participant).toMatchObject({
			name: 'Guðrún ERASEME',
			country: 'IS',
			organisation: 'HEALTH-ORG'
		});
		const notes = data.rounds.flatMap((r) =>
			r.questions.flatMap((q) => q.notes.map((n) => n.text))
		);
		expect(notes).toEqual(['SECRET-DIAGNOSIS note']);
		expect(JSON.stringify(data)).not.toContain('Keep this idea');
		expect(personalData(app, conferenceId, 'nobody')).toBeNull();
	});

	it('counts their notes not yet revealed without their text, and says who downloads it', () => {
		const { conferenceId, gudrun } = seed();
		const data = personalData(app, conferenceId, gudrun.id)!;
		expect(JSON.stringify(data)).not.toContain('SECRET-DIAGNOSIS');
		expect(data.rounds[0]!.questions[0]).toMatchObject({ notes: [], notesNotYetRevealed: 1 });
		// In the person's own language (Icelandic).
		expect(data.about).toContain('skipuleggj');
	});
});
