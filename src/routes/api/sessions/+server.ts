import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { createStandaloneSession, newSessionSchema } from '$lib/server/http/new-session';
import { waitSeconds } from '$lib/server/rate-limit';
import type { RequestHandler } from './$types';

/** Creates a stand-alone session: JSON in, links and tokens out. */
export const POST: RequestHandler = async ({ request, locals, getClientAddress }) => {
	const t = fixedT(locals.lang);
	const limited = await useApp().limiters.sessionsPerAddress.take(getClientAddress());
	if (!limited.ok) {
		const seconds = waitSeconds(limited);
		return json(
			{
				error: {
					code: 'rate_limited',
					message: t('errors.rate_limited', { seconds }),
					params: { seconds }
				}
			},
			{ status: 429, headers: { 'retry-after': String(seconds) } }
		);
	}
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json(
			{ error: { code: 'invalid_payload', message: t('errors.invalid_payload') } },
			{ status: 400 }
		);
	}
	const parsed = v.safeParse(newSessionSchema, body);
	if (!parsed.success) {
		return json(
			{ error: { code: 'invalid_payload', message: t('errors.invalid_payload') } },
			{ status: 400 }
		);
	}
	const result = await createStandaloneSession(useApp(), parsed.output);
	if (!result.ok) {
		const { code, params } = result.error;
		return json({ error: { code, message: t(`errors.${code}`, params), params } }, { status: 422 });
	}
	return json(result.created, { status: 201 });
};
