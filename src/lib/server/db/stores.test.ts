import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '$lib/domain/session/commands';
import type { DeviceBinding } from '$lib/domain/conference/devices';
import type { GlossaryConcept } from '$lib/domain/glossary/types';
import { SessionSeqConflict, type SessionEvent, type Stores } from '../stores';
import { migrate, openDatabase, readMigrations, type Db } from './database';
import { createSqliteStores } from './stores';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const migrations = readMigrations(join(root, 'db', 'migrations'));

let dir: string;
let db: Db;
let stores: Stores;

/** A fresh database file on disk, opened and migrated as the app does. */
function open(): void {
	db = openDatabase(join(dir, 'samrad.sqlite'));
	migrate(db, migrations);
	stores = createSqliteStores(db);
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'samrad-stores-'));
	open();
});

afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

/** Closes and reopens the file: what a store answers then is what it wrote to disk. */
function reopen(): void {
	db.close();
	open();
}

/** A conference "conf" with these participants: the rows bindings and ties refer to. */
function seedConference(participantIds: string[]): void {
	db.prepare(
		`INSERT INTO conferences (id, title, language, join_code, plenum_token, created_at, updated_at)
		 VALUES ('conf', 'Sigtuna', 'sv', 'KLMNPQ', 'plenum-token-1234', 1, 1)`
	).run();
	for (const id of participantIds) {
		db.prepare(
			`INSERT INTO conference_participants (id, conference_id, name, country, role, language, personal_token, created_at)
			 VALUES (?, 'conf', ?, 'NO', 'worker', 'nb', ?, 1)`
		).run(id, id, `badge-${id}`);
	}
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

async function newSession(id = 'session-1') {
	const created = createSession(
		{ id, title: 'Gruppe 1', language: 'nb', questions: [{ id: 'q1', text: 'Hva hindrer?' }] },
		1_000
	);
	if (!created.ok) throw new Error(created.error.code);
	const access = {
		id,
		joinCode: 'ABCDEF',
		facilitatorToken: `f-${id}`,
		screenToken: `s-${id}`,
		conferenceId: null
	};
	await stores.sessions.create(access, created.value, 1_000, null);
	return access;
}

const event = (at: number): SessionEvent => ({
	command: { type: 'session.retitle', title: `Gruppe ${at}` },
	actor: { role: 'facilitator' },
	at
});

const concept = (id: string, nb: string): GlossaryConcept =>
	({ id, terms: { nb: [nb] } }) as unknown as GlossaryConcept;

describe('settings store', () => {
	it('keeps, replaces and removes a value on disk', async () => {
		expect(await stores.settings.read('k')).toBeNull();
		await stores.settings.write('k', 'one');
		await stores.settings.write('k', 'two');
		reopen();
		expect(await stores.settings.read('k')).toBe('two');
		await stores.settings.remove('k');
		expect(await stores.settings.read('k')).toBeNull();
	});
});

describe('units of work', () => {
	it('commits every write of a unit together', async () => {
		seedConference([]);
		const answer = await stores.transaction(async (tx) => {
			await tx.settings.write('a', '1');
			await tx.glossary.write('conf', [concept('c1', 'brukermedvirkning')]);
			return 'done';
		});
		expect(answer).toBe('done');
		reopen();
		expect(await stores.settings.read('a')).toBe('1');
		expect((await stores.glossary.read('conf')).map((c) => c.id)).toEqual(['c1']);
	});

	it('rolls back every write of a unit that throws, and passes the error on', async () => {
		await stores.settings.write('a', 'before');
		const failing = stores.transaction(async (tx) => {
			await tx.settings.write('a', 'during');
			await tx.settings.write('b', 'during');
			await tick();
			throw new Error('refused halfway');
		});
		await expect(failing).rejects.toThrow('refused halfway');
		reopen();
		expect(await stores.settings.read('a')).toBe('before');
		expect(await stores.settings.read('b')).toBeNull();
	});

	it('never interleaves two units, even when the first waits on I/O', async () => {
		const order: string[] = [];
		const first = stores.transaction(async (tx) => {
			order.push('first:start');
			await tx.settings.write('n', '1');
			await tick();
			order.push('first:end');
		});
		const second = stores.transaction(async (tx) => {
			order.push('second:start');
			const seen = await tx.settings.read('n');
			await tx.settings.write('n', `${Number(seen) + 1}`);
			order.push('second:end');
		});
		await Promise.all([first, second]);
		expect(order).toEqual(['first:start', 'first:end', 'second:start', 'second:end']);
		expect(await stores.settings.read('n')).toBe('2');
	});

	it('lets a call outside the unit see only what is committed, never the open unit', async () => {
		await stores.settings.write('a', 'committed');
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const unit = stores.transaction(async (tx) => {
			await tx.settings.write('a', 'uncommitted');
			await held;
			throw new Error('rolled back');
		});
		await tick();
		const read = stores.settings.read('a');
		release();
		await expect(unit).rejects.toThrow('rolled back');
		expect(await read).toBe('committed');
	});

	it('starts the next unit after one that threw', async () => {
		await expect(
			stores.transaction(async () => {
				throw new Error('no');
			})
		).rejects.toThrow('no');
		await stores.transaction((tx) => tx.settings.write('after', 'yes'));
		expect(await stores.settings.read('after')).toBe('yes');
	});
});

describe('session store', () => {
	it('appends events in order and reads them back after the snapshot', async () => {
		const access = await newSession();
		await stores.sessions.append(access.id, 0, event(2_000));
		await stores.sessions.append(access.id, 1, event(3_000));
		reopen();
		const stored = await stores.sessions.read(access.id);
		expect(stored?.seq).toBe(2);
		expect(stored?.events.map((e) => e.at)).toEqual([2_000, 3_000]);
		expect(await stores.sessions.findByCode('ABCDEF')).toEqual(access);
		expect(await stores.sessions.findByFacilitatorToken(access.facilitatorToken)).toEqual(access);
	});

	it('refuses an append from a writer whose sequence number is stale, and keeps the first', async () => {
		const access = await newSession();
		// Two writers both read the session at event 0; the first appends.
		await stores.sessions.append(access.id, 0, event(2_000));
		const late = stores.sessions.append(access.id, 0, event(2_500));
		await expect(late).rejects.toBeInstanceOf(SessionSeqConflict);
		await expect(late).rejects.toMatchObject({ sessionId: access.id, expectedSeq: 0 });
		// Ahead of the session is refused too: no gap in the sequence.
		await expect(stores.sessions.append(access.id, 5, event(2_600))).rejects.toBeInstanceOf(
			SessionSeqConflict
		);
		const stored = await stores.sessions.read(access.id);
		expect(stored?.seq).toBe(1);
		expect(stored?.events.map((e) => e.at)).toEqual([2_000]);
	});

	it('rolls back a command whose append conflicts, with the answer stored in the same unit', async () => {
		const access = await newSession();
		await stores.sessions.append(access.id, 0, event(2_000));
		const stale = stores.transaction(async (tx) => {
			await tx.processedCommands.record(
				'cmd-1',
				{ scope: `s:${access.id}:f`, name: 'session.retitle', ack: { ok: true } },
				2_500
			);
			await tx.sessions.append(access.id, 0, event(2_500));
		});
		await expect(stale).rejects.toBeInstanceOf(SessionSeqConflict);
		expect(await stores.processedCommands.find('cmd-1')).toBeNull();
		expect((await stores.sessions.read(access.id))?.seq).toBe(1);
	});

	it('snapshots: the state as of a sequence number, and only the events after it', async () => {
		const access = await newSession();
		await stores.sessions.append(access.id, 0, event(2_000));
		await stores.sessions.append(access.id, 1, event(3_000));
		const before = await stores.sessions.read(access.id);
		await stores.sessions.snapshot(access.id, 1, { ...before!.snapshot, title: 'Gruppe 2000' });
		const after = await stores.sessions.read(access.id);
		expect(after?.snapshotSeq).toBe(1);
		expect(after?.snapshot.title).toBe('Gruppe 2000');
		expect(after?.events.map((e) => e.at)).toEqual([3_000]);
		expect(await stores.sessions.listIds()).toEqual([access.id]);
	});
});

describe('processed command store', () => {
	it("answers a command's first answer, and forgets one session's answers only", async () => {
		const entry = (scope: string) => ({ scope, name: 'note.add', ack: { ok: true, noteId: 'n' } });
		await stores.processedCommands.record('a', entry('s:one:f'), 1);
		await stores.processedCommands.record('b', entry('s:one_:f'), 1);
		await stores.processedCommands.record('c', entry('c:one:x'), 1);
		reopen();
		expect(await stores.processedCommands.find('a')).toEqual(entry('s:one:f'));
		await stores.processedCommands.forgetSession('one');
		expect(await stores.processedCommands.find('a')).toBeNull();
		expect(await stores.processedCommands.find('b')).not.toBeNull();
		await stores.processedCommands.forgetConference('one');
		expect(await stores.processedCommands.find('c')).toBeNull();
	});
});

describe('glossary store', () => {
	it('replaces a whole glossary and keeps its order', async () => {
		seedConference([]);
		await stores.glossary.write('conf', [concept('b', 'arbeidsgiver'), concept('a', 'jobbcoach')]);
		await stores.glossary.write('conf', [
			concept('c', 'saksbehandler'),
			concept('b', 'arbeidsgiver')
		]);
		reopen();
		expect((await stores.glossary.read('conf')).map((c) => c.id)).toEqual(['c', 'b']);
		expect(await stores.glossary.read('other')).toEqual([]);
	});
});

describe('device binding store', () => {
	const binding = (id: string, participantId: string, createdAt: number): DeviceBinding => ({
		id,
		conferenceId: 'conf',
		participantId,
		deviceHash: `device-${id}`,
		kind: 'roster',
		status: 'pending',
		device: 'Firefox, Android',
		checkCode: '0042',
		createdAt,
		lastSeenAt: createdAt
	});

	it('stores, finds, lists, updates and removes bindings', async () => {
		seedConference(['p1', 'p2']);
		await stores.deviceBindings.insert(binding('b2', 'p1', 20), 'hash-b2');
		await stores.deviceBindings.insert(binding('b1', 'p1', 10), null);
		await stores.deviceBindings.insert(binding('b3', 'p2', 30), null);
		reopen();
		expect((await stores.deviceBindings.listOf('p1')).map((b) => b.id)).toEqual(['b1', 'b2']);
		expect((await stores.deviceBindings.list('conf')).map((b) => b.id)).toEqual(['b1', 'b2', 'b3']);
		expect((await stores.deviceBindings.findByToken('hash-b2'))?.id).toBe('b2');
		expect((await stores.deviceBindings.findOfDevice('p2', 'device-b3'))?.id).toBe('b3');
		await stores.deviceBindings.update({ ...binding('b2', 'p1', 20), status: 'active' });
		await stores.deviceBindings.replaceToken('b2', 'hash-new', 40);
		expect(await stores.deviceBindings.findByToken('hash-b2')).toBeNull();
		expect(await stores.deviceBindings.find('conf', 'b2')).toMatchObject({
			status: 'active',
			lastSeenAt: 40
		});
		await stores.deviceBindings.touch('b1', 50);
		expect((await stores.deviceBindings.find('conf', 'b1'))?.lastSeenAt).toBe(50);
		expect(await stores.deviceBindings.remove('other', 'b1')).toBe(false);
		expect(await stores.deviceBindings.remove('conf', 'b1')).toBe(true);
		expect(await stores.deviceBindings.find('conf', 'b1')).toBeNull();
	});
});

describe('organiser store', () => {
	it('keeps accounts, their browser sessions and their ties to conferences', async () => {
		await stores.organisers.insert(
			{ id: 'o1', username: 'kari', displayName: 'Kari', admin: true },
			'hash-1',
			1
		);
		await stores.organisers.insert({ id: 'o2', username: 'ola', displayName: 'Ola' }, 'hash-2', 2);
		await stores.organisers.insertSession('token-1', 'o1', 10, 100);
		await stores.organisers.insertSession('token-2', 'o1', 10, 20);
		reopen();
		expect(await stores.organisers.count()).toBe(2);
		expect((await stores.organisers.findByUsername('KARI'))?.passwordHash).toBe('hash-1');
		expect((await stores.organisers.findBySession('token-1', 50))?.id).toBe('o1');
		expect(await stores.organisers.findBySession('token-2', 50)).toBeNull();
		expect(await stores.organisers.countSessionsOf('o1', 15)).toBe(2);
		await stores.organisers.removeExpiredSessions(50);
		expect(await stores.organisers.countSessionsOf('o1', 15)).toBe(1);
		expect(await stores.organisers.oldestAdminId()).toBe('o1');

		seedConference([]);
		await stores.organisers.setTie('conf', 'o1', 'owner', 1);
		await stores.organisers.setTie('conf', 'o2', 'co_organiser', 2);
		expect((await stores.organisers.conferenceOrganisers('conf')).map((o) => o.tie)).toEqual([
			'owner',
			'co_organiser'
		]);
		expect(await stores.organisers.tie('conf', 'o2')).toBe('co_organiser');
		expect(await stores.organisers.removeCoOrganiser('conf', 'o1')).toBe(false);
		expect(await stores.organisers.removeCoOrganiser('conf', 'o2')).toBe(true);
		expect([...(await stores.organisers.conferenceIdsOf('o1'))]).toEqual(['conf']);
		expect(await stores.organisers.summaries(15)).toMatchObject([
			{ id: 'o1', sessions: 1, owns: 1 },
			{ id: 'o2', sessions: 0, owns: 0 }
		]);
	});
});
