import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { badgeHolder } from '$lib/server/conference-links';
import { ensureDevice, hashDevice } from '$lib/server/devices';
import { openBadge } from '$lib/server/identity';
import type { PageServerLoad } from './$types';

/**
 * A conference participant's personal link (the badge's QR code): their phone for the whole
 * day (its glossary is fetched from ./glossary once usable). It works on any device; each is
 * recorded as theirs.
 */
export const load: PageServerLoad = async ({ params, locals, cookies, url, request }) => {
	const app = useApp();
	const device = ensureDevice(cookies, url);
	const holder = await badgeHolder(app, params.token);
	if (!holder) error(404, { message: fixedT(locals.lang)('conference.member.linkNotFound') });
	const { person, conference } = holder;
	await openBadge(app, person, hashDevice(device), request.headers.get('user-agent'));
	return {
		token: params.token,
		name: person.name,
		conferenceTitle: conference.title
	};
};
