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
import type { Db } from './db/database';
import {
	conferenceIdsOf,
	conferenceTie,
	findOrganiserBySession,
	findOrganiserByUsername,
	listConferenceOrganisers,
	listOrganisers,
	removeCoOrganiser,
	setConferenceTie,
	type Organiser
} from './db/organisers';
import { log } from './log';

/** An account's roles for one conference. */
export function conferenceRoles(
	app: Pick<App, 'db'>,
	organiser: Organiser,
	conferenceId: string
): OrganiserRole[] {
	return rolesOf(organiser, conferenceTie(app.db, conferenceId, organiser.id));
}

/** Whether an account may take an action on a conference. */
export function mayOnConference(
	app: Pick<App, 'db'>,
	organiser: Organiser,
	conferenceId: string,
	action: OrganiserAction
): boolean {
	return !organiser.disabled && allowed(conferenceRoles(app, organiser, conferenceId), action);
}

/** Every action and whether the account may take it on the conference (what pages show). */
export function conferencePermissions(
	app: Pick<App, 'db'>,
	organiser: Organiser,
	conferenceId: string
): Record<OrganiserAction, boolean> {
	const roles = organiser.disabled ? [] : conferenceRoles(app, organiser, conferenceId);
	return Object.fromEntries(
		organiserActions.map((action) => [action, allowed(roles, action)])
	) as Record<OrganiserAction, boolean>;
}

/** Whether a signed-in browser (its session token's hash) may watch a conference live. */
export function sessionMayRead(
	db: Db,
	sessionHash: string,
	conferenceId: string,
	now: number
): boolean {
	const organiser = findOrganiserBySession(db, sessionHash, now);
	return organiser !== null && mayOnConference({ db }, organiser, conferenceId, 'read');
}

/** Whether an account may take an action that concerns the installation (accounts). */
export function mayOnInstallation(organiser: Organiser, action: OrganiserAction): boolean {
	return !organiser.disabled && allowed(rolesOf(organiser, null), action);
}

/** The ids of the conferences an account may open. */
export function readableConferenceIds(app: Pick<App, 'db'>, organiser: Organiser): Set<string> {
	return conferenceIdsOf(app.db, organiser.id);
}

export type ShareProblem = 'unknown_account' | 'already' | 'disabled';

/** Shares a conference with another account by its user name. */
export function shareConference(
	app: Pick<App, 'db' | 'conferences'>,
	conferenceId: string,
	username: string,
	now: number = Date.now()
): { ok: true; organiser: Organiser } | { ok: false; problem: ShareProblem } {
	const found = findOrganiserByUsername(app.db, username)?.organiser;
	if (!found) return { ok: false, problem: 'unknown_account' };
	if (found.disabled) return { ok: false, problem: 'disabled' };
	if (conferenceTie(app.db, conferenceId, found.id)) return { ok: false, problem: 'already' };
	setConferenceTie(app.db, conferenceId, found.id, 'co_organiser', now);
	log.info('conference.shared', { conferenceId, organiserId: found.id });
	return { ok: true, organiser: found };
}

/** Takes a co-organiser off a conference; their open overview closes. */
export function unshareConference(
	app: Pick<App, 'db' | 'bus'>,
	conferenceId: string,
	organiserId: string
): boolean {
	if (!removeCoOrganiser(app.db, conferenceId, organiserId)) return false;
	log.info('conference.unshared', { conferenceId, organiserId });
	app.bus.publish({ type: 'conference', conferenceId, what: 'access' });
	return true;
}

/** The owner and co-organisers of a conference, for its page. */
export function conferenceOrganisers(app: Pick<App, 'db'>, conferenceId: string) {
	return listConferenceOrganisers(app.db, conferenceId).map((o) => ({
		id: o.id,
		username: o.username,
		displayName: o.displayName,
		tie: o.tie,
		disabled: o.disabled
	}));
}

/** Accounts a conference can be shared with: enabled, and not working on it yet. */
export function shareCandidates(app: Pick<App, 'db'>, conferenceId: string) {
	const ties = new Set(listConferenceOrganisers(app.db, conferenceId).map((o) => o.id));
	return listOrganisers(app.db)
		.filter((o) => !o.disabled && !ties.has(o.id))
		.map((o) => ({ username: o.username, displayName: o.displayName }));
}
