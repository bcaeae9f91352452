import type { ConferenceParticipant, ParticipantFields } from '$lib/domain/conference/types';
import type { Language } from '$lib/domain/session/types';
import { sql, type Db } from './database';

export type { ConferenceParticipant, ParticipantFields } from '$lib/domain/conference/types';

export interface ParticipantRow {
	id: string;
	conference_id: string;
	name: string;
	country: string;
	role: string;
	organisation: string;
	language: Language;
	coordinator: number;
	personal_token: string;
	created_at: number;
	role_description: string;
}

export function toParticipant(row: ParticipantRow): ConferenceParticipant {
	return {
		id: row.id,
		conferenceId: row.conference_id,
		name: row.name,
		country: row.country,
		role: row.role,
		organisation: row.organisation,
		language: row.language,
		coordinator: row.coordinator === 1,
		personalToken: row.personal_token,
		createdAt: row.created_at,
		roleDescription: row.role_description
	};
}

export function insertParticipant(db: Db, p: ConferenceParticipant): void {
	sql(
		db,
		`INSERT INTO conference_participants (id, conference_id, name, country, role, organisation,
		 language, coordinator, personal_token, created_at, role_description)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	).run(
		p.id,
		p.conferenceId,
		p.name,
		p.country,
		p.role,
		p.organisation,
		p.language,
		p.coordinator ? 1 : 0,
		p.personalToken,
		p.createdAt,
		p.roleDescription ?? ''
	);
}

export function updateParticipant(
	db: Db,
	conferenceId: string,
	id: string,
	fields: ParticipantFields
): boolean {
	return (
		sql(
			db,
			`UPDATE conference_participants SET name = ?, country = ?, role = ?, organisation = ?,
			 language = ?, coordinator = ?, role_description = ? WHERE id = ? AND conference_id = ?`
		).run(
			fields.name,
			fields.country,
			fields.role,
			fields.organisation,
			fields.language,
			fields.coordinator ? 1 : 0,
			fields.roleDescription ?? '',
			id,
			conferenceId
		).changes > 0
	);
}

export function deleteParticipant(db: Db, conferenceId: string, id: string): void {
	sql(db, 'DELETE FROM conference_participants WHERE id = ? AND conference_id = ?').run(
		id,
		conferenceId
	);
}

export function listParticipants(db: Db, conferenceId: string): ConferenceParticipant[] {
	return (
		sql(
			db,
			'SELECT * FROM conference_participants WHERE conference_id = ? ORDER BY name COLLATE NOCASE, id'
		).all(conferenceId) as ParticipantRow[]
	).map(toParticipant);
}

export function findParticipant(
	db: Db,
	conferenceId: string,
	id: string
): ConferenceParticipant | null {
	const row = sql(
		db,
		'SELECT * FROM conference_participants WHERE id = ? AND conference_id = ?'
	).get(id, conferenceId) as ParticipantRow | undefined;
	return row ? toParticipant(row) : null;
}

export function findParticipantByToken(db: Db, token: string): ConferenceParticipant | null {
	const row = sql(db, 'SELECT * FROM conference_participants WHERE personal_token = ?').get(
		token
	) as ParticipantRow | undefined;
	return row ? toParticipant(row) : null;
}
