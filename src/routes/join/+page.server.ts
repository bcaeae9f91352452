import { redirect } from '@sveltejs/kit';
import { joinCodeAlphabet, joinCodeLength } from '$lib/domain/limits';
import { normaliseJoinCode } from '$lib/domain/text';
import type { PageServerLoad } from './$types';

const shape = new RegExp(`^[${joinCodeAlphabet}]{${joinCodeLength}}$`);

/** The landing page's join form (GET, works without JavaScript). */
export const load: PageServerLoad = ({ url }) => {
	const code = normaliseJoinCode(url.searchParams.get('code') ?? '');
	if (shape.test(code)) redirect(303, `/j/${code}`);
	redirect(303, `/?code=${encodeURIComponent(code.slice(0, 12))}&error=code`);
};
