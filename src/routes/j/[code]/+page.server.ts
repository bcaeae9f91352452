import { useApp } from '$lib/server/app';
import { ensureDevice } from '$lib/server/devices';
import type { PageServerLoad } from './$types';
import { phoneSession } from './phone-session.server';

/**
 * The phone page: the session's title for the join form, or "no such session". Its glossary is
 * fetched from ./glossary once the phone is usable.
 */
export const load: PageServerLoad = async ({ params, getClientAddress, locals, cookies, url }) => {
	// The join is scoped to this device: its id cannot be replayed from another.
	ensureDevice(cookies, url);
	const asker = { code: params.code, address: getClientAddress(), lang: locals.lang };
	const { code, session } = await phoneSession(useApp(), asker);
	if (!session) return { code, found: false as const };
	return { code, found: true as const, title: session.state.title };
};
