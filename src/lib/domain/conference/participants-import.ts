// A checked participants file against the list the conference already has: who is new, who is
// already there (as in the file or with other details), and what saving it would do.
import { searchKey } from '../fold';
import type { Language } from '../session/types';
import type { ParsedParticipant, ParticipantField, ParticipantRowResult } from './participants-csv';
import type { RoleId } from './roles';

/** Someone already on the conference's list, as an import compares them. */
export interface ExistingParticipant {
	id: string;
	name: string;
	country: string;
	role: RoleId;
	organisation: string;
	language: Language;
	coordinator: boolean;
	/** Their role in their own words; '' or absent for none. */
	roleDescription?: string;
}

/** A detail the file would change for someone on the list (name and country say who it is). */
export type ParticipantChange =
	| { field: 'role'; from: RoleId; to: RoleId | null }
	| { field: 'organisation'; from: string; to: string }
	| { field: 'language'; from: Language; to: Language }
	| { field: 'coordinator'; from: boolean; to: boolean }
	| { field: 'roleDescription'; from: string; to: string };

/** The person on the list a row is about. */
export interface ExistingMatch {
	/** Their participant id. */
	id: string;
	/** Their name as the list has it (the file may spell it without Nordic letters). */
	name: string;
	/** What the file would change; empty when the row says what the list says. */
	changes: ParticipantChange[];
}

/** A valid row of the file, compared with the list. */
export interface ImportRow {
	/** Row number as a spreadsheet shows it. */
	row: number;
	/** The cells as typed. */
	raw: Record<ParticipantField, string>;
	/** The row's values; a role the list already gives is filled in. */
	value: ParsedParticipant;
	/** The person on the list this row is about; null for someone new. */
	existing: ExistingMatch | null;
}

/** What the organiser does with people on the list whose details differ in the file. */
export type ExistingChoice = 'update' | 'skip';

/** The organiser's answers to what the preview asks. */
export interface ImportChoices {
	/** For every row whose person is on the list with other details; null when not answered. */
	existing: ExistingChoice | null;
	/** Row by row, overriding `existing`. */
	rows: Readonly<Record<number, ExistingChoice>>;
	/** The role chosen for a row whose role word fits several roles. */
	roles: Readonly<Record<number, RoleId>>;
}

/** A participant as saved; a null language means the conference's. */
export interface ParticipantValues {
	name: string;
	country: string;
	role: RoleId;
	organisation: string;
	language: Language | null;
	coordinator: boolean;
	/** Their role in their own words; '' for none. */
	roleDescription: string;
}

/** What saving a checked file does. */
export interface ImportPlan {
	/** New people, in file order. */
	add: ParticipantValues[];
	/** People on the list with the file's details, in file order. */
	update: { id: string; values: ParticipantValues & { language: Language } }[];
	/** Rows already on the list as they are. */
	unchanged: number;
	/** Rows whose other details the organiser chose to skip. */
	skipped: number;
}

/** What the preview still has to ask before the file can be saved. */
export interface ImportPlanError {
	code: 'choose_existing' | 'choose_role';
	/** The rows concerned, as "2, 5, 9". */
	params: { rows: string };
}

function identity(name: string, country: string): string {
	return `${searchKey(name)}\u0000${country}`;
}

/**
 * Whom a row is about: someone with the same name (Nordic letters, accents and case folded as a
 * search folds them) in the same country; among namesakes, the one with the same organisation.
 */
function findExisting(
	value: ParsedParticipant,
	byIdentity: Map<string, ExistingParticipant[]>
): ExistingParticipant | null {
	const candidates = byIdentity.get(identity(value.name, value.country)) ?? [];
	const organisation = searchKey(value.organisation);
	return (
		candidates.find((p) => searchKey(p.organisation) === organisation) ?? candidates[0] ?? null
	);
}

/** What a row would change for its person; an empty cell keeps what the list has. */
function changesOf(
	value: ParsedParticipant,
	raw: Record<ParticipantField, string>,
	person: ExistingParticipant
): ParticipantChange[] {
	const changes: ParticipantChange[] = [];
	if (value.role !== person.role)
		changes.push({ field: 'role', from: person.role, to: value.role });
	if (value.organisation && value.organisation !== person.organisation) {
		changes.push({ field: 'organisation', from: person.organisation, to: value.organisation });
	}
	if (value.language && value.language !== person.language) {
		changes.push({ field: 'language', from: person.language, to: value.language });
	}
	if (raw.coordinator.trim() && value.coordinator !== person.coordinator) {
		changes.push({ field: 'coordinator', from: person.coordinator, to: value.coordinator });
	}
	const description = person.roleDescription ?? '';
	if (value.roleDescription && value.roleDescription !== description) {
		changes.push({ field: 'roleDescription', from: description, to: value.roleDescription });
	}
	return changes;
}

/**
 * Compares the valid rows of a checked file with the conference's list (rows with errors are
 * left out). A role word that fits several roles is settled by the list when it names the role
 * the person already has.
 */
export function compareWithList(
	rows: readonly ParticipantRowResult[],
	list: readonly ExistingParticipant[]
): ImportRow[] {
	const byIdentity = new Map<string, ExistingParticipant[]>();
	for (const person of list) {
		const key = identity(person.name, person.country);
		byIdentity.set(key, [...(byIdentity.get(key) ?? []), person]);
	}
	return rows.flatMap((row) => {
		if (!row.ok) return [];
		const person = findExisting(row.value, byIdentity);
		let value = row.value;
		if (person && value.roleOptions?.includes(person.role)) {
			value = { ...value, role: person.role };
			delete value.roleOptions;
		}
		const existing = person
			? { id: person.id, name: person.name, changes: changesOf(value, row.raw, person) }
			: null;
		return [{ row: row.row, raw: row.raw, value, existing }];
	});
}

/**
 * What saving the rows does with the organiser's choices: new people are added, people on the
 * list with other details are updated or skipped (row choice first, then the import's), people
 * on the list as in the file are left alone. Errors name the rows that still need an answer.
 */
export function planImport(
	rows: readonly ImportRow[],
	choices: ImportChoices,
	list: readonly ExistingParticipant[]
): { ok: true; value: ImportPlan } | { ok: false; errors: ImportPlanError[] } {
	const byId = new Map(list.map((person) => [person.id, person]));
	const plan: ImportPlan = { add: [], update: [], unchanged: 0, skipped: 0 };
	const unanswered: number[] = [];
	const roleless: number[] = [];
	for (const { row, value, existing } of rows) {
		const person = existing ? byId.get(existing.id) : undefined;
		if (existing && person && existing.changes.length === 0) {
			plan.unchanged++;
			continue;
		}
		const choice = existing && person ? (choices.rows[row] ?? choices.existing) : 'add';
		if (choice === 'skip') {
			plan.skipped++;
			continue;
		}
		const chosen = choices.roles[row];
		const role =
			value.role ?? (chosen !== undefined && value.roleOptions?.includes(chosen) ? chosen : null);
		if (role === null) roleless.push(row);
		if (choice === null) unanswered.push(row);
		if (role === null || choice === null) continue;
		const { name, country, organisation, language, coordinator, roleDescription } = value;
		if (choice === 'add' || !existing || !person) {
			plan.add.push({ name, country, role, organisation, language, coordinator, roleDescription });
			continue;
		}
		// An empty cell keeps what the list has; name and country say who it is and stay.
		const changed = new Set(existing.changes.map((c) => c.field));
		plan.update.push({
			id: person.id,
			values: {
				name: person.name,
				country: person.country,
				role,
				organisation: changed.has('organisation') ? organisation : person.organisation,
				language: changed.has('language') && language ? language : person.language,
				coordinator: changed.has('coordinator') ? coordinator : person.coordinator,
				roleDescription: changed.has('roleDescription')
					? roleDescription
					: (person.roleDescription ?? '')
			}
		});
	}
	const errors: ImportPlanError[] = [];
	if (unanswered.length > 0) {
		errors.push({ code: 'choose_existing', params: { rows: unanswered.join(', ') } });
	}
	if (roleless.length > 0)
		errors.push({ code: 'choose_role', params: { rows: roleless.join(', ') } });
	return errors.length > 0 ? { ok: false, errors } : { ok: true, value: plan };
}
