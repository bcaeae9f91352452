import type { Conference, ConferenceParticipant } from '$lib/domain/conference/types';
import type { App } from './app';

/** What a conference's codes and links open, for pages and sockets alike. */

/** The conference a join code opens (its roster), if any. */
export function conferenceByCode(
	app: Pick<App, 'stores'>,
	code: string
): Promise<Conference | null> {
	return app.stores.conferences.findByCode(code);
}

/** The conference a plenum screen's link shows, if any. */
export function conferenceByPlenumToken(
	app: Pick<App, 'stores'>,
	token: string
): Promise<Conference | null> {
	return app.stores.conferences.findByPlenumToken(token);
}

/** The person a badge link belongs to, with their conference; null for an unknown link. */
export async function badgeHolder(
	app: Pick<App, 'stores'>,
	token: string
): Promise<{ person: ConferenceParticipant; conference: Conference } | null> {
	const person = await app.stores.conferences.participantByToken(token);
	const conference = person ? await app.stores.conferences.find(person.conferenceId) : null;
	return person && conference ? { person, conference } : null;
}
