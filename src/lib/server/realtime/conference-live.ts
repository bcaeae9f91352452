import {
	memberView as memberViewOf,
	overviewView,
	plenumView as plenumViewOf
} from '$lib/domain/conference/views';
import type { Language } from '$lib/domain/session/types';
import type {
	ConferenceOverview,
	MemberIdentity,
	MemberView,
	PlenumView
} from '$lib/realtime/conference-views';
import { currentGroupOf } from '$lib/domain/conference/state';
import type { App } from '../app';
import type { ConferenceService } from '../conferences';
import { listBindings, listBindingsOf } from '../db/device-bindings';
import type { SessionService } from '../sessions';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'db' | 'conferences' | 'sessions'>;

export { noticeOf } from '$lib/domain/conference/views';

/** The session a member's phone should be in now: their group's, in the current round. */
export async function memberSessionId(
	app: { conferences: Pick<ConferenceService, 'state'>; sessions: Pick<SessionService, 'get'> },
	conferenceId: string,
	participantId: string
): Promise<string | null> {
	const state = await app.conferences.state(conferenceId);
	const sessionId = state ? currentGroupOf(state, participantId)?.sessionId : null;
	if (!sessionId) return null;
	const session = app.sessions.get(sessionId);
	const enrolled = session?.state.participants.some((p) => p.id === participantId && !p.removed);
	return enrolled ? sessionId : null;
}

/** Who uses this person's name on which device, as their phone (`bindingId`) shows it. */
function memberIdentity(
	app: Uses,
	participantId: string,
	bindingId: string | null
): MemberIdentity {
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

export async function memberView(
	app: Uses,
	conferenceId: string,
	participantId: string,
	lang: Language,
	bindingId: string | null
): Promise<MemberView | null> {
	const state = await app.conferences.state(conferenceId);
	if (!state) return null;
	return memberViewOf(state, participantId, lang, memberIdentity(app, participantId, bindingId));
}

/**
 * Every group of the current round at a glance: `online` tells who has a phone in each session,
 * `connected` how many people have a phone connected anywhere in the conference.
 */
export async function overview(
	app: Uses,
	conferenceId: string,
	lang: Language,
	presence: { online: (sessionId: string) => string[]; connected: number }
): Promise<ConferenceOverview | null> {
	const state = await app.conferences.state(conferenceId);
	if (!state) return null;
	return overviewView(state, lang, {
		session: (sessionId) => {
			const session = app.sessions.get(sessionId);
			if (!session) return null;
			return {
				state: session.state,
				consolePath: `/console/${session.access.facilitatorToken}`,
				screenPath: `/screen/${session.access.screenToken}`
			};
		},
		online: (sessionId) => presence.online(sessionId).length,
		connected: presence.connected,
		devicesWaiting: listBindings(app.db, conferenceId).filter((b) => b.status === 'pending').length
	});
}

/** The plenum screen, in the conference's language. */
export async function plenumView(app: Uses, conferenceId: string): Promise<PlenumView | null> {
	const state = await app.conferences.state(conferenceId);
	if (!state) return null;
	return plenumViewOf(state, (sessionId) => app.sessions.get(sessionId)?.state ?? null);
}
