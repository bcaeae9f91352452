/**
 * Who may do what with a conference: the permission rule of $lib/domain/organiser/permissions
 * applied to stored accounts and ties, for pages, downloads and the organiser socket alike;
 * and sharing a conference with co-organisers.
 */
import {
	allowed,
	organiserActions,
	rolesOf,
	type OrganiserAction,
	type OrganiserRole
} from '$lib/domain/organiser/permissions';
import type { App } from './app';
import { log } from './log';
import type { Organiser, OrganiserStore } from './stores';

/** What this module reads: the organiser store. */
type Uses = Pick<App, 'stores'>;

/** An account's roles for one conference. */
export async function conferenceRoles(
	app: Uses,
	organiser: Organiser,
	conferenceId: string
): Promise<OrganiserRole[]> {
	return rolesOf(organiser, await app.stores.organisers.tie(conferenceId, organiser.id));
}

/** Whether an account may take an action on a conference. */
export async function mayOnConference(
	app: Uses,
	organiser: Organiser,
	conferenceId: string,
	action: OrganiserAction
): Promise<boolean> {
	return (
		!organiser.disabled && allowed(await conferenceRoles(app, organiser, conferenceId), action)
	);
}

/** Every action and whether the account may take it on the conference (what pages show). */
export async function conferencePermissions(
	app: Uses,
	organiser: Organiser,
	conferenceId: string
): Promise<Record<OrganiserAction, boolean>> {
	const roles = organiser.disabled ? [] : await conferenceRoles(app, organiser, conferenceId);
	return Object.fromEntries(
		organiserActions.map((action) => [action, allowed(roles, action)])
	) as Record<OrganiserAction, boolean>;
}

/** Whether a signed-in browser (its session token's hash) may watch a conference live. */
export async function sessionMayRead(
	organisers: OrganiserStore,
	sessionHash: string,
	conferenceId: string,
	now: number
): Promise<boolean> {
	const organiser = await organisers.findBySession(sessionHash, now);
	if (organiser === null || organiser.disabled) return false;
	return allowed(rolesOf(organiser, await organisers.tie(conferenceId, organiser.id)), 'read');
}

/** Whether an account may take an action that concerns the installation (accounts). */
export function mayOnInstallation(organiser: Organiser, action: OrganiserAction): boolean {
	return !organiser.disabled && allowed(rolesOf(organiser, null), action);
}

/** The ids of the conferences an account may open. */
export function readableConferenceIds(app: Uses, organiser: Organiser): Promise<Set<string>> {
	return app.stores.organisers.conferenceIdsOf(organiser.id);
}

export type ShareProblem = 'unknown_account' | 'already' | 'disabled';

/** Shares a conference with another account by its user name (one unit: the checks hold). */
export async function shareConference(
	app: Uses,
	conferenceId: string,
	username: string,
	now: number = Date.now()
): Promise<{ ok: true; organiser: Organiser } | { ok: false; problem: ShareProblem }> {
	const shared = await app.stores.transaction(async (tx) => {
		const found = (await tx.organisers.findByUsername(username))?.organiser;
		if (!found) return { ok: false as const, problem: 'unknown_account' as const };
		if (found.disabled) return { ok: false as const, problem: 'disabled' as const };
		if (await tx.organisers.tie(conferenceId, found.id))
			return { ok: false as const, problem: 'already' as const };
		await tx.organisers.setTie(conferenceId, found.id, 'co_organiser', now);
		return { ok: true as const, organiser: found };
	});
	if (shared.ok) log.info('conference.shared', { conferenceId, organiserId: shared.organiser.id });
	return shared;
}

/** Takes a co-organiser off a conference; their open overview closes. */
export async function unshareConference(
	app: Pick<App, 'stores' | 'bus'>,
	conferenceId: string,
	organiserId: string
): Promise<boolean> {
	if (!(await app.stores.organisers.removeCoOrganiser(conferenceId, organiserId))) return false;
	log.info('conference.unshared', { conferenceId, organiserId });
	app.bus.publish({ type: 'conference', conferenceId, what: 'access' });
	return true;
}

/** The owner and co-organisers of a conference, for its page. */
export async function conferenceOrganisers(app: Uses, conferenceId: string) {
	return (await app.stores.organisers.conferenceOrganisers(conferenceId)).map((o) => ({
		id: o.id,
		username: o.username,
		displayName: o.displayName,
		tie: o.tie,
		disabled: o.disabled
	}));
}

/** Accounts a conference can be shared with: enabled, and not working on it yet. */
export async function shareCandidates(app: Uses, conferenceId: string) {
	const organisers = app.stores.organisers;
	const ties = new Set((await organisers.conferenceOrganisers(conferenceId)).map((o) => o.id));
	return (await organisers.list())
		.filter((o) => !o.disabled && !ties.has(o.id))
		.map((o) => ({ username: o.username, displayName: o.displayName }));
}
