import { error } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { deviceFromCookieHeader } from '$lib/server/devices';
import { glossaryAnswer, glossaryForConference } from '$lib/server/glossary';
import { deviceLinkHolder } from '$lib/server/identity';
import type { RequestHandler } from './$types';

/**
 * The conference's glossary for a name picked on this device, once the name is this device's:
 * the same check as the page, fetched once the phone is usable.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	const app = useApp();
	const deviceHash = deviceFromCookieHeader(request.headers.get('cookie') ?? undefined);
	const holder = await deviceLinkHolder(app, params.token, deviceHash);
	if (holder?.binding.status !== 'active') error(404);
	return glossaryAnswer(await glossaryForConference(app, holder.conference.id));
};
