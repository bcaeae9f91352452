import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase, readMigrations, type Db } from './database';
import { storeContract } from './store-contract';
import { createSqliteStores } from './stores';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const migrations = readMigrations(join(root, 'db', 'migrations'));

let dir: string;
let db: Db;

/** The database file on disk, opened and migrated as the app does. */
function open() {
	db = openDatabase(join(dir, 'samrad.sqlite'));
	migrate(db, migrations);
	return createSqliteStores(db);
}

storeContract({
	async open() {
		dir = mkdtempSync(join(tmpdir(), 'samrad-stores-'));
		return open();
	},
	async reopen() {
		db.close();
		return open();
	},
	async seedConference(participantIds) {
		db.prepare(
			`INSERT INTO conferences (id, title, language, join_code, plenum_token, created_at, updated_at)
			 VALUES ('conf', 'Sigtuna', 'sv', 'KLMNPQ', 'plenum-token-1234', 1, 1)`
		).run();
		for (const id of participantIds) {
			db.prepare(
				`INSERT INTO conference_participants (id, conference_id, name, country, role, language, personal_token, created_at)
				 VALUES (?, 'conf', ?, 'NO', 'worker', 'nb', ?, 1)`
			).run(id, id, `badge-${id}`);
		}
	},
	async close() {
		db.close();
		rmSync(dir, { recursive: true, force: true });
	}
});
