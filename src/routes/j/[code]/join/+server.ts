import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { refuse, type DomainError } from '$lib/domain/errors';
import { limits } from '$lib/domain/limits';
import { sentViewFor } from '$lib/domain/session/views';
import { normaliseJoinCode } from '$lib/domain/text';
import { fixedT } from '$lib/i18n';
import { commandSchemas } from '$lib/realtime/contract';
import { useApp } from '$lib/server/app';
import { deviceFromCookieHeader } from '$lib/server/devices';
import { joinByCode } from '$lib/server/join-codes';
import { log, logRepeated } from '$lib/server/log';
import { originAllowed } from '$lib/server/network';
import type { RequestHandler } from './$types';

const statusOf: Partial<Record<DomainError['code'], number>> = {
	rate_limited: 429,
	not_found: 404,
	forbidden: 403,
	invalid_payload: 400
};

/**
 * A join sent by the phone page's form before its app has started (a slow network carries the
 * page long before its scripts): the same join as the socket's `participant.join`, with the
 * same limits and exactly once per command id and device, answered with the phone's token and
 * its first view, which the app then starts from. Only from this site's own pages (Origin), as
 * JSON, from a browser that has this site's device cookie.
 */
export const POST: RequestHandler = async ({ request, params, locals, getClientAddress }) => {
	const app = useApp();
	const t = fixedT(locals.lang);
	const refused = (error: DomainError, status = statusOf[error.code] ?? 422) =>
		json(
			{
				ok: false,
				error: {
					code: error.code,
					message: t(`errors.${error.code}`, error.params ?? {}),
					...(error.params ? { params: error.params } : {})
				}
			},
			{ status }
		);
	const headers = request.headers;
	const origin = headers.get('origin') ?? undefined;
	if (
		origin === undefined ||
		!originAllowed(origin, headers.get('host') ?? undefined, app.config.publicOrigin) ||
		!headers.get('content-type')?.startsWith('application/json')
	) {
		return refused(refuse('forbidden'));
	}
	// The join is scoped to this device, as on the socket: a replayed id is never another's token.
	const device = deviceFromCookieHeader(headers.get('cookie') ?? undefined);
	if (!device) return refused(refuse('forbidden'));
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return refused(refuse('invalid_payload', { field: 'body' }));
	}
	const fields = typeof body === 'object' && body !== null ? body : {};
	const parsed = v.safeParse(commandSchemas['participant.join'], {
		...fields,
		code: normaliseJoinCode(params.code)
	});
	if (!parsed.success) {
		const issue = parsed.issues[0];
		if (issue?.type === 'max_length' && issue.path?.[0]?.key === 'name') {
			return refused(refuse('too_long', { field: 'name', max: limits.nameChars }), 422);
		}
		return refused(refuse('invalid_payload', { field: 'participant.join' }));
	}
	const { id, code, name } = parsed.output;
	const joined = await joinByCode(app, {
		id,
		code,
		name,
		address: getClientAddress(),
		sender: `d:${device}`
	});
	if (!joined.ok) {
		if (joined.limit) {
			logRepeated('warn', 'rate.limited', { command: 'participant.join', limit: joined.limit });
		}
		return refused(joined.error);
	}
	log.info('participant.joined', { sessionId: joined.sessionId, via: 'page' });
	const session = await app.sessions.get(joined.sessionId);
	const view = session
		? sentViewFor(session.state, { role: 'participant', participantId: joined.participantId })
		: null;
	return json(
		{ ok: true, participantId: joined.participantId, token: joined.token, view },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
