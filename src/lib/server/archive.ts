import {
	archivedSession,
	compare,
	mapConcept,
	mapDescriptor,
	mapRole,
	sessionFromArchive
} from '$lib/domain/archive/mapping';
import { readArchive, type ArchiveResult } from '$lib/domain/archive/read';
import {
	archiveFormat,
	archiveSchemaVersion,
	type AnyArchive,
	type ConferenceArchive
} from '$lib/domain/archive/schema';

type ArchivedThemes = NonNullable<ConferenceArchive['rounds'][number]['themes']>;
import { emptyState } from '$lib/domain/conference/state';
import {
	detailsOf,
	type Conference,
	type Group,
	type Round,
	type RoundSeat
} from '$lib/domain/conference/types';
import type { GlossaryConcept } from '$lib/domain/glossary/types';
import type { SessionState } from '$lib/domain/session/types';
import { entryKey, sortEntries } from '$lib/domain/synthesis/perspective';
import { freshThemeId, type RoundThemes } from '$lib/domain/synthesis/themes';
import type { App } from './app';
import type { DomainError } from '$lib/domain/errors';
import { createOnce, type Result } from './conferences';
import { allocateJoinCode } from './join-codes';
import { log } from './log';
import type { SessionAccess, StoreSet } from './stores';
import { randomToken } from './tokens';

/**
 * A conference's archive on the server: exportConference reads it from the database and
 * importConference writes a checked one as a new conference. The format, its mapping and its
 * checks are pure and live in domain/archive.
 */

/** Every row an archive holds, read in one unit of work so that no change lands half-way. */
function readConference(app: Pick<App, 'stores'>, conferenceId: string) {
	return app.stores.transaction(async (tx) => {
		const conference = await tx.conferences.find(conferenceId);
		if (!conference) return null;
		const rounds = [];
		for (const round of await tx.conferences.rounds(conferenceId)) {
			const groups = await tx.conferences.groups(round.id);
			rounds.push({ round, groups, seats: await tx.conferences.seats(round.id) });
		}
		return {
			conference,
			participants: await tx.conferences.participants(conferenceId),
			rounds,
			programme: await tx.conferences.programme(conferenceId),
			customRoles: await tx.conferences.customRoles(conferenceId),
			glossary: await tx.glossary.read(conferenceId),
			themes: (await tx.conferences.load(conferenceId))?.themes ?? {}
		};
	});
}

/**
 * A round's themes as the archive holds them: groups by their refs, the presented theme by its
 * place, no ids (import makes them from the entries, as the core does). Entries of a group the
 * archive leaves out (an empty one) go, and so does a theme left with none.
 */
function archivedThemes(
	stored: RoundThemes | null,
	groupRefs: ReadonlyMap<string, string>
): ArchivedThemes | null {
	if (!stored) return null;
	const themes = stored.themes.flatMap((theme) => {
		// By ref: the stored order follows group ids, which a copy makes anew.
		const entries = theme.entries
			.flatMap((e) => {
				const group = groupRefs.get(e.groupId);
				return group ? [{ group, item: e.itemId, rank: e.rank, points: e.points }] : [];
			})
			.sort((a, b) => compare(a.group, b.group) || a.rank - b.rank || compare(a.item, b.item));
		return entries.length > 0 ? [{ id: theme.id, heading: theme.heading, entries }] : [];
	});
	const presenting = themes.findIndex((t) => t.id === stored.presenting);
	return {
		confirmedAt: stored.confirmedAt,
		presenting: presenting < 0 ? null : presenting,
		updatedAt: stored.updatedAt,
		themes: themes.map(({ heading, entries }) => ({ heading, entries }))
	};
}

/** The archive's themes of a round with the new group ids; ids made from entries, as the core makes them. */
function importedThemes(
	roundId: string,
	archived: ArchivedThemes,
	groupIds: ReadonlyMap<string, string>
): RoundThemes {
	const taken = new Set<string>();
	const themes = archived.themes.map((theme) => {
		const entries = sortEntries(
			theme.entries.map((e) => ({
				groupId: groupIds.get(e.group)!,
				itemId: e.item,
				rank: e.rank,
				points: e.points
			}))
		);
		const id = freshThemeId(entries.map(entryKey), taken);
		taken.add(id);
		return { id, heading: theme.heading, entries };
	});
	return {
		roundId,
		themes,
		confirmedAt: archived.confirmedAt,
		presenting: archived.presenting === null ? null : (themes[archived.presenting]?.id ?? null),
		updatedAt: archived.updatedAt
	};
}

/** The whole conference as an archive; null when there is no such conference. */
export async function exportConference(
	app: Pick<App, 'stores' | 'sessions'>,
	conferenceId: string
): Promise<ConferenceArchive | null> {
	const stored = await readConference(app, conferenceId);
	if (!stored) return null;
	const { conference, participants } = stored;
	const sessions = new Map<string, SessionState>();
	for (const { groups } of stored.rounds) {
		for (const { sessionId } of groups) {
			const session = sessionId ? await app.sessions.get(sessionId) : null;
			if (session) sessions.set(session.state.id, session.state);
		}
	}

	// Participants in the database's order (name, then id): import hands out ids that keep it.
	const participantRefs = new Map(participants.map((p, i) => [p.id, `p${i + 1}`]));
	const toRef = (id: string) => {
		const ref = participantRefs.get(id);
		if (!ref) throw new Error(`archive: ${id} is not a participant of the conference`);
		return ref;
	};

	const roundRefs = new Map<string, string>();
	const groupRefs = new Map<string, string>();
	const rounds = stored.rounds.map(({ round, groups, seats: allSeats }, r) => {
		const ref = `r${r + 1}`;
		roundRefs.set(round.id, ref);
		const seats = allSeats.filter((s) => participantRefs.has(s.participantId));
		const kept = groups.filter(
			(group) => group.sessionId !== null || seats.some((s) => s.groupId === group.id)
		);
		kept.forEach((group, g) => groupRefs.set(group.id, `${ref}g${g + 1}`));
		return {
			ref,
			title: round.title,
			theme: round.theme,
			rule: round.rule,
			maxGroupSize: round.maxGroupSize,
			questions: [...round.questions],
			plenumSummary: round.plenumSummary,
			startedAt: round.startedAt,
			roles: round.roles,
			instruction: round.instruction ?? '',
			noGroup: seats
				.filter((s) => s.groupId === null)
				.map((s) => toRef(s.participantId))
				.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
			// An empty group is no part of the record, as in the report.
			themes: archivedThemes(stored.themes[round.id] ?? null, groupRefs),
			groups: kept.map((group) => {
				const groupRef = groupRefs.get(group.id)!;
				const session = group.sessionId ? sessions.get(group.sessionId) : undefined;
				// People only the session knows get x1, x2, … in the order they appear.
				const others = new Map<string, string>();
				const person = (id: string) => {
					const known = participantRefs.get(id) ?? others.get(id);
					if (known) return known;
					const ref = `x${others.size + 1}`;
					others.set(id, ref);
					return ref;
				};
				return {
					ref: groupRef,
					key: group.key,
					descriptor: mapDescriptor(group.descriptor),
					customName: group.customName,
					questions: group.questions && [...group.questions],
					leaders: seats
						.filter((s) => s.groupId === group.id && s.leader)
						.map((s) => toRef(s.participantId))
						.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
					members: seats
						.filter((s) => s.groupId === group.id)
						.map((s) => ({ participant: toRef(s.participantId), pinned: s.pinned }))
						.sort((a, b) => Number(a.participant.slice(1)) - Number(b.participant.slice(1))),
					session: session ? archivedSession(session, person) : null
				};
			})
		};
	});
	const ref = (map: Map<string, string>, id: string | null) => (id && map.get(id)) || null;

	return {
		format: archiveFormat,
		schemaVersion: archiveSchemaVersion,
		conference: {
			...detailsOf(conference),
			notice: conference.notice,
			noticeAt: conference.noticeAt,
			currentRound: ref(roundRefs, conference.currentRoundId),
			plenumRound: ref(roundRefs, conference.plenumRoundId),
			plenumGroup: ref(groupRefs, conference.plenumGroupId),
			createdAt: conference.createdAt,
			updatedAt: conference.updatedAt
		},
		// Sorted by every field: items with the same time and title keep one order.
		programme: stored.programme
			.map((item) => ({
				day: item.day,
				start: item.start,
				end: item.end,
				title: item.title,
				kind: item.kind
			}))
			.sort(
				(a, b) =>
					compare(a.day, b.day) ||
					compare(a.start, b.start) ||
					compare(a.end, b.end) ||
					compare(a.title, b.title) ||
					compare(a.kind, b.kind)
			),
		roles: stored.customRoles.map(mapRole),
		participants: participants.map((p) => ({
			ref: toRef(p.id),
			name: p.name,
			country: p.country,
			role: p.role,
			organisation: p.organisation,
			language: p.language,
			coordinator: p.coordinator,
			createdAt: p.createdAt,
			roleDescription: p.roleDescription ?? ''
		})),
		glossary: stored.glossary.map(mapConcept) as ConferenceArchive['glossary'],
		rounds: rounds as ConferenceArchive['rounds']
	};
}

// --- import ---------------------------------------------------------------------------------

/**
 * Fresh ids in ascending order: participants sort by name and then id, so people with the
 * same name keep the order they had in the file (and exporting again gives the same file).
 */
function ascendingIds(count: number): string[] {
	return Array.from({ length: count }, () => randomToken(16)).sort(compare);
}

/**
 * Creates a new conference from a checked archive, in one transaction: every row gets a new
 * id, and codes, links and personal tokens are made anew. Answers with the new conference id.
 */
export async function importConference(
	app: Pick<App, 'stores'>,
	archive: AnyArchive,
	ownerId: string | null,
	now: number = Date.now(),
	commandId: string | null = null
): Promise<Result<string>> {
	const conferenceId = randomToken(16);
	const participantIds = new Map(
		ascendingIds(archive.participants.length).map((id, i) => [archive.participants[i]!.ref, id])
	);
	const roundIds = new Map(archive.rounds.map((r) => [r.ref, randomToken(16)]));
	const groupIds = new Map(
		archive.rounds.flatMap((r) => r.groups.map((g) => [g.ref, randomToken(16)] as const))
	);
	const idOf = (map: Map<string, string>, ref: string | null) => (ref && map.get(ref)) || null;
	const { conference } = archive;

	const sessions: {
		state: SessionState;
		access: Omit<SessionAccess, 'joinCode' | 'conferenceId'>;
	}[] = [];
	const groups: Group[] = [];
	const seats: RoundSeat[] = [];
	const rounds = archive.rounds.map((round, r): Round => {
		const roundId = roundIds.get(round.ref)!;
		const seated = new Set<string>();
		const seat = (ref: string, groupId: string | null, leader: boolean, pinned: boolean) => {
			if (seated.has(ref)) return;
			seated.add(ref);
			seats.push({ roundId, participantId: participantIds.get(ref)!, groupId, leader, pinned });
		};
		round.groups.forEach((group, g) => {
			let sessionId: string | null = null;
			if (group.session) {
				sessionId = randomToken(16);
				// People only the session knew get fresh ids, the same one wherever they appear.
				const others = new Map<string, string>();
				const person = (ref: string) => {
					const known = participantIds.get(ref) ?? others.get(ref);
					if (known) return known;
					const id = randomToken(16);
					others.set(ref, id);
					return id;
				};
				sessions.push({
					state: { id: sessionId, ...sessionFromArchive(group.session, person) },
					access: {
						id: sessionId,
						facilitatorToken: randomToken(24),
						screenToken: randomToken(18)
					}
				});
			}
			const groupId = groupIds.get(group.ref)!;
			groups.push({
				id: groupId,
				roundId,
				key: group.key,
				descriptor: mapDescriptor(group.descriptor),
				customName: group.customName,
				position: g,
				questions: group.questions,
				sessionId
			});
			for (const m of group.members) {
				seat(m.participant, groupId, group.leaders.includes(m.participant), m.pinned);
			}
			// Version 2 could list a leader who was not a member: they lead from a seat of their own.
			for (const ref of group.leaders) seat(ref, groupId, true, true);
		});
		for (const ref of round.noGroup) seat(ref, null, false, true);
		return {
			id: roundId,
			conferenceId,
			position: r + 1,
			title: round.title,
			theme: round.theme,
			rule: round.rule,
			maxGroupSize: round.maxGroupSize,
			questions: round.questions,
			plenumSummary: round.plenumSummary,
			roles: round.roles,
			startedAt: round.startedAt,
			instruction: round.instruction
		};
	});

	const creation = { commandId, ownerId, name: 'conference.import' };
	const made = await app.stores.transaction((tx) =>
		createOnce(tx, creation, now, async () => {
			await store(tx);
			return conferenceId;
		})
	);
	if (!made.ok) return made;
	if (made.value.repeated) return { ok: true, value: made.value.conferenceId };
	log.info('conference.imported', {
		conferenceId,
		participants: archive.participants.length,
		rounds: archive.rounds.length,
		sessions: archive.rounds.reduce(
			(sum, r) => sum + (r.groups as { session: unknown }[]).filter((g) => g.session).length,
			0
		)
	});
	return { ok: true, value: conferenceId };

	/** Every row of the new conference (inside the unit of work above). */
	async function store(tx: StoreSet): Promise<void> {
		const details: Conference = {
			id: conferenceId,
			...detailsOf(conference),
			joinCode: await allocateJoinCode(tx),
			plenumToken: randomToken(18),
			currentRoundId: idOf(roundIds, conference.currentRound),
			notice: conference.notice,
			noticeAt: conference.noticeAt,
			plenumRoundId: idOf(roundIds, conference.plenumRound),
			plenumGroupId: idOf(groupIds, conference.plenumGroup),
			createdAt: conference.createdAt,
			updatedAt: conference.updatedAt
		};
		await tx.conferences.insert(details);
		if (ownerId) await tx.organisers.setTie(conferenceId, ownerId, 'owner', now);
		for (const { state, access } of sessions) {
			const row = { ...access, joinCode: await allocateJoinCode(tx), conferenceId };
			await tx.sessions.create(row, state, now, conferenceId);
		}
		// No command makes a conference whose rounds have already run: the archive's state is
		// stored whole, as one commit from an empty conference (the verb every command commits by).
		await tx.conferences.commit(emptyState(details), {
			conference: details,
			programme: archive.programme.map((item) => ({ id: randomToken(12), ...item })),
			customRoles: archive.roles.map(mapRole),
			participants: archive.participants.map((p) => ({
				id: participantIds.get(p.ref)!,
				conferenceId,
				name: p.name,
				country: p.country,
				role: p.role,
				organisation: p.organisation,
				language: p.language,
				coordinator: p.coordinator,
				personalToken: randomToken(18),
				createdAt: p.createdAt,
				roleDescription: p.roleDescription
			})),
			rounds,
			groups,
			seats,
			history: {},
			themes: Object.fromEntries(
				archive.rounds.flatMap((round) => {
					const themes = 'themes' in round ? (round.themes ?? null) : null;
					if (!themes) return [];
					const roundId = roundIds.get(round.ref)!;
					return [[roundId, importedThemes(roundId, themes, groupIds)]];
				})
			)
		});
		// Imported today: automatic deletion counts from now, not from the archive's dates.
		await tx.conferences.touch(conferenceId, now);
		await tx.glossary.write(
			conferenceId,
			archive.glossary.map((c) => mapConcept(c as GlossaryConcept))
		);
	}
}

/** Reads a file and imports it: the new conference's id, or why nothing was imported. */
export async function importArchive(
	app: Pick<App, 'stores'>,
	file: Uint8Array | string,
	ownerId: string | null,
	{ now = Date.now(), commandId = null }: { now?: number; commandId?: string | null } = {}
): Promise<
	ArchiveResult<{ conferenceId: string; title: string }> | { ok: false; error: DomainError }
> {
	const read = readArchive(file);
	if (!read.ok) return read;
	const imported = await importConference(app, read.value, ownerId, now, commandId);
	if (!imported.ok) return imported;
	return { ok: true, value: { conferenceId: imported.value, title: read.value.conference.title } };
}
