import { json } from '@sveltejs/kit';
import { schemaVersion } from '$lib/server/db/database';
import { useApp } from '$lib/server/app';
import type { RequestHandler } from './$types';

/** Liveness and readiness: the database answers, its schema version, and uptime. */
export const GET: RequestHandler = () => {
	const app = useApp();
	try {
		app.db.prepare('SELECT 1').get();
		return json(
			{
				status: 'ok',
				database: 'ok',
				schemaVersion: schemaVersion(app.db),
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
