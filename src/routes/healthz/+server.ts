import { json } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import type { RequestHandler } from './$types';

/** Liveness and readiness: the database answers, its schema version, and uptime. */
export const GET: RequestHandler = async () => {
	const app = useApp();
	try {
		const schemaVersion = await app.stores.schemaVersion();
		return json(
			{
				status: 'ok',
				database: 'ok',
				schemaVersion,
				uptimeSeconds: Math.round((Date.now() - app.startedAt) / 1000)
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch {
		return json(
			{ status: 'error', database: 'unreachable' },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
