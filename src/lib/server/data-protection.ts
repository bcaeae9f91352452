/**
 * Data protection: erasing a person, deleting a conference, and one person's data (automatic
 * deletion is in retention.ts).
 * The users are public bodies and NGOs and notes may mention health: what is deleted must be
 * gone from the database file, not just hidden (events dropped behind a snapshot, rows
 * overwritten by secure_delete, the WAL emptied: see db/erasure.ts).
 */
import { votingPhases } from '$lib/domain/session/phases';
import type { QuestionRun } from '$lib/domain/session/types';
import { fixedT } from '$lib/i18n';
import type { App } from './app';
import { log } from './log';
import { randomToken } from './tokens';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'stores' | 'conferences' | 'sessions' | 'bus'>;

/**
 * Removes a conference participant. `delete` removes their notes and ballots from every group
 * session; `anonymise` keeps their notes without any link to them. Either way their name is
 * gone from every session's state and event log.
 *
 * The conference's own free text is the organiser's and is not searched for the name: the about
 * text, the introduction and the report's sign-off (author and introducer). A person named
 * there is removed by editing the setup page; deleting the conference removes it all.
 */
export async function eraseParticipant(
	app: Uses,
	conferenceId: string,
	participantId: string,
	mode: 'delete' | 'anonymise'
): Promise<boolean> {
	const { stores } = app;
	if (!(await stores.conferences.participant(conferenceId, participantId))) return false;
	const touched: string[] = [];
	for (const sessionId of await stores.sessions.listConferenceSessionIds(conferenceId)) {
		const session = await app.sessions.get(sessionId);
		if (!session?.state.participants.some((p) => p.id === participantId)) continue;
		const outcome = await app.sessions.dispatch(
			sessionId,
			randomToken(16),
			`s:${sessionId}:system`,
			{ type: 'participant.erase', participantId, mode },
			{ role: 'system' }
		);
		if (outcome.ack.ok) touched.push(sessionId);
	}
	// Each erase above already dropped the session's events behind a snapshot. The conference
	// forgets them through the core, as the server: off the list, out of every group and lead.
	const removed = await app.conferences.dispatch(conferenceId, {
		type: 'participant.remove',
		participantId
	});
	// Grouping history kept for undo names whom each action moved: the entries that moved them go.
	await stores.conferences.forgetGroupingOf(conferenceId, participantId);
	// Copies of the conference kept for live views (here and in other processes) hold that too.
	app.bus.publish({ type: 'conference', conferenceId, what: 'structure' });
	await stores.erase();
	log.info('participant.erased', { conferenceId, sessions: touched.length, mode });
	return removed.ok;
}

/** Deletes a conference with everything in it, gone from the files at once. */
export async function deleteConferenceCompletely(app: Uses, conferenceId: string): Promise<void> {
	await app.conferences.delete(conferenceId);
}

/**
 * One conference participant's own data, for their request for access. The organiser downloads
 * it for them, so it holds what an organiser may see: their revealed notes with the
 * facilitator's corrections, and only how many notes they have not revealed yet. Of a vote it
 * says, while the vote is open, whether they have voted, and never how: the ballot is secret,
 * from the organiser too.
 */
export async function personalData(app: Uses, conferenceId: string, participantId: string) {
	const { conferences } = app.stores;
	const conference = await conferences.find(conferenceId);
	const person = await conferences.participant(conferenceId, participantId);
	if (!conference || !person) return null;
	const rounds = [];
	for (const round of await conferences.rounds(conferenceId)) {
		const groupId = await conferences.groupOf(round.id, participantId);
		const detail = await app.conferences.roundDetail(conferenceId, round.id, person.language);
		const group = groupId ? detail?.groups.find((g) => g.id === groupId) : undefined;
		const session = group?.sessionId ? await app.sessions.get(group.sessionId) : null;
		const state = session?.state;
		rounds.push({
			round: round.title,
			group: group?.name ?? null,
			leader: group?.leaders.includes(participantId) ?? false,
			questions:
				state?.questions.map((q) => {
					const own = q.notes.filter((n) => n.authorId === participantId);
					const revealed = own.filter((n) => n.revealIndex !== null);
					const open = votingPhases.includes(q.phase);
					// Who voted (never what) is kept after a close: it is theirs to see too.
					const voted =
						q.ballots.some((b) => b.voterId === participantId) ||
						(q.closedVote?.voterIds.includes(participantId) ?? false) ||
						(q.previousVote?.voterIds.includes(participantId) ?? false);
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
						vote: open || hadVote(q) ? { open, voted } : null,
						// The group's discussion as the facilitator wrote it: it may speak of them.
						discussion: q.discussion ?? ''
					};
				}) ?? [],
			reflection: group?.leaders.includes(participantId) ? (state?.reflection ?? '') : '',
			// Their own reflections, written on their phone or for them on the console.
			reflections: (state?.reflections ?? [])
				.filter((r) => r.authorId === participantId)
				.map((r) => ({ title: r.title, text: r.text, nameInReport: r.showName }))
		});
	}
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
			coordinator: person.coordinator,
			roleDescription: person.roleDescription ?? ''
		},
		// The devices that used their name: what they were, how and when (cookies only as hashes).
		devices: (await app.stores.deviceBindings.listOf(participantId)).map((b) => ({
			device: b.device,
			how: b.kind,
			status: b.status,
			since: new Date(b.createdAt).toISOString(),
			lastSeen: new Date(b.lastSeenAt).toISOString()
		})),
		rounds
	};
}

/** Whether a question has had a vote, open or closed. */
function hadVote(q: QuestionRun): boolean {
	return (
		q.ballots.length > 0 ||
		q.closedVote !== null ||
		q.previousVote !== null ||
		votingPhases.includes(q.phase)
	);
}
