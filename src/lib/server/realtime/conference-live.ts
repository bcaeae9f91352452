import { groupName } from '$lib/domain/conference/allocation';
import { votersOf } from '$lib/domain/session/ballots';
import type { Language } from '$lib/domain/session/types';
import { screenView } from '$lib/domain/session/views';
import type {
	ConferenceHeader,
	ConferenceOverview,
	MemberIdentity,
	MemberView,
	Notice,
	PlenumView,
	ProgrammeEntry
} from '$lib/realtime/conference-views';
import type { App } from '../app';
import { findConference, listProgramme, type Conference } from '../db/conferences';
import { listBindings, listBindingsOf } from '../db/device-bindings';
import { findParticipant, listParticipants } from '../db/participants';
import { findRound, groupOf, listGroups, listMemberships, type Group } from '../db/rounds';

function header(c: Conference): ConferenceHeader {
	return {
		id: c.id,
		title: c.title,
		subtitle: c.subtitle,
		venue: c.venue,
		startDate: c.startDate,
		endDate: c.endDate,
		language: c.language
	};
}

export function noticeOf(c: Conference): Notice | null {
	return c.notice ? { text: c.notice, at: c.noticeAt ?? c.updatedAt } : null;
}

function programme(app: App, conferenceId: string): ProgrammeEntry[] {
	return listProgramme(app.db, conferenceId).map(({ day, start, end, title, kind }) => ({
		day,
		start,
		end,
		title,
		kind
	}));
}

function nameOfGroup(app: App, conferenceId: string, group: Group, lang: Language): string {
	return (
		group.customName ??
		groupName(group.descriptor, { roles: app.conferences.roles(conferenceId) }, lang)
	);
}

function leaderNames(app: App, conferenceId: string, group: Group): string[] {
	return group.leaders.flatMap((id) => {
		const person = findParticipant(app.db, conferenceId, id);
		return person ? [person.name] : [];
	});
}

/** The session a member's phone should be in now: their group's, in the current round. */
export function memberSessionId(
	app: App,
	conferenceId: string,
	participantId: string
): string | null {
	const conference = findConference(app.db, conferenceId);
	if (!conference?.currentRoundId) return null;
	const groupId = groupOf(app.db, conference.currentRoundId, participantId);
	if (!groupId) return null;
	const group = listGroups(app.db, conference.currentRoundId).find((g) => g.id === groupId);
	if (!group?.sessionId) return null;
	const session = app.sessions.get(group.sessionId);
	const enrolled = session?.state.participants.some((p) => p.id === participantId && !p.removed);
	return enrolled ? group.sessionId : null;
}

/** Who uses this person's name on which device, as their phone (`bindingId`) shows it. */
function memberIdentity(app: App, participantId: string, bindingId: string | null): MemberIdentity {
	const bindings = listBindingsOf(app.db, participantId);
	return {
		devices: bindings
			.filter((b) => b.status === 'active')
			.map((b) => ({
				device: b.device,
				kind: b.kind,
				since: b.createdAt,
				current: b.id === bindingId
			})),
		requests: bindings
			.filter((b) => b.status === 'pending')
			.map((b) => ({ device: b.device, at: b.createdAt }))
	};
}

export function memberView(
	app: App,
	conferenceId: string,
	participantId: string,
	lang: Language,
	bindingId: string | null
): MemberView | null {
	const conference = findConference(app.db, conferenceId);
	const me = findParticipant(app.db, conferenceId, participantId);
	if (!conference || !me) return null;
	const round = conference.currentRoundId
		? findRound(app.db, conferenceId, conference.currentRoundId)
		: null;
	let group: MemberView['group'] = null;
	if (round) {
		const groupId = groupOf(app.db, round.id, participantId);
		const found = groupId ? listGroups(app.db, round.id).find((g) => g.id === groupId) : undefined;
		if (found) {
			group = {
				id: found.id,
				name: nameOfGroup(app, conferenceId, found, lang),
				leaders: leaderNames(app, conferenceId, found)
			};
		}
	}
	return {
		kind: 'member',
		conference: header(conference),
		me: { id: me.id, name: me.name },
		round: round ? { id: round.id, title: round.title, theme: round.theme } : null,
		group,
		programme: programme(app, conferenceId),
		notice: noticeOf(conference),
		identity: memberIdentity(app, participantId, bindingId)
	};
}

/**
 * Every group of the current round at a glance: `online` tells who has a phone in each session,
 * `connected` how many people have a phone connected anywhere in the conference.
 */
export function overview(
	app: App,
	conferenceId: string,
	lang: Language,
	presence: { online: (sessionId: string) => string[]; connected: number }
): ConferenceOverview | null {
	const conference = findConference(app.db, conferenceId);
	if (!conference) return null;
	const round = conference.currentRoundId
		? findRound(app.db, conferenceId, conference.currentRoundId)
		: null;
	const memberships = round ? listMemberships(app.db, round.id) : [];
	const groups = (round ? listGroups(app.db, round.id) : []).map((group) => {
		const session = group.sessionId ? app.sessions.get(group.sessionId) : null;
		const state = session?.state;
		const run = state?.questions.find((q) => q.id === state.currentQuestionId) ?? null;
		const here = group.sessionId ? presence.online(group.sessionId).length : 0;
		const voters = state ? state.participants.filter((p) => !p.removed).length : 0;
		return {
			id: group.id,
			name: nameOfGroup(app, conferenceId, group, lang),
			leaders: leaderNames(app, conferenceId, group),
			members: memberships.filter((m) => m.groupId === group.id).length,
			online: here,
			question: run ? { label: run.label, text: run.text, phase: run.phase } : null,
			questions: state ? state.questions.map((q) => ({ label: q.label, phase: q.phase })) : [],
			timer: state?.timer ?? null,
			notes: run?.notes.length ?? 0,
			revealed: run?.notes.filter((n) => n.revealIndex !== null).length ?? 0,
			ballots: run ? votersOf(run).length : 0,
			voters,
			consolePath: session ? `/console/${session.access.facilitatorToken}` : null,
			screenPath: session ? `/screen/${session.access.screenToken}` : null
		};
	});
	return {
		kind: 'overview',
		round: round ? { id: round.id, title: round.title } : null,
		groups,
		notice: noticeOf(conference),
		participants: listParticipants(app.db, conferenceId).length,
		connected: presence.connected,
		devicesWaiting: listBindings(app.db, conferenceId).filter((b) => b.status === 'pending').length
	};
}

/** The plenum screen, in the conference's language. */
export function plenumView(app: App, conferenceId: string): PlenumView | null {
	const conference = findConference(app.db, conferenceId);
	if (!conference) return null;
	const roundId = conference.plenumRoundId ?? conference.currentRoundId;
	const round = roundId ? findRound(app.db, conferenceId, roundId) : null;
	const memberships = round ? listMemberships(app.db, round.id) : [];
	const groups = (round ? listGroups(app.db, round.id) : []).map((group) => {
		const session = group.sessionId ? app.sessions.get(group.sessionId) : null;
		const view = session ? screenView(session.state) : null;
		return {
			id: group.id,
			name: nameOfGroup(app, conferenceId, group, conference.language),
			leaders: leaderNames(app, conferenceId, group),
			members: memberships.filter((m) => m.groupId === group.id).length,
			questions: view
				? view.questions.map((q, i) => {
						const run = view.runs[i]!;
						return {
							label: q.label,
							text: q.text,
							// Only a finished vote is presented; earlier phases show the grouped notes.
							results: run.results,
							resultsWithheld: run.resultsWithheld,
							clusters: run.clusters,
							notes: run.notes
						};
					})
				: []
		};
	});
	return {
		kind: 'plenum',
		conference: header(conference),
		round: round ? { id: round.id, title: round.title, theme: round.theme } : null,
		groups,
		focusGroupId: conference.plenumGroupId,
		notice: noticeOf(conference)
	};
}
