import { sql, type Db } from './database';

/** Installation-wide settings (key → text). */
export function readSetting(db: Db, key: string): string | null {
	const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(key) as
		{ value: string } | undefined;
	return row?.value ?? null;
}

export function writeSetting(db: Db, key: string, value: string): void {
	sql(
		db,
		'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
	).run(key, value);
}

/** Stores `value` unless the key has one already; answers the value the key holds now. */
export function claimSetting(db: Db, key: string, value: string): string {
	sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(
		key,
		value
	);
	return readSetting(db, key) ?? value;
}

export function deleteSetting(db: Db, key: string): void {
	sql(db, 'DELETE FROM settings WHERE key = ?').run(key);
}
