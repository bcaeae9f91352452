/**
 * Builds when stale, and starts one throw-away PostgreSQL cluster and one throw-away Redis for
 * the PostgreSQL project's tests (both removed after).
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../scripts/engines/postgres.js';
import { startRedis } from '../../scripts/engines/redis.js';
import buildWhenStale from '../integration/global-setup';

declare module 'vitest' {
	export interface ProvidedContext {
		/** postgres:// URL of the throw-away cluster's "postgres" database. */
		postgresUrl: string;
		/** redis:// URL of the throw-away Redis. */
		redisUrl: string;
	}
}

export default async function setup(project: TestProject): Promise<() => void> {
	// The server test runs the production build, as the integration tests do.
	await buildWhenStale();
	const cluster = await startPostgres();
	const redis = await startRedis().catch((error: unknown) => {
		cluster.stop();
		throw error;
	});
	project.provide('postgresUrl', cluster.url);
	project.provide('redisUrl', redis.url);
	return () => {
		redis.stop();
		cluster.stop();
	};
}
