import {
	parseParticipantsCsv,
	type ParticipantRowResult,
	type ParticipantsPreview
} from '$lib/domain/conference/participants-csv';
import {
	compareWithList,
	planImport,
	type ImportChoices,
	type ImportPlanError,
	type ImportRow,
	type ParticipantValues
} from '$lib/domain/conference/participants-import';
import type { ConferenceCommand } from '$lib/domain/conference/commands';
import type { Language } from '$lib/domain/session/types';
import type { App } from './app';
import type { Dispatched } from './conferences';
import type { ParticipantFields } from '$lib/domain/conference/types';
import { glossaryForConference } from './glossary';
import { randomToken } from './tokens';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'stores' | 'conferences'>;

/** How long a checked file waits for the organiser to confirm the import. */
const pendingMs = 30 * 60_000;
/** Checked files held at once (oldest dropped first); each holds at most 2,000 short rows. */
const maxPending = 100;

interface PendingImport {
	conferenceId: string;
	/** What the organiser called the file, and what the check warned about, to show it again. */
	fileName: string;
	warnings: ParticipantsPreview['warnings'];
	/** The file's valid rows as parsed, compared with the list again when saved. */
	rows: ParticipantRowResult[];
	/** Whom each row matched on the list when the organiser saw the preview, serialised. */
	matched: string;
	expiresAt: number;
	/** What saving it did: a repeated confirmation answers the same and saves nothing again. */
	saved?: { added: number; updated: number };
}

// In memory on purpose: a preview is worth keeping for minutes, not across restarts.
const pending = new Map<string, PendingImport>();

function sweep(now: number): void {
	for (const [token, entry] of pending) if (entry.expiresAt <= now) pending.delete(token);
	while (pending.size >= maxPending) pending.delete(pending.keys().next().value!);
}

/** A participant as it will be saved: no language given means the conference's language. */
export function toParticipantFields(row: ParticipantValues, fallback: Language): ParticipantFields {
	return {
		name: row.name,
		country: row.country,
		role: row.role,
		organisation: row.organisation,
		language: row.language ?? fallback,
		coordinator: row.coordinator,
		roleDescription: row.roleDescription
	};
}

/** The rows of a checked file compared with the conference's list as it is now. */
async function compareNow(app: Uses, conferenceId: string, rows: readonly ParticipantRowResult[]) {
	return compareWithList(rows, await app.conferences.participants(conferenceId));
}

const matchedOf = (rows: readonly ImportRow[]) => JSON.stringify(rows.map((r) => r.existing));

/**
 * Checks an uploaded participants file against the conference's roles, glossary and list.
 * Nothing is saved: a file without errors gets a token that `commitParticipantsImport` saves,
 * with the organiser's answers, in one transaction.
 */
export async function previewParticipantsImport(
	app: Uses,
	conferenceId: string,
	input: Uint8Array | string,
	{ fileName = '', now = Date.now() }: { fileName?: string; now?: number } = {}
): Promise<{ preview: ParticipantsPreview; rows: ImportRow[]; token: string | null }> {
	const conference = await app.conferences.get(conferenceId);
	const preview = parseParticipantsCsv(input, {
		roles: await app.conferences.roles(conferenceId),
		glossary: (await glossaryForConference(app, conferenceId)).concepts
	});
	const valid = preview.rows.filter((r) => r.ok);
	const rows = conference ? await compareNow(app, conferenceId, valid) : [];
	if (!conference || !preview.ok) return { preview, rows, token: null };
	sweep(now);
	const token = randomToken(18);
	pending.set(token, {
		conferenceId,
		fileName,
		warnings: preview.warnings,
		rows: valid,
		matched: matchedOf(rows),
		expiresAt: now + pendingMs
	});
	return { preview, rows, token };
}

/** A checked file again, as the list is now: to ask once more what a save still needs. */
export async function reviewParticipantsImport(
	app: Uses,
	conferenceId: string,
	token: string,
	now: number = Date.now()
): Promise<{
	fileName: string;
	warnings: ParticipantsPreview['warnings'];
	rows: ImportRow[];
} | null> {
	const entry = pending.get(token);
	if (!entry || entry.conferenceId !== conferenceId || entry.expiresAt <= now) return null;
	return {
		fileName: entry.fileName,
		warnings: entry.warnings,
		rows: await compareNow(app, conferenceId, entry.rows)
	};
}

/** Why a checked file was not saved; each code has a translated message. */
export type ImportProblem =
	| ImportPlanError
	| { code: 'expired' | 'list_changed'; params: Record<string, never> }
	| { code: 'too_many'; params: { max: number } };

/**
 * Saves a checked file with the organiser's answers: new people added, people already on the
 * list updated or skipped as chosen; all of it or, on any problem, none. A file is checked
 * again when the people it matched changed on the list since the preview.
 */
export async function commitParticipantsImport(
	app: Uses,
	conferenceId: string,
	token: string,
	choices: ImportChoices,
	/** Sends the import to the conference: as the organiser who confirms it (else the server). */
	send: (command: ConferenceCommand) => Promise<Dispatched> = (command) =>
		app.conferences.dispatch(conferenceId, command),
	now: number = Date.now()
): Promise<
	{ ok: true; value: { added: number; updated: number } } | { ok: false; problems: ImportProblem[] }
> {
	const entry = pending.get(token);
	const conference = await app.conferences.get(conferenceId);
	if (!entry || !conference || entry.conferenceId !== conferenceId || entry.expiresAt <= now) {
		return { ok: false, problems: [{ code: 'expired', params: {} }] };
	}
	if (entry.saved) return { ok: true, value: entry.saved };
	const rows = await compareNow(app, conferenceId, entry.rows);
	if (matchedOf(rows) !== entry.matched) {
		pending.delete(token);
		return { ok: false, problems: [{ code: 'list_changed', params: {} }] };
	}
	const planned = planImport(rows, choices, await app.conferences.participants(conferenceId));
	if (!planned.ok) return { ok: false, problems: planned.errors };
	const { add, update } = planned.value;
	const saved = await send({
		type: 'participant.import',
		add: app.conferences.newParticipants(
			add.map((p) => toParticipantFields(p, conference.language))
		),
		update: update.map(({ id, values }) => ({ participantId: id, fields: values }))
	});
	if (!saved.ok) {
		if (saved.error.code === 'too_many') {
			return {
				ok: false,
				problems: [{ code: 'too_many', params: { max: Number(saved.error.params?.max) } }]
			};
		}
		return { ok: false, problems: [{ code: 'list_changed', params: {} }] };
	}
	const value = { added: Number(saved.result.added), updated: Number(saved.result.updated) };
	// The file's rows go now; what saving did stays until the token expires, for a repeat.
	pending.set(token, { ...entry, rows: [], warnings: [], saved: value });
	return { ok: true, value };
}
