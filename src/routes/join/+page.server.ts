import { redirect } from '@sveltejs/kit';
import { joinCodeAlphabet, joinCodeLength } from '$lib/domain/limits';
import { normaliseJoinCode } from '$lib/domain/text';
import { useApp } from '$lib/server/app';
import { findConferenceByCode } from '$lib/server/db/conferences';
import type { PageServerLoad } from './$types';

const shape = new RegExp(`^[${joinCodeAlphabet}]{${joinCodeLength}}$`);

/** The landing page's join form (GET, works without JavaScript). */
export const load: PageServerLoad = ({ url }) => {
	const code = normaliseJoinCode(url.searchParams.get('code') ?? '');
	// Conference codes and session codes share the alphabet; a conference code opens its roster.
	if (shape.test(code) && findConferenceByCode(useApp().db, code)) redirect(303, `/k/${code}`);
	if (shape.test(code)) redirect(303, `/j/${code}`);
	redirect(303, `/?code=${encodeURIComponent(code.slice(0, 12))}&error=code`);
};
