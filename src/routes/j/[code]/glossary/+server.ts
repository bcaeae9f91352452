import { error } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { glossaryAnswer, glossaryForSession } from '$lib/server/glossary';
import { phoneSession } from '../phone-session.server';
import type { RequestHandler } from './$types';

/** The glossary a phone's notes are marked with, fetched once it is usable; by its page's code. */
export const GET: RequestHandler = async ({ params, getClientAddress, locals }) => {
	const app = useApp();
	const asker = { code: params.code, address: getClientAddress(), lang: locals.lang };
	const { session } = await phoneSession(app, asker);
	if (!session) error(404);
	return glossaryAnswer(await glossaryForSession(app, session.access.conferenceId));
};
