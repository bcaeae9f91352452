/**
 * What an organiser account may do with a conference, as data: one table of roles × actions
 * and one rule, `may`. A person's roles for a conference come from their account (administrator
 * or not) and their tie to it (owner, co-organiser, or none).
 *
 * Administrators run the installation: accounts and how long conferences are kept. Being an
 * administrator gives no right to read a conference (data minimisation): only its owner and
 * the co-organisers it is shared with read, change and export it.
 */

export const organiserRoles = ['admin', 'owner', 'co_organiser'] as const;
export type OrganiserRole = (typeof organiserRoles)[number];

/** How an account is tied to one conference. */
export type ConferenceTie = 'owner' | 'co_organiser';

export const organiserActions = [
	/** Open its pages and its live overview. */
	'read',
	/** Change its setup, programme, participants, rounds, glossary, plenum and notices. */
	'edit',
	/** Download the report and the organiser's archive. */
	'export',
	/** Download one participant's data, to answer their request for access. */
	'personal_data',
	/** Erase a participant. */
	'erase',
	/** Delete the whole conference. */
	'delete',
	/** Share it with co-organisers and remove them. */
	'share',
	/** Keep it longer than the retention period, for a while. */
	'postpone_retention',
	/** Keep it beyond the retention period for good. */
	'keep_retention',
	/** Create, disable and delete accounts, reset passwords, end others' sessions. */
	'administer_accounts'
] as const;
export type OrganiserAction = (typeof organiserActions)[number];

/** The one permission table: which roles may take each action. */
export const organiserPermissions: Record<OrganiserAction, readonly OrganiserRole[]> = {
	read: ['owner', 'co_organiser'],
	edit: ['owner', 'co_organiser'],
	export: ['owner', 'co_organiser'],
	personal_data: ['owner', 'co_organiser'],
	erase: ['owner', 'co_organiser'],
	delete: ['owner'],
	share: ['owner'],
	postpone_retention: ['owner', 'admin'],
	keep_retention: ['admin'],
	administer_accounts: ['admin']
};

/** Whether one role may take an action. */
export function may(role: OrganiserRole, action: OrganiserAction): boolean {
	return organiserPermissions[action].includes(role);
}

/** An account's roles for one conference (or for the installation, with no tie). */
export function rolesOf(account: { admin: boolean }, tie: ConferenceTie | null): OrganiserRole[] {
	const roles: OrganiserRole[] = [];
	if (account.admin) roles.push('admin');
	if (tie) roles.push(tie);
	return roles;
}

/** Whether someone with these roles may take an action: any one role allowing it is enough. */
export function allowed(roles: readonly OrganiserRole[], action: OrganiserAction): boolean {
	return roles.some((role) => may(role, action));
}
