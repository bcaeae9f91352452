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
		const pool = await openPostgres(database.url, 3);
		return {
			engine: 'postgres',
			env: { DATABASE_URL: database.url },
			async rows<Row>(sql: string, params: unknown[] = []) {
				return (await pool.query(numbered(sql), params)).rows as Row[];
			},
			async holding(text) {
				const tables = await pool.query<{ name: string }>(
					"SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"
				);
				const found: string[] = [];
				for (const { name } of tables.rows) {
					const hit = await pool.query(
						`SELECT 1 FROM "${name}" t WHERE strpos(t::text, $1) > 0 LIMIT 1`,
						[text]
					);
					if (hit.rowCount) found.push(name);
				}
				return found;
			},
			async reader() {
				// As pg_dump reads: one snapshot for the whole transaction.
				const client = await pool.connect();
				await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
				await client.query('SELECT count(*) FROM sessions');
				return {
					async rows<Row>(sql: string, params: unknown[] = []) {
						return (await client.query(numbered(sql), params)).rows as Row[];
					},
					async release() {
						await client.query('COMMIT');
						client.release();
					}
				};
			},
			async dispose() {
				await pool.end();
				await database.drop();
			}
		};
	}
};
