import type { StoreSet, Stores } from '../stores';
import { schemaVersion, type Db } from './database';
import {
	deleteBinding,
	findBinding,
	findBindingByToken,
	findBindingOfDevice,
	insertBinding,
	listBindings,
	listBindingsOf,
	replaceBindingToken,
	touchBinding,
	updateBinding
} from './device-bindings';
import {
	commitConferenceState,
	conferenceCodeTaken,
	deleteConference,
	findConference,
	findConferenceByCode,
	findConferenceByPlenumToken,
	insertConference,
	listConferences,
	listCustomRoles,
	listProgramme,
	loadConferenceState
} from './conferences';
import { truncateWal } from './erasure';
import { readGlossary, writeGlossary } from './glossary';
import { findParticipant, findParticipantByToken, listParticipants } from './participants';
import {
	deleteStandaloneSession,
	listConferenceRetention,
	listSessionRetention,
	postponeConferenceDeletion,
	setConferenceKept,
	touchConference
} from './retention';
import { forgetGroupingOf, groupOf, listGroups, listRounds, listSeats } from './rounds';
import { lastActivity } from './session-activity';
import {
	conferenceIdsOf,
	conferenceTie,
	countOrganisers,
	countSessionsOf,
	deleteExpiredOrganiserSessions,
	deleteOrganiserRow,
	deleteOrganiserSession,
	deleteSessionsOf,
	findOrganiser,
	findOrganiserBySession,
	findOrganiserByUsername,
	firstCoOrganiser,
	insertOrganiser,
	insertOrganiserSession,
	listConferenceOrganisers,
	listOrganisers,
	listOrganiserSummaries,
	oldestAdminId,
	ownedConferenceIds,
	ownerlessConferenceIds,
	passwordHashOf,
	removeCoOrganiser,
	setConferenceTie,
	setDisabled,
	updatePasswordHash
} from './organisers';
import {
	findProcessed,
	forgetConferenceCommands,
	forgetSessionCommands,
	recordProcessed
} from './processed-commands';
import {
	appendSessionEvent,
	createSessionRow,
	findSessionByCode,
	findSessionByFacilitatorToken,
	findSessionById,
	findSessionByScreenToken,
	joinCodeTaken,
	listConferenceSessionIds,
	listSessionIds,
	lockSessionOfOnlyWriter,
	readSession,
	snapshotSession
} from './sessions';
import { claimSetting, deleteSetting, readSetting, writeSetting } from './settings';

/** Runs one synchronous SQLite operation and answers its result as a promise. */
type Run = <T>(operation: () => T) => Promise<T>;

type Verb = (db: Db, ...args: never[]) => unknown;
type Bound<V extends Record<string, Verb>> = {
	[K in keyof V]: V[K] extends (db: Db, ...args: infer A) => infer R
		? (...args: A) => Promise<R>
		: never;
};

/** The db module's verbs, each with the connection filled in and run through `run`. */
function bind<V extends Record<string, Verb>>(db: Db, run: Run, verbs: V): Bound<V> {
	return Object.fromEntries(
		Object.entries(verbs).map(([name, verb]) => [
			name,
			(...args: never[]) => run(() => verb(db, ...args))
		])
	) as Bound<V>;
}

/** Every store over one connection; each is the db module's verbs under the interface's names. */
function storeSet(db: Db, run: Run): StoreSet {
	return {
		settings: bind(db, run, {
			read: readSetting,
			write: writeSetting,
			claim: claimSetting,
			remove: deleteSetting
		}),
		deviceBindings: bind(db, run, {
			insert: insertBinding,
			update: updateBinding,
			replaceToken: replaceBindingToken,
			touch: touchBinding,
			remove: deleteBinding,
			find: findBinding,
			findByToken: findBindingByToken,
			findOfDevice: findBindingOfDevice,
			listOf: listBindingsOf,
			list: listBindings
		}),
		processedCommands: bind(db, run, {
			find: findProcessed,
			record: recordProcessed,
			forgetSession: forgetSessionCommands,
			forgetConference: forgetConferenceCommands
		}),
		glossary: bind(db, run, { read: readGlossary, write: writeGlossary }),
		organisers: bind(db, run, {
			count: countOrganisers,
			insert: insertOrganiser,
			findByUsername: findOrganiserByUsername,
			find: findOrganiser,
			passwordHashOf,
			list: listOrganisers,
			summaries: listOrganiserSummaries,
			updatePasswordHash,
			setDisabled,
			remove: deleteOrganiserRow,
			insertSession: insertOrganiserSession,
			findBySession: findOrganiserBySession,
			removeSession: deleteOrganiserSession,
			removeSessionsOf: deleteSessionsOf,
			removeExpiredSessions: deleteExpiredOrganiserSessions,
			countSessionsOf,
			tie: conferenceTie,
			conferenceOrganisers: listConferenceOrganisers,
			conferenceIdsOf,
			ownedConferenceIds,
			setTie: setConferenceTie,
			removeCoOrganiser,
			firstCoOrganiser,
			ownerlessConferenceIds,
			oldestAdminId
		}),
		sessions: bind(db, run, {
			create: createSessionRow,
			read: readSession,
			lock: lockSessionOfOnlyWriter,
			append: appendSessionEvent,
			snapshot: snapshotSession,
			findById: findSessionById,
			findByCode: findSessionByCode,
			findByFacilitatorToken: findSessionByFacilitatorToken,
			findByScreenToken: findSessionByScreenToken,
			listIds: listSessionIds,
			listConferenceSessionIds,
			codeTaken: joinCodeTaken,
			lastActivity,
			retention: listSessionRetention,
			removeStandalone: deleteStandaloneSession
		}),
		conferences: bind(db, run, {
			insert: insertConference,
			find: findConference,
			findByCode: findConferenceByCode,
			findByPlenumToken: findConferenceByPlenumToken,
			codeTaken: conferenceCodeTaken,
			list: listConferences,
			remove: deleteConference,
			programme: listProgramme,
			customRoles: listCustomRoles,
			load: loadConferenceState,
			commit: commitConferenceState,
			participants: listParticipants,
			participant: findParticipant,
			participantByToken: findParticipantByToken,
			rounds: listRounds,
			groups: listGroups,
			seats: listSeats,
			groupOf,
			forgetGroupingOf,
			touch: touchConference,
			retention: listConferenceRetention,
			postponeDeletion: postponeConferenceDeletion,
			setKept: setConferenceKept
		})
	};
}

/**
 * The stores on one better-sqlite3 connection. The driver is synchronous and has one
 * transaction per connection, so an async unit of work must own it alone: units are serialised
 * (each waits for the one before), and a store call outside any unit waits for the open one, so
 * it never lands in, or reads from, another caller's uncommitted transaction. Nothing outside
 * `src/lib/server/db` writes on the raw connection (a lint rule keeps it so): a raw write
 * between a unit's awaits would commit or roll back with that unit.
 */
export function createSqliteStores(db: Db): Stores {
	let open: Promise<void> | null = null;
	// Units wait in line, each for the one before only: a burst of commands wakes one at a time.
	let queue: Promise<unknown> = Promise.resolve();
	// Checked again right after each wake-up, with no await before the caller goes on.
	const outside: Run = async (operation) => {
		while (open) await open;
		return operation();
	};
	const inside: Run = async (operation) => operation();
	// Prepared once: a unit per command is the hot path.
	const begin = db.prepare('BEGIN IMMEDIATE');
	const commit = db.prepare('COMMIT');
	const rollback = db.prepare('ROLLBACK');
	const unit = storeSet(db, inside);
	const runUnit = async <T>(work: (tx: StoreSet) => Promise<T>): Promise<T> => {
		while (open) await open;
		let close!: () => void;
		open = new Promise((resolve) => (close = resolve));
		begin.run();
		try {
			const result = await work(unit);
			commit.run();
			return result;
		} catch (error) {
			if (db.inTransaction) rollback.run();
			throw error;
		} finally {
			open = null;
			close();
		}
	};
	return {
		...storeSet(db, outside),
		transaction(work) {
			const run = queue.then(() => runUnit(work));
			queue = run.catch(() => undefined);
			return run;
		},
		schemaVersion: () => outside(() => schemaVersion(db)),
		erase: () => outside(() => truncateWal(db)),
		// One process per SQLite file (its lock file): nobody else can be running the work.
		alone: (_name, work) => work()
	};
}
