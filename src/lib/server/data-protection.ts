/**
 * Data protection: erasing a person, deleting a conference, retention, and one person's data.
 * The users are public bodies and NGOs and notes may mention health: what is deleted must be
 * gone from the database file, not just hidden (events are compacted, pages overwritten by
 * secure_delete, free space reclaimed by VACUUM).
 */
import { votingPhases } from '$lib/domain/session/phases';
import type { QuestionRun } from '$lib/domain/session/types';
import { fixedT } from '$lib/i18n';
import type { App } from './app';
import { findConference, listConferences } from './db/conferences';
import { findParticipant, deleteParticipant } from './db/participants';
import { groupOf, listRounds } from './db/rounds';
import { listConferenceSessionIds, snapshotSession } from './db/sessions';
import { log } from './log';
import { randomToken } from './tokens';

const dayMs = 86_400_000;

/** Writes a session's current state as its snapshot and drops every event before it. */
function compact(app: App, sessionId: string): void {
	const session = app.sessions.get(sessionId);
	if (session) snapshotSession(app.db, sessionId, session.seq, session.state);
}

/** Reclaims the space of deleted rows, so deleted text does not linger in the file. */
export function reclaimSpace(app: App): void {
	app.db.pragma('wal_checkpoint(TRUNCATE)');
	app.db.exec('VACUUM');
	app.db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Removes a conference participant. `delete` removes their notes and ballots from every group
 * session; `anonymise` keeps their notes without any link to them. Either way their name is
 * gone from every session's state and event log.
 *
 * The conference's own free text is the organiser's and is not searched for the name: the about
 * text, the introduction and the report's sign-off (author and introducer). A person named
 * there is removed by editing the setup page; deleting the conference removes it all.
 */
export function eraseParticipant(
	app: App,
	conferenceId: string,
	participantId: string,
	mode: 'delete' | 'anonymise'
): boolean {
	if (!findParticipant(app.db, conferenceId, participantId)) return false;
	const touched: string[] = [];
	for (const sessionId of listConferenceSessionIds(app.db, conferenceId)) {
		const session = app.sessions.get(sessionId);
		if (!session?.state.participants.some((p) => p.id === participantId)) continue;
		const outcome = app.sessions.dispatch(
			sessionId,
			randomToken(16),
			`s:${sessionId}:system`,
			{ type: 'participant.erase', participantId, mode },
			{ role: 'system' }
		);
		if (outcome.ack.ok) touched.push(sessionId);
	}
	app.db.transaction(() => {
		for (const sessionId of touched) compact(app, sessionId);
		deleteParticipant(app.db, conferenceId, participantId);
	})();
	reclaimSpace(app);
	log.info('participant.erased', { conferenceId, sessions: touched.length, mode });
	app.conferences.onChange(conferenceId, 'structure');
	return true;
}

/** Deletes a conference with everything in it and reclaims the space. */
export function deleteConferenceCompletely(app: App, conferenceId: string): void {
	app.conferences.delete(conferenceId);
	reclaimSpace(app);
}

/** The day after which a conference may be deleted (its end, or start, or creation date). */
function conferenceEnd(c: { endDate: string; startDate: string; createdAt: number }): number {
	const date = c.endDate || c.startDate;
	return date ? Date.parse(`${date}T23:59:59Z`) : c.createdAt;
}

/**
 * Deletes conferences that ended more than `retentionDays` ago and stand-alone sessions
 * without activity for that long. Returns how many of each went.
 */
export function applyRetention(
	app: App,
	now: number = Date.now()
): { conferences: number; sessions: number } {
	const days = app.config.retentionDays;
	if (days === null) return { conferences: 0, sessions: 0 };
	const cutoff = now - days * dayMs;
	const expired = listConferences(app.db).filter((c) => conferenceEnd(c) < cutoff);
	for (const conference of expired) app.conferences.delete(conference.id);
	const sessions = (
		app.db
			.prepare('SELECT id FROM sessions WHERE conference_id IS NULL AND updated_at < ?')
			.all(cutoff) as { id: string }[]
	).map((r) => r.id);
	if (sessions.length > 0) {
		app.db.transaction(() => {
			for (const id of sessions) {
				app.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
				app.db.prepare("DELETE FROM processed_commands WHERE scope LIKE ? || '%'").run(`s:${id}:`);
			}
		})();
		for (const id of sessions) app.sessions.evict(id);
	}
	if (expired.length + sessions.length > 0) {
		reclaimSpace(app);
		log.info('retention.applied', { conferences: expired.length, sessions: sessions.length, days });
	}
	return { conferences: expired.length, sessions: sessions.length };
}

/**
 * One conference participant's own data, for their request for access. The organiser downloads
 * it for them, so it holds what an organiser may see: their revealed notes with the
 * facilitator's corrections, and only how many notes they have not revealed yet. Of a vote it
 * says, while the vote is open, whether they have voted, and never how: the ballot is secret,
 * from the organiser too.
 */
export function personalData(app: App, conferenceId: string, participantId: string) {
	const conference = findConference(app.db, conferenceId);
	const person = findParticipant(app.db, conferenceId, participantId);
	if (!conference || !person) return null;
	const rounds = listRounds(app.db, conferenceId).map((round) => {
		const groupId = groupOf(app.db, round.id, participantId);
		const detail = app.conferences.roundDetail(conferenceId, round.id, person.language);
		const group = groupId ? detail?.groups.find((g) => g.id === groupId) : undefined;
		const session = group?.sessionId ? app.sessions.get(group.sessionId) : null;
		const state = session?.state;
		return {
			round: round.title,
			group: group?.name ?? null,
			leader: group?.leaders.includes(participantId) ?? false,
			questions:
				state?.questions.map((q) => {
					const own = q.notes.filter((n) => n.authorId === participantId);
					const revealed = own.filter((n) => n.revealIndex !== null);
					const open = votingPhases.includes(q.phase);
					const voted = q.ballots.some((b) => b.voterId === participantId);
					return {
						label: q.label,
						question: q.text,
						notes: revealed.map((n) => ({
							text: n.text,
							textBeforeCorrections: n.history
								.filter((h) => h.by === 'facilitator')
								.map((h) => h.previous)
						})),
						notesNotYetRevealed: own.length - revealed.length,
						vote: open ? { open: true, voted } : hadVote(q) ? { open: false } : null
					};
				}) ?? [],
			reflection: group?.leaders.includes(participantId) ? (state?.reflection ?? '') : ''
		};
	});
	return {
		about: fixedT(person.language)('privacy.download.about'),
		exportedAt: new Date().toISOString(),
		conference: {
			title: conference.title,
			venue: conference.venue,
			startDate: conference.startDate
		},
		participant: {
			name: person.name,
			country: person.country,
			role: person.role,
			organisation: person.organisation,
			language: person.language,
			coordinator: person.coordinator
		},
		rounds
	};
}

/** Whether a question has had a vote, open or closed. */
function hadVote(q: QuestionRun): boolean {
	return q.ballots.length > 0 || q.previousBallots !== null || votingPhases.includes(q.phase);
}

/** Runs retention now and then every six hours (timer does not keep the process alive). */
export function scheduleRetention(app: App): () => void {
	const run = () => {
		try {
			applyRetention(app);
		} catch (error) {
			log.error('retention.failed', {
				error: error instanceof Error ? error.message : String(error)
			});
		}
	};
	run();
	const timer = setInterval(run, 6 * 60 * 60 * 1000);
	timer.unref();
	return () => clearInterval(timer);
}
