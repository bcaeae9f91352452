import type { DeviceBinding } from '$lib/domain/conference/devices';
import { bindingColumns, toBinding, type BindingRow } from '../device-bindings';
import { all, changes, one, type Pg } from './pool';

export async function insertBinding(
	q: Pg,
	b: DeviceBinding,
	tokenHash: string | null
): Promise<void> {
	await q.query(
		`INSERT INTO device_bindings (${bindingColumns}, token_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		[
			b.id,
			b.conferenceId,
			b.participantId,
			b.deviceHash,
			b.kind,
			b.status,
			b.device,
			b.checkCode,
			b.createdAt,
			b.lastSeenAt,
			tokenHash
		]
	);
}

export async function updateBinding(q: Pg, b: DeviceBinding): Promise<void> {
	await q.query(
		'UPDATE device_bindings SET kind = $1, status = $2, device = $3, last_seen_at = $4 WHERE id = $5',
		[b.kind, b.status, b.device, b.lastSeenAt, b.id]
	);
}

export async function replaceBindingToken(
	q: Pg,
	id: string,
	tokenHash: string,
	now: number
): Promise<void> {
	await q.query('UPDATE device_bindings SET token_hash = $1, last_seen_at = $2 WHERE id = $3', [
		tokenHash,
		now,
		id
	]);
}

export async function touchBinding(q: Pg, id: string, now: number): Promise<void> {
	await q.query('UPDATE device_bindings SET last_seen_at = $1 WHERE id = $2', [now, id]);
}

export async function deleteBinding(q: Pg, conferenceId: string, id: string): Promise<boolean> {
	return (
		(await changes(q, 'DELETE FROM device_bindings WHERE id = $1 AND conference_id = $2', [
			id,
			conferenceId
		])) > 0
	);
}

async function bindingWhere(q: Pg, where: string, values: unknown[]) {
	const row = await one<BindingRow>(
		q,
		`SELECT ${bindingColumns} FROM device_bindings WHERE ${where}`,
		values
	);
	return row ? toBinding(row) : null;
}

export const findBinding = (q: Pg, conferenceId: string, id: string) =>
	bindingWhere(q, 'id = $1 AND conference_id = $2', [id, conferenceId]);
export const findBindingByToken = (q: Pg, tokenHash: string) =>
	bindingWhere(q, 'token_hash = $1', [tokenHash]);
export const findBindingOfDevice = (q: Pg, participantId: string, deviceHash: string) =>
	bindingWhere(q, 'participant_id = $1 AND device_hash = $2', [participantId, deviceHash]);

/** Oldest first; `inserted` breaks ties as SQLite's rowid does. */
async function bindingsWhere(q: Pg, column: string, value: string): Promise<DeviceBinding[]> {
	const rows = await all<BindingRow>(
		q,
		`SELECT ${bindingColumns} FROM device_bindings WHERE ${column} = $1 ORDER BY created_at, inserted`,
		[value]
	);
	return rows.map(toBinding);
}

export const listBindingsOf = (q: Pg, participantId: string) =>
	bindingsWhere(q, 'participant_id', participantId);
export const listBindings = (q: Pg, conferenceId: string) =>
	bindingsWhere(q, 'conference_id', conferenceId);
