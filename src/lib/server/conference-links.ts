import type { App } from './app';
import {
	findConference,
	findConferenceByCode,
	findConferenceByPlenumToken,
	type Conference
} from './db/conferences';
import { findParticipantByToken, type ConferenceParticipant } from './db/participants';

/** What a conference's codes and links open, for pages and sockets alike. */

/** The conference a join code opens (its roster), if any. */
export function conferenceByCode(app: Pick<App, 'db'>, code: string): Conference | null {
	return findConferenceByCode(app.db, code);
}

/** The conference a plenum screen's link shows, if any. */
export function conferenceByPlenumToken(app: Pick<App, 'db'>, token: string): Conference | null {
	return findConferenceByPlenumToken(app.db, token);
}

/** The person a badge link belongs to, with their conference; null for an unknown link. */
export function badgeHolder(
	app: Pick<App, 'db'>,
	token: string
): { person: ConferenceParticipant; conference: Conference } | null {
	const person = findParticipantByToken(app.db, token);
	const conference = person ? findConference(app.db, person.conferenceId) : null;
	return person && conference ? { person, conference } : null;
}
