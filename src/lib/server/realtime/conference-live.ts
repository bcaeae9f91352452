import { plenumThemeOf } from '$lib/domain/synthesis/round-perspective';
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
import { currentGroupOf, type ConferenceState } from '$lib/domain/conference/state';
import type { DeviceBinding } from '$lib/domain/conference/devices';
import type { App } from '../app';
import type { ConferenceService } from '../conferences';
import type { LoadedSession, SessionService } from '../sessions';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'stores' | 'conferences' | 'sessions'>;

export { noticeOf } from '$lib/domain/conference/views';

type Sessions = { conferences: Pick<ConferenceService, 'state'>; sessions: SessionService };

/** The session of a member's group in the current round, whether or not they are enrolled. */
async function groupSessionId(
	app: Sessions,
	conferenceId: string,
	participantId: string
): Promise<string | null> {
	const state = await app.conferences.state(conferenceId);
	return (state ? currentGroupOf(state, participantId)?.sessionId : null) ?? null;
}

function enrolledIn(session: LoadedSession | null, participantId: string): boolean {
	return session?.state.participants.some((p) => p.id === participantId && !p.removed) ?? false;
}

/** The session a member's phone should be in now (their group's, in the current round), loaded. */
export async function memberSessionId(
	app: Sessions,
	conferenceId: string,
	participantId: string
): Promise<string | null> {
	const sessionId = await groupSessionId(app, conferenceId, participantId);
	return sessionId && enrolledIn(await app.sessions.get(sessionId), participantId)
		? sessionId
		: null;
}

/** Loads every group's session of a conference, for the views that show them all. */
async function loadGroupSessions(app: Sessions, state: ConferenceState): Promise<void> {
	await Promise.all(
		state.groups.flatMap((group) => (group.sessionId ? [app.sessions.get(group.sessionId)] : []))
	);
}

/** Who uses this person's name on which device, as their phone (`bindingId`) shows it. */
async function memberIdentity(
	app: Uses,
	participantId: string,
	bindingId: string | null
): Promise<MemberIdentity> {
	const bindings = await app.stores.deviceBindings.listOf(participantId);
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
	source: Pick<ConferenceSource, 'state'>,
	conferenceId: string,
	participantId: string,
	lang: Language,
	bindingId: string | null
): Promise<MemberView | null> {
	const state = await source.state(conferenceId);
	if (!state) return null;
	const identity = await memberIdentity(app, participantId, bindingId);
	return memberViewOf(state, participantId, lang, identity);
}

/** Where the overview and the plenum screen read a conference: kept, or loaded each time. */
export interface ConferenceSource {
	state(conferenceId: string): Promise<ConferenceState | null>;
	/** Every device that asked for or uses a name at the conference. */
	bindings(conferenceId: string): Promise<DeviceBinding[]>;
}

type Kept = {
	state?: Promise<ConferenceState | null>;
	bindings?: Promise<DeviceBinding[]>;
};

/**
 * The conferences this process's overviews, plenum screens and members' phones show, kept
 * between their refreshes (one per 150 ms while any group changes) instead of loaded whole each
 * time: for every member's phone placed in its group when it connects or a round starts, too.
 *
 * A kept copy is right only because every change to a conference's rows is published on the
 * change bus (by the conference service, erasure, identity, organiser access; from another
 * process, relayed by the cluster bus) and the hub forgets the copy as it hears the change,
 * before any view is made again. A load that was under way when the change came is not kept.
 */
export class WatchedConferences implements ConferenceSource {
	readonly #app: Pick<App, 'stores' | 'conferences'>;
	readonly #kept = new Map<string, Kept>();

	constructor(app: Pick<App, 'stores' | 'conferences'>) {
		this.#app = app;
	}

	state(conferenceId: string): Promise<ConferenceState | null> {
		return this.#keep(conferenceId, 'state', () => this.#app.conferences.state(conferenceId));
	}

	bindings(conferenceId: string): Promise<DeviceBinding[]> {
		return this.#keep(conferenceId, 'bindings', () =>
			this.#app.stores.deviceBindings.list(conferenceId)
		);
	}

	/** A change to the conference was published: its next view loads it again. */
	forget(conferenceId: string): void {
		this.#kept.delete(conferenceId);
	}

	#keep<K extends keyof Kept>(
		conferenceId: string,
		key: K,
		load: () => NonNullable<Kept[K]>
	): NonNullable<Kept[K]> {
		let kept = this.#kept.get(conferenceId);
		const found = kept?.[key];
		if (found) return found as NonNullable<Kept[K]>;
		if (!kept) this.#kept.set(conferenceId, (kept = {}));
		const loading = load();
		kept[key] = loading;
		// A failed load is not kept: the next view tries again.
		const entry = kept;
		loading.catch(() => {
			if (entry[key] === loading) delete entry[key];
		});
		return loading;
	}
}

/**
 * Every group of the current round at a glance: `online` tells who has a phone in each session,
 * `connected` how many people have a phone connected anywhere in the conference.
 */
export async function overview(
	app: Uses,
	source: ConferenceSource,
	conferenceId: string,
	lang: Language,
	presence: { online: (sessionId: string) => string[]; connected: number }
): Promise<ConferenceOverview | null> {
	const state = await source.state(conferenceId);
	if (!state) return null;
	const [bindings] = await Promise.all([
		source.bindings(conferenceId),
		loadGroupSessions(app, state)
	]);
	return overviewView(state, lang, {
		session: (sessionId) => {
			const session = app.sessions.loaded(sessionId);
			if (!session) return null;
			return {
				state: session.state,
				consolePath: `/console/${session.access.facilitatorToken}`,
				screenPath: `/screen/${session.access.screenToken}`
			};
		},
		online: (sessionId) => presence.online(sessionId).length,
		connected: presence.connected,
		devicesWaiting: bindings.filter((b) => b.status === 'pending').length
	});
}

/** The plenum screen, in the conference's language. */
export async function plenumView(
	app: Uses,
	source: ConferenceSource,
	conferenceId: string
): Promise<PlenumView | null> {
	const state = await source.state(conferenceId);
	if (!state) return null;
	await loadGroupSessions(app, state);
	const session = (sessionId: string) => app.sessions.loaded(sessionId)?.state ?? null;
	return { ...plenumViewOf(state, session), theme: plenumThemeOf(state, session) };
}
