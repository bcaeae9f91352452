import { normaliseJoinCode } from '$lib/domain/text';
import { useApp } from '$lib/server/app';
import type { PageServerLoad } from './$types';

/** The phone page: the session's title for the join form, or "no such session". */
export const load: PageServerLoad = ({ params }) => {
	const code = normaliseJoinCode(params.code);
	const session = useApp().sessions.byCode(code);
	if (!session) return { code, found: false as const };
	return { code, found: true as const, title: session.state.title };
};
