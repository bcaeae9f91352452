import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openPostgres } from '../../src/lib/server/db/postgres/pool';

/** A new, empty database on the throw-away cluster; drop() removes it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
	const admin = inject('postgresUrl');
	const name = `samrad_${randomBytes(6).toString('hex')}`;
	const pool = await openPostgres(admin, 1);
	await pool.query(`CREATE DATABASE ${name}`);
	const url = new URL(admin);
	url.pathname = `/${name}`;
	return {
		url: url.href,
		async drop() {
			await pool.query(`DROP DATABASE ${name} WITH (FORCE)`);
			await pool.end();
		}
	};
}
