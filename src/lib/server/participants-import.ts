import {
	parseParticipantsCsv,
	type ParsedParticipant,
	type ParticipantsPreview
} from '$lib/domain/conference/participants-csv';
import type { Language } from '$lib/domain/session/types';
import type { App } from './app';
import type { Result } from './conferences';
import type { ParticipantFields } from './db/participants';
import { randomToken } from './tokens';

/** How long a checked file waits for the organiser to confirm the import. */
const pendingMs = 30 * 60_000;
/** Checked files held at once (oldest dropped first); each holds at most 2,000 short rows. */
const maxPending = 100;

interface PendingImport {
	conferenceId: string;
	participants: ParticipantFields[];
	expiresAt: number;
}

// In memory on purpose: a preview is worth keeping for minutes, not across restarts.
const pending = new Map<string, PendingImport>();

function sweep(now: number): void {
	for (const [token, entry] of pending) if (entry.expiresAt <= now) pending.delete(token);
	while (pending.size >= maxPending) pending.delete(pending.keys().next().value!);
}

/** A row as it will be saved: no language given means the conference's language. */
export function toParticipantFields(row: ParsedParticipant, fallback: Language): ParticipantFields {
	return {
		name: row.name,
		country: row.country,
		role: row.role,
		organisation: row.organisation,
		language: row.language ?? fallback,
		coordinator: row.coordinator
	};
}

/**
 * Checks an uploaded participants file against the conference's roles. Nothing is saved: a
 * file without errors gets a token that `commitParticipantsImport` saves in one transaction.
 */
export function previewParticipantsImport(
	app: App,
	conferenceId: string,
	input: Uint8Array | string,
	now: number = Date.now()
): { preview: ParticipantsPreview; token: string | null } {
	const conference = app.conferences.get(conferenceId);
	const preview = parseParticipantsCsv(input, { roles: app.conferences.roles(conferenceId) });
	if (!conference || !preview.ok) return { preview, token: null };
	sweep(now);
	const token = randomToken(18);
	pending.set(token, {
		conferenceId,
		participants: preview.participants.map((p) => toParticipantFields(p, conference.language)),
		expiresAt: now + pendingMs
	});
	return { preview, token };
}

/** Saves a checked file: all of its participants or, on any problem, none. */
export function commitParticipantsImport(
	app: App,
	conferenceId: string,
	token: string,
	now: number = Date.now()
): Result<number> {
	const entry = pending.get(token);
	if (!entry || entry.conferenceId !== conferenceId || entry.expiresAt <= now) {
		return { ok: false, error: { code: 'not_found', params: { field: 'file' } } };
	}
	const result = app.conferences.addParticipants(conferenceId, entry.participants);
	if (result.ok) pending.delete(token);
	return result;
}
