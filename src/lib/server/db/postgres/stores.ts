import { describeError, log } from '../../log';
import type pg from 'pg';
import type { StoreSet, Stores } from '../../stores';
import * as conferences from './conferences';
import * as bindings from './device-bindings';
import { postgresSchemaVersion } from './migrate';
import * as organisers from './organisers';
import type { Pg } from './pool';
import * as sessions from './sessions';
import * as settings from './settings';

type Verb = (q: Pg, ...args: never[]) => Promise<unknown>;
type Bound<V extends Record<string, Verb>> = {
	[K in keyof V]: V[K] extends (q: Pg, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/** The verbs with the connection (pool or one transaction's client) filled in. */
function bind<V extends Record<string, Verb>>(q: Pg, verbs: V): Bound<V> {
	return Object.fromEntries(
		Object.entries(verbs).map(([name, verb]) => [name, (...args: never[]) => verb(q, ...args)])
	) as Bound<V>;
}

/** Every store on one connection (a unit's client: `inUnit`), under the interface's names. */
function storeSet(q: Pg, inUnit = false): StoreSet {
	return {
		settings: bind(q, {
			read: settings.readSetting,
			write: settings.writeSetting,
			claim: settings.claimSetting,
			remove: settings.deleteSetting
		}),
		deviceBindings: bind(q, {
			insert: bindings.insertBinding,
			update: bindings.updateBinding,
			replaceToken: bindings.replaceBindingToken,
			touch: bindings.touchBinding,
			remove: bindings.deleteBinding,
			find: bindings.findBinding,
			findByToken: bindings.findBindingByToken,
			findOfDevice: bindings.findBindingOfDevice,
			listOf: bindings.listBindingsOf,
			list: bindings.listBindings
		}),
		processedCommands: bind(q, {
			find: sessions.findProcessed,
			record: sessions.recordProcessed,
			forgetSession: sessions.forgetSessionCommands,
			forgetConference: sessions.forgetConferenceCommands
		}),
		glossary: bind(q, { read: conferences.readGlossary, write: conferences.writeGlossary }),
		organisers: bind(q, {
			count: organisers.countOrganisers,
			insert: organisers.insertOrganiser,
			findByUsername: organisers.findOrganiserByUsername,
			find: organisers.findOrganiser,
			passwordHashOf: organisers.passwordHashOf,
			list: organisers.listOrganisers,
			summaries: organisers.listOrganiserSummaries,
			updatePasswordHash: organisers.updatePasswordHash,
			setDisabled: organisers.setDisabled,
			remove: organisers.deleteOrganiserRow,
			insertSession: organisers.insertOrganiserSession,
			findBySession: organisers.findOrganiserBySession,
			removeSession: organisers.deleteOrganiserSession,
			removeSessionsOf: organisers.deleteSessionsOf,
			removeExpiredSessions: organisers.deleteExpiredOrganiserSessions,
			countSessionsOf: organisers.countSessionsOf,
			tie: organisers.conferenceTie,
			conferenceOrganisers: organisers.listConferenceOrganisers,
			conferenceIdsOf: organisers.conferenceIdsOf,
			ownedConferenceIds: organisers.ownedConferenceIds,
			setTie: organisers.setConferenceTie,
			removeCoOrganiser: organisers.removeCoOrganiser,
			firstCoOrganiser: organisers.firstCoOrganiser,
			ownerlessConferenceIds: organisers.ownerlessConferenceIds,
			oldestAdminId: organisers.oldestAdminId
		}),
		sessions: bind(q, {
			create: sessions.createSessionRow,
			read: sessions.readSession,
			lock: sessions.lockSession,
			append: sessions.appendSessionEvent,
			snapshot: sessions.snapshotSession,
			findById: sessions.findSessionById,
			findByCode: sessions.findSessionByCode,
			findByFacilitatorToken: sessions.findSessionByFacilitatorToken,
			findByScreenToken: sessions.findSessionByScreenToken,
			listIds: sessions.listSessionIds,
			listConferenceSessionIds: sessions.listConferenceSessionIds,
			codeTaken: sessions.joinCodeTaken,
			lastActivity: sessions.lastActivity,
			retention: sessions.listSessionRetention,
			removeStandalone: sessions.deleteStandaloneSession
		}),
		conferences: bind(q, {
			insert: conferences.insertConference,
			find: conferences.findConference,
			findByCode: conferences.findConferenceByCode,
			findByPlenumToken: conferences.findConferenceByPlenumToken,
			codeTaken: conferences.conferenceCodeTaken,
			list: conferences.listConferences,
			remove: conferences.deleteConference,
			programme: conferences.listProgramme,
			customRoles: conferences.listCustomRoles,
			load: inUnit ? conferences.loadConferenceStateForUpdate : conferences.loadConferenceState,
			commit: conferences.commitConferenceState,
			participants: conferences.listParticipants,
			participant: conferences.findParticipant,
			participantByToken: conferences.findParticipantByToken,
			rounds: conferences.listRounds,
			groups: conferences.listGroups,
			seats: conferences.listSeats,
			groupOf: conferences.groupOf,
			forgetGroupingOf: conferences.forgetGroupingOf,
			touch: conferences.touchConference,
			retention: conferences.listConferenceRetention,
			postponeDeletion: conferences.postponeConferenceDeletion,
			setKept: conferences.setConferenceKept
		})
	};
}

/** Tables that hold what people wrote or who they are: VACUUMed after a deletion. */
const erasedTables = [
	'sessions',
	'session_snapshots',
	'session_events',
	'processed_commands',
	'conferences',
	'conference_participants',
	'programme_items',
	'rounds',
	'groups',
	'seats',
	'grouping_history',
	'glossary_entries',
	'device_bindings',
	'organisers',
	'organiser_sessions',
	'conference_organisers'
];

/**
 * Longest a unit may take from its call to its answer, its wait for this process's earlier
 * units included (a stuck one holds them all), and longest any one statement of it runs, a row
 * lock waited for included (another process's unit that stopped midway holds its rows). Past
 * either the caller gets UnitTimedOut (the command is answered "unavailable"); a unit given up
 * before its turn never runs, and a repeat of the command with its id is decided as usual.
 */
export const unitTimeoutMs = 20_000;
export const unitStatementTimeoutMs = 10_000;

/** A unit that waited too long: for the units before it, for PostgreSQL, or in all. */
export class UnitTimedOut extends Error {
	override readonly name = 'UnitTimedOut';
	constructor(readonly waitedFor: 'queue' | 'unit' | 'statement') {
		super(`a unit of work waited too long (${waitedFor})`);
	}
}

/** Runs of a unit that lost a race before its error reaches the caller. */
const unitAttempts = 5;

/**
 * Whether a unit failed only because another process's unit ran alongside, so that running it
 * again on fresh rows decides it: a deadlock, a serialization failure, or a command id another
 * process recorded first (the repeat then finds that answer).
 */
function lostRace(error: unknown): boolean {
	const { code, constraint } = error as { code?: unknown; constraint?: unknown };
	return (
		code === '40P01' ||
		code === '40001' ||
		(code === '23505' && constraint === 'processed_commands_pkey')
	);
}

/**
 * The stores on a PostgreSQL pool. A unit of work runs on one checked-out client inside
 * BEGIN … COMMIT; this process's units run one at a time, as on SQLite, so the service layer
 * sees the same order. Other processes' units run alongside: the sessions' seq check with the
 * (session_id, seq) key refuses a second seq + 1 (SessionSeqConflict), and the processed
 * commands' primary key refuses a second answer to one command id, and a unit that loads a
 * conference holds its row until it ends. A unit that lost a race (lostRace) is rolled back and
 * run again, a few times at most. Calls outside a unit run on any pooled connection and see
 * only committed rows.
 */
export function createPostgresStores(pool: pg.Pool): Stores {
	let queue: Promise<unknown> = Promise.resolve();
	const runUnit = async <T>(work: (tx: StoreSet) => Promise<T>): Promise<T> => {
		const client = await pool.connect();
		// A connection that failed mid-unit is closed, never handed to the next unit.
		let broken: Error | undefined;
		try {
			// One round trip: the bound holds for this unit's statements only (not for VACUUM).
			await client.query(`BEGIN; SET LOCAL statement_timeout = ${unitStatementTimeoutMs}`);
			try {
				const result = await work(storeSet(client, true));
				await client.query('COMMIT');
				return result;
			} catch (error) {
				await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
				throw error;
			}
		} finally {
			client.release(broken);
		}
	};
	const runUnitUntilDecided = async <T>(work: (tx: StoreSet) => Promise<T>): Promise<T> => {
		for (let attempt = 1; ; attempt++) {
			try {
				return await runUnit(work);
			} catch (error) {
				if (!lostRace(error) || attempt >= unitAttempts) throw error;
				const { code } = error as { code: string };
				log.warn('pg.unit_retried', { code, attempt });
				// A short random pause, so that two units that deadlocked do not meet again.
				await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
			}
		}
	};
	let erasing: Promise<boolean> | null = null;
	let nextErase: Promise<boolean> | null = null;
	const vacuum = async (): Promise<boolean> => {
		// The one that waited is the running one now; calls from here on wait for a later one.
		if (nextErase) [erasing, nextErase] = [nextErase, null];
		try {
			await pool.query(`VACUUM ${erasedTables.join(', ')}`);
			return true;
		} finally {
			if (!nextErase) erasing = null;
		}
	};
	return {
		...storeSet(pool),
		transaction(work) {
			let started = false;
			let timedOut = false;
			const turn = queue;
			const run = new Promise<Awaited<ReturnType<typeof work>>>((resolve, reject) => {
				const timer = setTimeout(() => {
					timedOut = true;
					const waitedFor = started ? 'unit' : 'queue';
					log.warn('pg.unit_timed_out', { waitedFor, ms: unitTimeoutMs });
					reject(new UnitTimedOut(waitedFor));
				}, unitTimeoutMs);
				timer.unref();
				void turn.then(async () => {
					// Already answered "unavailable" before its turn: it must not commit after that.
					if (timedOut) return;
					started = true;
					try {
						resolve(await runUnitUntilDecided(work));
					} catch (error) {
						if ((error as { code?: unknown }).code === '57014' && !timedOut) {
							log.warn('pg.unit_timed_out', {
								waitedFor: 'statement',
								ms: unitStatementTimeoutMs,
								error: describeError(error)
							});
							reject(new UnitTimedOut('statement'));
						} else reject(error);
					} finally {
						clearTimeout(timer);
					}
					return undefined;
				});
			});
			// The next unit starts once this one has run, or was given up before its turn.
			const settled = run.then(
				() => undefined,
				() => undefined
			);
			queue = turn.then(() => (timedOut && !started ? undefined : settled));
			return run;
		},
		schemaVersion: () => postgresSchemaVersion(pool),
		/**
		 * PostgreSQL has no secure_delete: a deleted row stays in its table's pages until VACUUM
		 * marks the space free, and its bytes until the page is reused. VACUUM is what can be done
		 * here. What remains, beyond this process's reach: the WAL segments (until recycled), WAL
		 * archives and base backups (until they expire) and replicas' copies of the same.
		 */
		erase() {
			// One VACUUM at a time, and every caller waits for one that starts after its call: two
			// would queue on each other's table locks (VACUUM conflicts with VACUUM), so a vote
			// closing in many groups at once made each answer wait for a chain of them.
			if (erasing) return (nextErase ??= erasing.then(vacuum, vacuum));
			return (erasing = vacuum());
		},
		// A session-level advisory lock, on one connection for the whole work, released after it.
		async alone(name, work) {
			const client = await pool.connect();
			const key = `samrad:${name}`;
			try {
				const { rows } = await client.query<{ locked: boolean }>(
					'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
					[key]
				);
				if (!rows[0]?.locked) return null;
				try {
					return await work();
				} finally {
					await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
				}
			} finally {
				client.release();
			}
		}
	};
}
