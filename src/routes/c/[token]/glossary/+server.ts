import { error } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { badgeHolder } from '$lib/server/conference-links';
import { glossaryAnswer, glossaryForConference } from '$lib/server/glossary';
import type { RequestHandler } from './$types';

/** The conference's glossary for a badge's phone, fetched once it is usable; by the badge's token. */
export const GET: RequestHandler = async ({ params }) => {
	const app = useApp();
	const holder = await badgeHolder(app, params.token);
	if (!holder) error(404);
	return glossaryAnswer(await glossaryForConference(app, holder.conference.id));
};
