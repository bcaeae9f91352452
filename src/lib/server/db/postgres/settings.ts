import { one, type Pg } from './pool';

/** Installation-wide settings (key → text). */
export async function readSetting(q: Pg, key: string): Promise<string | null> {
	return (
		(await one<{ value: string }>(q, 'SELECT value FROM settings WHERE key = $1', [key]))?.value ??
		null
	);
}

export async function writeSetting(q: Pg, key: string, value: string): Promise<void> {
	await q.query(
		'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
		[key, value]
	);
}

/** Stores `value` unless the key has one already (another process's): answers the value the key holds now. */
export async function claimSetting(q: Pg, key: string, value: string): Promise<string> {
	await q.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
		key,
		value
	]);
	return (await readSetting(q, key)) ?? value;
}

export async function deleteSetting(q: Pg, key: string): Promise<void> {
	await q.query('DELETE FROM settings WHERE key = $1', [key]);
}
