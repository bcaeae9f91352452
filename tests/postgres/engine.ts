/** PostgreSQL as an Engine for the suites shared with tests/integration (see helpers/engine.ts). */
import type { Engine } from '../integration/helpers/engine';
import { openPostgres } from '$lib/server/db/postgres/pool';
import { freshDatabase } from './databases';

/** `?` placeholders as PostgreSQL's $1, $2, … (no suite's SQL has a literal question mark). */
const numbered = (sql: string) => {
	let n = 0;
	return sql.replace(/\?/g, () => `$${++n}`);
};

export const postgres: Engine = {
	name: 'PostgreSQL',
	async fresh() {
		const database = await freshDatabase();
		const pool = openPostgres(database.url, 2);
		return {
			engine: 'postgres',
			env: { DATABASE_URL: database.url },
			async rows<Row>(sql: string, params: unknown[] = []) {
				return (await pool.query(numbered(sql), params)).rows as Row[];
			},
			async dispose() {
				await pool.end();
				await database.drop();
			}
		};
	}
};
