// Reading an archive file: size, JSON, format and version, the schema, then the references
// that schemas cannot see. Answers with the archive or with where it is wrong.
import * as v from 'valibot';
import { isCountryCode } from '$lib/domain/conference/countries';
import { resolveRoles } from '$lib/domain/conference/roles';
import { groupTurnId } from '$lib/domain/session/round-robin';
import { clusterItemId, noteItemId } from '$lib/domain/session/tally';
import {
	archiveFormat,
	archiveLimits,
	archiveSchema,
	archiveSchemaV1,
	archiveSchemaV2,
	archiveSchemaV3,
	archiveSchemaV4,
	archiveSchemaVersion,
	type AnyArchive,
	type AnyQuestion,
	type AnySession
} from './schema';

/** What is wrong with one place in a refused file. */
export interface ArchiveIssue {
	/** Where, as a path into the JSON: "participants[3].country". */
	path: string;
	kind:
		| 'missing'
		| 'unexpected'
		| 'invalid'
		| 'invalid_date'
		| 'too_long'
		| 'too_many'
		| 'duplicate'
		| 'unknown_reference';
}

/** Why a file was refused; nothing was written. */
export type ArchiveProblem =
	| { code: 'too_large'; size: number; max: number }
	| { code: 'not_json' }
	| { code: 'not_archive' }
	| { code: 'newer_version'; version: number; supported: number }
	| { code: 'invalid'; issues: ArchiveIssue[]; total: number };

export type ArchiveResult<T> = { ok: true; value: T } | { ok: false; problem: ArchiveProblem };

const issueKinds = new Set<string>([
	'invalid',
	'invalid_date',
	'too_long',
	'too_many',
	'duplicate',
	'unknown_reference'
]);

function pathOf(keys: readonly (string | number)[]): string {
	return keys
		.map((key, index) =>
			typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`
		)
		.join('');
}

function schemaIssue(issue: v.BaseIssue<unknown>): ArchiveIssue {
	const keys = (issue.path ?? []).map((item) => item.key as string | number);
	let kind: ArchiveIssue['kind'] = 'invalid';
	if (issueKinds.has(issue.message)) kind = issue.message as ArchiveIssue['kind'];
	else if (issue.received === 'undefined') kind = 'missing';
	else if (issue.expected === 'never') kind = 'unexpected';
	return { path: pathOf(keys), kind };
}

/** Problems schemas cannot see: references, duplicates, and sessions that hold together. */
function checkReferences(archive: AnyArchive): ArchiveIssue[] {
	const issues: ArchiveIssue[] = [];
	const add = (path: (string | number)[], kind: ArchiveIssue['kind']) =>
		issues.push({ path: pathOf(path), kind });
	const unique = (values: string[], path: (string | number)[], field?: string) => {
		const seen = new Set<string>();
		values.forEach((value, index) => {
			if (seen.has(value)) add(field ? [...path, index, field] : [...path, index], 'duplicate');
			seen.add(value);
		});
	};

	unique(archive.conference.languages, ['conference', 'languages']);

	unique(
		archive.roles.map((r) => r.id),
		['roles'],
		'id'
	);
	const roleIds = new Set(resolveRoles(archive.roles).map((r) => r.id));
	unique(
		archive.participants.map((p) => p.ref),
		['participants'],
		'ref'
	);
	const people = new Set(archive.participants.map((p) => p.ref));
	archive.participants.forEach((p, i) => {
		if (!roleIds.has(p.role)) add(['participants', i, 'role'], 'unknown_reference');
	});
	unique(
		archive.glossary.map((c) => c.id),
		['glossary'],
		'id'
	);
	unique(
		archive.rounds.map((r) => r.ref),
		['rounds'],
		'ref'
	);
	const groupRefs = new Map<string, string>();
	archive.rounds.forEach((round, r) => {
		const placed = new Set<string>();
		unique(
			round.groups.map((g) => g.key),
			['rounds', r, 'groups'],
			'key'
		);
		round.groups.forEach((group, g) => {
			const at: (string | number)[] = ['rounds', r, 'groups', g];
			if (groupRefs.has(group.ref)) add([...at, 'ref'], 'duplicate');
			const { descriptor } = group;
			if (descriptor.kind === 'role' && !roleIds.has(descriptor.role)) {
				add([...at, 'descriptor', 'role'], 'unknown_reference');
			}
			if (descriptor.kind === 'country' && !isCountryCode(descriptor.country)) {
				add([...at, 'descriptor', 'country'], 'invalid');
			}
			groupRefs.set(group.ref, round.ref);
			group.leaders.forEach((leader, i) => {
				if (!people.has(leader)) add([...at, 'leaders', i], 'unknown_reference');
			});
			group.members.forEach((m, i) => {
				if (!people.has(m.participant))
					add([...at, 'members', i, 'participant'], 'unknown_reference');
				else if (placed.has(m.participant)) add([...at, 'members', i, 'participant'], 'duplicate');
				placed.add(m.participant);
			});
			if (group.session) checkSession(group.session, people, [...at, 'session'], add);
		});
		round.noGroup.forEach((ref, i) => {
			const at = ['rounds', r, 'noGroup', i];
			if (!people.has(ref)) add(at, 'unknown_reference');
			else if (placed.has(ref)) add(at, 'duplicate');
			placed.add(ref);
		});
		const themes = 'themes' in round ? (round.themes ?? null) : null;
		if (themes) {
			const own = new Set(round.groups.map((g) => g.ref));
			const items = new Set<string>();
			themes.themes.forEach((theme, t) =>
				theme.entries.forEach((entry, e) => {
					const at = ['rounds', r, 'themes', 'themes', t, 'entries', e];
					if (!own.has(entry.group)) add([...at, 'group'], 'unknown_reference');
					const key = `${entry.group}/${entry.item}`;
					if (items.has(key)) add([...at, 'item'], 'duplicate');
					items.add(key);
				})
			);
			if (themes.presenting !== null && themes.presenting >= themes.themes.length)
				add(['rounds', r, 'themes', 'presenting'], 'unknown_reference');
		}
		for (const [role, placement] of Object.entries(round.roles)) {
			const at = ['rounds', r, 'roles', role];
			if (!roleIds.has(role)) add(at, 'unknown_reference');
			if (placement.kind === 'with' && !roleIds.has(placement.role))
				add([...at, 'role'], 'unknown_reference');
		}
	});
	const { conference } = archive;
	const roundRefs = new Set(archive.rounds.map((r) => r.ref));
	if (conference.currentRound && !roundRefs.has(conference.currentRound)) {
		add(['conference', 'currentRound'], 'unknown_reference');
	}
	if (conference.plenumRound && !roundRefs.has(conference.plenumRound)) {
		add(['conference', 'plenumRound'], 'unknown_reference');
	}
	if (conference.plenumGroup && groupRefs.get(conference.plenumGroup) !== conference.plenumRound) {
		add(['conference', 'plenumGroup'], 'unknown_reference');
	}
	return issues;
}

function checkSession(
	session: AnySession,
	people: Set<string>,
	at: (string | number)[],
	add: (path: (string | number)[], kind: ArchiveIssue['kind']) => void
): void {
	const members = new Set<string>();
	session.participants.forEach((p, i) => {
		if (members.has(p.id)) add([...at, 'participants', i, 'id'], 'duplicate');
		else if (p.id.startsWith('p') && !people.has(p.id)) {
			add([...at, 'participants', i, 'id'], 'unknown_reference');
		}
		members.add(p.id);
	});
	session.reflections?.forEach((r, i) => {
		if (!members.has(r.authorId)) add([...at, 'reflections', i, 'authorId'], 'unknown_reference');
	});
	const noteIds = new Set<string>();
	const questionIds = new Set<string>();
	(session.questions as AnyQuestion[]).forEach((q, qi) => {
		const here = [...at, 'questions', qi];
		if (questionIds.has(q.id)) add([...here, 'id'], 'duplicate');
		questionIds.add(q.id);
		const own = new Set<string>();
		q.notes.forEach((note, ni) => {
			if (noteIds.has(note.id)) add([...here, 'notes', ni, 'id'], 'duplicate');
			noteIds.add(note.id);
			own.add(note.id);
			if (note.authorId !== null && !members.has(note.authorId)) {
				add([...here, 'notes', ni, 'authorId'], 'unknown_reference');
			}
		});
		const items = new Set(q.notes.map((n) => noteItemId(n.id)));
		const headings = new Set(q.clusters.filter((c) => c.parentId === undefined).map((c) => c.id));
		q.clusters.forEach((c, ci) => {
			// A sub-heading is never voted on, and sits under a heading (one level) of its question.
			if (c.parentId === undefined) items.add(clusterItemId(c.id));
			else if (!headings.has(c.parentId))
				add([...here, 'clusters', ci, 'parentId'], 'unknown_reference');
			c.noteIds.forEach((noteId, i) => {
				if (!own.has(noteId)) add([...here, 'clusters', ci, 'noteIds', i], 'unknown_reference');
			});
		});
		q.reveal?.order.forEach((person, i) => {
			if (person !== groupTurnId && !members.has(person)) {
				add([...here, 'reveal', 'order', i], 'unknown_reference');
			}
		});
		const autoTurnId = q.reveal?.autoTurnId;
		if (autoTurnId && autoTurnId !== groupTurnId && !members.has(autoTurnId))
			add([...here, 'reveal', 'autoTurnId'], 'unknown_reference');
		const ranked = (ranking: string[], path: (string | number)[]) =>
			ranking.forEach((item, i) => {
				if (!items.has(item)) add([...path, i], 'unknown_reference');
			});
		if ('withheld' in q) {
			for (const field of ['closedVote', 'previousVote'] as const)
				q[field]?.rankings.forEach((ranking, ri) =>
					ranked(ranking, [...here, field, 'rankings', ri])
				);
			return;
		}
		// Version 1: every ballot with its voter.
		for (const field of ['ballots', 'previousBallots'] as const) {
			(q[field] ?? []).forEach((ballot, bi) => {
				if (!members.has(ballot.voterId)) add([...here, field, bi, 'voterId'], 'unknown_reference');
				ranked(ballot.ranking, [...here, field, bi, 'ranking']);
			});
		}
	});
	if (!questionIds.has(session.currentQuestionId)) {
		add([...at, 'currentQuestionId'], 'unknown_reference');
	}
}

/**
 * Reads an archive file: size, JSON, format marker and version, the schema, then references.
 * Answers with the archive or with everything that is wrong (the first few places of it).
 */
export function readArchive(file: Uint8Array | string): ArchiveResult<AnyArchive> {
	const size = typeof file === 'string' ? Buffer.byteLength(file) : file.byteLength;
	if (size > archiveLimits.maxBytes) {
		return { ok: false, problem: { code: 'too_large', size, max: archiveLimits.maxBytes } };
	}
	let data: unknown;
	try {
		const content =
			typeof file === 'string' ? file : new TextDecoder('utf-8', { fatal: true }).decode(file);
		data = JSON.parse(content.replace(/^\uFEFF/, ''));
	} catch {
		return { ok: false, problem: { code: 'not_json' } };
	}
	if (
		typeof data !== 'object' ||
		data === null ||
		(data as { format?: unknown }).format !== archiveFormat
	) {
		return { ok: false, problem: { code: 'not_archive' } };
	}
	const version = (data as { schemaVersion?: unknown }).schemaVersion;
	if (typeof version === 'number' && version > archiveSchemaVersion) {
		return {
			ok: false,
			problem: { code: 'newer_version', version, supported: archiveSchemaVersion }
		};
	}
	const parsed =
		version === 1
			? v.safeParse(archiveSchemaV1, data)
			: version === 2
				? v.safeParse(archiveSchemaV2, data)
				: version === 3
					? v.safeParse(archiveSchemaV3, data)
					: version === 4
						? v.safeParse(archiveSchemaV4, data)
						: v.safeParse(archiveSchema, data);
	const issues = parsed.success ? checkReferences(parsed.output) : parsed.issues.map(schemaIssue);
	if (issues.length > 0) {
		return {
			ok: false,
			problem: {
				code: 'invalid',
				issues: issues.slice(0, archiveLimits.issuesShown),
				total: issues.length
			}
		};
	}
	return { ok: true, value: (parsed as { output: AnyArchive }).output };
}
