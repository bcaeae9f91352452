import type { BindingKind, BindingStatus, DeviceBinding } from '$lib/domain/conference/devices';
import { sql, type Db } from './database';

export interface BindingRow {
	id: string;
	conference_id: string;
	participant_id: string;
	device_hash: string;
	kind: BindingKind;
	status: BindingStatus;
	device: string;
	check_code: string;
	created_at: number;
	last_seen_at: number;
}

export function toBinding(row: BindingRow): DeviceBinding {
	return {
		id: row.id,
		conferenceId: row.conference_id,
		participantId: row.participant_id,
		deviceHash: row.device_hash,
		kind: row.kind,
		status: row.status,
		device: row.device,
		checkCode: row.check_code,
		createdAt: row.created_at,
		lastSeenAt: row.last_seen_at
	};
}

export const bindingColumns =
	'id, conference_id, participant_id, device_hash, kind, status, device, check_code, created_at, last_seen_at';

/** Stores a new binding; `tokenHash` is null for a device that came with the badge link. */
export function insertBinding(db: Db, binding: DeviceBinding, tokenHash: string | null): void {
	sql(
		db,
		`INSERT INTO device_bindings (${bindingColumns}, token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	).run(
		binding.id,
		binding.conferenceId,
		binding.participantId,
		binding.deviceHash,
		binding.kind,
		binding.status,
		binding.device,
		binding.checkCode,
		binding.createdAt,
		binding.lastSeenAt,
		tokenHash
	);
}

/** Saves a binding's kind, status and description (a decision, a badge opened). */
export function updateBinding(db: Db, binding: DeviceBinding): void {
	sql(
		db,
		'UPDATE device_bindings SET kind = ?, status = ?, device = ?, last_seen_at = ? WHERE id = ?'
	).run(binding.kind, binding.status, binding.device, binding.lastSeenAt, binding.id);
}

/** Gives a binding a new link token (the old link stops working). */
export function replaceBindingToken(db: Db, id: string, tokenHash: string, now: number): void {
	sql(db, 'UPDATE device_bindings SET token_hash = ?, last_seen_at = ? WHERE id = ?').run(
		tokenHash,
		now,
		id
	);
}

export function touchBinding(db: Db, id: string, now: number): void {
	sql(db, 'UPDATE device_bindings SET last_seen_at = ? WHERE id = ?').run(now, id);
}

export function deleteBinding(db: Db, conferenceId: string, id: string): boolean {
	return (
		sql(db, 'DELETE FROM device_bindings WHERE id = ? AND conference_id = ?').run(id, conferenceId)
			.changes > 0
	);
}

export function findBinding(db: Db, conferenceId: string, id: string): DeviceBinding | null {
	const row = sql(
		db,
		`SELECT ${bindingColumns} FROM device_bindings WHERE id = ? AND conference_id = ?`
	).get(id, conferenceId) as BindingRow | undefined;
	return row ? toBinding(row) : null;
}

export function findBindingByToken(db: Db, tokenHash: string): DeviceBinding | null {
	const row = sql(db, `SELECT ${bindingColumns} FROM device_bindings WHERE token_hash = ?`).get(
		tokenHash
	) as BindingRow | undefined;
	return row ? toBinding(row) : null;
}

export function findBindingOfDevice(
	db: Db,
	participantId: string,
	deviceHash: string
): DeviceBinding | null {
	const row = sql(
		db,
		`SELECT ${bindingColumns} FROM device_bindings WHERE participant_id = ? AND device_hash = ?`
	).get(participantId, deviceHash) as BindingRow | undefined;
	return row ? toBinding(row) : null;
}

/** One person's devices, oldest first. */
export function listBindingsOf(db: Db, participantId: string): DeviceBinding[] {
	return (
		sql(
			db,
			`SELECT ${bindingColumns} FROM device_bindings WHERE participant_id = ? ORDER BY created_at, rowid`
		).all(participantId) as BindingRow[]
	).map(toBinding);
}

/** Every device of a conference, oldest first. */
export function listBindings(db: Db, conferenceId: string): DeviceBinding[] {
	return (
		sql(
			db,
			`SELECT ${bindingColumns} FROM device_bindings WHERE conference_id = ? ORDER BY created_at, rowid`
		).all(conferenceId) as BindingRow[]
	).map(toBinding);
}
