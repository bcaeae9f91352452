/**
 * The store contract: the same cases against every engine. Each engine's test file calls
 * storeContract with how to open a fresh, migrated database, reopen it and close it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '$lib/domain/session/commands';
import type { DeviceBinding } from '$lib/domain/conference/devices';
import type { GroupingEntry } from '$lib/domain/conference/grouping';
import { emptyState, type ConferenceState } from '$lib/domain/conference/state';
import type { Conference, ConferenceParticipant } from '$lib/domain/conference/types';
import type { GlossaryConcept } from '$lib/domain/glossary/types';
import type { RoundThemes } from '$lib/domain/synthesis/themes';
import { SessionSeqConflict, type SessionEvent, type Stores } from '../stores';

/** What the contract needs of an engine. */
export interface StoreHarness {
	/** A fresh, empty, migrated database and its stores. */
	open(): Promise<Stores>;
	/** Closes and reopens the same database: what a store answers then is what it wrote. */
	reopen(): Promise<Stores>;
	/** Inserts a conference "conf" with these participants, bypassing the stores. */
	seedConference(participantIds: string[]): Promise<void>;
	close(): Promise<void>;
}

/** A stand-alone session created in `stores` (one question, Norwegian), answering its access. */
export async function seedSession(stores: Stores, id = 'session-1') {
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

export function storeContract(harness: StoreHarness): void {
	let stores: Stores;
	const reopen = async () => {
		stores = await harness.reopen();
	};
	const seedConference = (ids: string[]) => harness.seedConference(ids);

	beforeEach(async () => {
		stores = await harness.open();
	});

	afterEach(() => harness.close());

	const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

	const newSession = (id?: string) => seedSession(stores, id);

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
			await reopen();
			expect(await stores.settings.read('k')).toBe('two');
			await stores.settings.remove('k');
			expect(await stores.settings.read('k')).toBeNull();
		});
	});

	describe('units of work', () => {
		it('commits every write of a unit together', async () => {
			await seedConference([]);
			const answer = await stores.transaction(async (tx) => {
				await tx.settings.write('a', '1');
				await tx.glossary.write('conf', [concept('c1', 'brukermedvirkning')]);
				return 'done';
			});
			expect(answer).toBe('done');
			await reopen();
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
			await reopen();
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
			await reopen();
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

	describe('session snapshots from a writer that is behind', () => {
		it('never take the session back: a later snapshot and the events after it stay', async () => {
			const access = await newSession();
			for (let seq = 0; seq < 5; seq++)
				await stores.sessions.append(access.id, seq, event(2_000 + seq));
			const start = (await stores.sessions.read(access.id))!.snapshot;
			// One process folded events 1–4 into a snapshot; another, which saw only 1–3, stops.
			await stores.sessions.snapshot(access.id, 4, { ...start, title: 'Gruppe 2003' });
			await stores.sessions.snapshot(access.id, 3, { ...start, title: 'Gruppe 2002' });
			const stored = await stores.sessions.read(access.id);
			expect(stored?.snapshotSeq).toBe(4);
			expect(stored?.snapshot.title).toBe('Gruppe 2003');
			expect(stored?.events.map((e) => e.at)).toEqual([2_004]);
			expect(stored?.seq).toBe(5);
		});
	});

	describe('processed command store', () => {
		it("answers a command's first answer, and forgets one session's answers only", async () => {
			const entry = (scope: string) => ({
				scope,
				name: 'note.add',
				ack: { ok: true, noteId: 'n' }
			});
			await stores.processedCommands.record('a', entry('s:one:f'), 1);
			await stores.processedCommands.record('b', entry('s:one_:f'), 1);
			await stores.processedCommands.record('c', entry('c:one:x'), 1);
			await reopen();
			expect(await stores.processedCommands.find('a')).toEqual(entry('s:one:f'));
			await stores.processedCommands.forgetSession('one');
			expect(await stores.processedCommands.find('a')).toBeNull();
			expect(await stores.processedCommands.find('b')).not.toBeNull();
			await stores.processedCommands.forgetConference('one');
			expect(await stores.processedCommands.find('c')).toBeNull();
		});
	});

	describe('forgetting a session’s processed commands', () => {
		/** Scopes of the session that goes, and of others that look like it in every way a match can slip. */
		const gone = 'Ab_c';
		// The last: compared as UTF-8 bytes, a character past U+FFFF sorts above U+FFFF.
		const own = [`s:${gone}:f`, `s:${gone}:screen`, `s:${gone}:join:d:x`, `s:${gone}:\u{1F600}`];
		const others = [
			`s:${gone.toLowerCase()}:f`, // case (LIKE ignores it)
			's:AbXc:f', // _ as a wildcard (LIKE)
			`s:${gone}d:f`, // an id that starts with this one
			`s:${gone};f`,
			`x:${gone}:f`,
			`s:${gone}`
		];

		it('forgets every command of that session, whatever follows its prefix, and no other', async () => {
			const scopes = [...own, ...others];
			for (const [i, scope] of scopes.entries())
				await stores.processedCommands.record(
					`c${i}`,
					{ scope, name: 'note.add', ack: { ok: true } },
					1
				);
			await stores.sessions.removeStandalone(gone);
			const left: string[] = [];
			for (const [i, scope] of scopes.entries())
				if (await stores.processedCommands.find(`c${i}`)) left.push(scope);
			expect(left.sort()).toEqual([...others].sort());
		});
	});

	describe('glossary store', () => {
		it('replaces a whole glossary and keeps its order', async () => {
			await seedConference([]);
			await stores.glossary.write('conf', [
				concept('b', 'arbeidsgiver'),
				concept('a', 'jobbcoach')
			]);
			await stores.glossary.write('conf', [
				concept('c', 'saksbehandler'),
				concept('b', 'arbeidsgiver')
			]);
			await reopen();
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
			await seedConference(['p1', 'p2']);
			await stores.deviceBindings.insert(binding('b2', 'p1', 20), 'hash-b2');
			await stores.deviceBindings.insert(binding('b1', 'p1', 10), null);
			await stores.deviceBindings.insert(binding('b3', 'p2', 30), null);
			await reopen();
			expect((await stores.deviceBindings.listOf('p1')).map((b) => b.id)).toEqual(['b1', 'b2']);
			expect((await stores.deviceBindings.list('conf')).map((b) => b.id)).toEqual([
				'b1',
				'b2',
				'b3'
			]);
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

	describe('conference store', () => {
		const conference: Conference = {
			id: 'c1',
			title: 'Nordisk dialog',
			subtitle: 'Supported employment',
			venue: 'Sigtuna',
			startDate: '2010-05-06',
			endDate: '2010-05-07',
			about: 'Om konferansen',
			introduction: 'Velkommen',
			organisation: 'NVC',
			author: 'Kari',
			introductionBy: 'Ola',
			language: 'sv',
			languages: ['sv', 'nb', 'fi'],
			joinCode: 'KONF01',
			plenumToken: 'plenum-c1',
			currentRoundId: null,
			notice: '',
			noticeAt: null,
			plenumRoundId: null,
			plenumGroupId: null,
			createdAt: 100,
			updatedAt: 100
		};
		const person = (id: string, name: string): ConferenceParticipant => ({
			id,
			conferenceId: 'c1',
			name,
			country: 'SE',
			role: 'worker',
			organisation: '',
			language: 'sv',
			coordinator: id === 'p2',
			personalToken: `badge-${id}`,
			createdAt: 100,
			roleDescription: ''
		});
		const entry = (actor: string, participantId: string) =>
			({
				actor,
				touched: [participantId],
				inverse: { kind: 'move', participantId },
				undone: false,
				isUndo: false
			}) as unknown as GroupingEntry;
		const empty = emptyState(conference);
		const roundThemes: RoundThemes = {
			roundId: 'r1',
			themes: [
				{
					id: 'g1/q1:c:a',
					heading: 'Fast saksbehandler',
					entries: [
						{ groupId: 'g1', itemId: 'q1:c:a', rank: 1, points: 12 },
						{ groupId: 'g2', itemId: 'q1:n:b', rank: 2, points: 6.5 }
					]
				}
			],
			confirmedAt: null,
			presenting: null,
			updatedAt: 7
		};
		// In the order load() answers: people by name without ASCII case, then id; the rest by position.
		const full: ConferenceState = {
			conference: { ...conference, currentRoundId: 'r1', notice: 'Tilbake 13:30', noticeAt: 5 },
			programme: [
				{
					id: 'i2',
					day: '2010-05-06',
					start: '09:00',
					end: '10:00',
					title: 'Velkomst',
					kind: 'plenary'
				},
				{ id: 'i1', day: '2010-05-06', start: '10:00', end: '', title: 'Grupper', kind: 'group' },
				{ id: 'i3', day: '2010-05-06', start: '19:00', end: '', title: 'Middag', kind: 'social' }
			],
			customRoles: [
				{ id: 'coach', label: { sv: 'Jobbcoach' }, groupLabel: { sv: 'Jobbcoacher' } }
			] as ConferenceState['customRoles'],
			participants: [
				person('p3', 'anna'),
				person('p1', 'Bjørn'),
				person('p2', 'Ola'),
				person('p4', 'åse')
			],
			rounds: [
				{
					id: 'r1',
					conferenceId: 'c1',
					position: 0,
					title: 'Runde 1',
					theme: 'Roller',
					rule: 'role',
					maxGroupSize: 8,
					questions: ['Hva hindrer?'],
					plenumSummary: '',
					roles: { worker: { kind: 'own', groups: 2 } },
					startedAt: null,
					instruction: 'Ta utgangspunkt i'
				}
			],
			groups: [
				{
					id: 'g1',
					roundId: 'r1',
					key: 'mixed:1',
					descriptor: { kind: 'mixed', number: 1 },
					customName: null,
					position: 0,
					questions: null,
					sessionId: null
				},
				{
					id: 'g2',
					roundId: 'r1',
					key: 'mixed:2',
					descriptor: { kind: 'mixed', number: 2 },
					customName: 'Gruppe B',
					position: 1,
					questions: ['Egen fråga'],
					sessionId: null
				}
			] as ConferenceState['groups'],
			seats: [
				{ roundId: 'r1', participantId: 'p1', groupId: 'g1', leader: true, pinned: true },
				{ roundId: 'r1', participantId: 'p2', groupId: 'g2', leader: false, pinned: false },
				{ roundId: 'r1', participantId: 'p3', groupId: null, leader: false, pinned: true }
			],
			history: { r1: [entry('o1', 'p1'), entry('system', 'p2')] },
			themes: { r1: roundThemes }
		};

		it('writes what changed between two states and loads the same state back', async () => {
			await stores.conferences.insert(conference);
			expect(await stores.conferences.load('c1')).toEqual(empty);
			await stores.transaction((tx) => tx.conferences.commit(empty, full));
			await reopen();
			expect(await stores.conferences.load('c1')).toEqual(full);

			const changed: ConferenceState = {
				...full,
				conference: { ...full.conference, title: 'Ny tittel', languages: ['sv'] },
				programme: full.programme.filter((item) => item.id !== 'i3'),
				participants: full.participants
					.filter((p) => p.id !== 'p4')
					.map((p) => (p.id === 'p2' ? { ...p, name: 'Ola N', coordinator: false } : p)),
				groups: full.groups.filter((g) => g.id !== 'g2'),
				seats: [
					{ roundId: 'r1', participantId: 'p1', groupId: 'g1', leader: true, pinned: true },
					{ roundId: 'r1', participantId: 'p3', groupId: 'g1', leader: false, pinned: false }
				],
				history: { r1: [entry('o1', 'p1')] }
			};
			await stores.transaction((tx) => tx.conferences.commit(full, changed));
			expect(await stores.conferences.load('c1')).toEqual(changed);
			expect(await stores.conferences.groupOf('r1', 'p3')).toBe('g1');
			expect(await stores.conferences.groupOf('r1', 'p2')).toBeNull();
			expect((await stores.conferences.groups('r1')).map((g) => g.id)).toEqual(['g1']);
			expect((await stores.conferences.seats('r1')).map((s) => s.participantId)).toEqual([
				'p1',
				'p3'
			]);
			expect((await stores.conferences.participantByToken('badge-p2'))?.name).toBe('Ola N');
			expect(await stores.conferences.participant('other', 'p2')).toBeNull();
			expect((await stores.conferences.customRoles('c1')).map((r) => r.id)).toEqual(['coach']);

			await stores.conferences.forgetGroupingOf('c1', 'p1');
			expect((await stores.conferences.load('c1'))?.history).toEqual({});
		});

		it("keeps a round's confirmed themes, changes them, forgets them, and drops them with the round", async () => {
			await stores.conferences.insert(conference);
			await stores.transaction((tx) => tx.conferences.commit(empty, full));
			const confirmed: ConferenceState = {
				...full,
				themes: {
					r1: {
						...roundThemes,
						themes: [{ ...roundThemes.themes[0]!, heading: 'Én kontaktperson' }],
						confirmedAt: 40,
						presenting: 'g1/q1:c:a',
						updatedAt: 40
					}
				}
			};
			await stores.transaction((tx) => tx.conferences.commit(full, confirmed));
			await reopen();
			expect((await stores.conferences.load('c1'))?.themes).toEqual(confirmed.themes);
			const reset: ConferenceState = { ...confirmed, themes: {} };
			await stores.transaction((tx) => tx.conferences.commit(confirmed, reset));
			expect((await stores.conferences.load('c1'))?.themes).toEqual({});
			await stores.transaction((tx) => tx.conferences.commit(reset, confirmed));
			const gone: ConferenceState = {
				...confirmed,
				rounds: [],
				groups: [],
				seats: [],
				history: {},
				themes: {}
			};
			await stores.transaction((tx) => tx.conferences.commit(confirmed, gone));
			expect(await stores.conferences.load('c1')).toEqual(gone);
		});

		it('finds, lists newest first, and deletes a conference with everything it holds', async () => {
			await stores.conferences.insert(conference);
			await stores.conferences.insert({
				...conference,
				id: 'c2',
				startDate: '2011-01-01',
				joinCode: 'KONF02',
				plenumToken: 'plenum-c2'
			});
			await stores.transaction((tx) => tx.conferences.commit(empty, full));
			expect((await stores.conferences.list()).map((c) => c.id)).toEqual(['c2', 'c1']);
			expect((await stores.conferences.findByCode('KONF01'))?.id).toBe('c1');
			expect((await stores.conferences.findByPlenumToken('plenum-c2'))?.id).toBe('c2');
			expect(await stores.conferences.codeTaken('KONF02')).toBe(true);
			expect(await stores.conferences.codeTaken('KONF03')).toBe(false);
			await stores.conferences.remove('c1');
			expect(await stores.conferences.load('c1')).toBeNull();
			expect(await stores.conferences.participantByToken('badge-p1')).toBeNull();
			expect(await stores.conferences.rounds('c1')).toEqual([]);
		});

		it('counts activity from the latest change or session command, and keeps or postpones on request', async () => {
			await stores.conferences.insert(conference);
			await stores.conferences.touch('c1', 500);
			await stores.conferences.touch('c1', 300);
			const created = createSession(
				{ id: 's1', title: 'G', language: 'sv', questions: [{ id: 'q1', text: 'Q' }] },
				900
			);
			if (!created.ok) throw new Error(created.error.code);
			const access = {
				id: 's1',
				joinCode: 'GRUPP1',
				facilitatorToken: 'f',
				screenToken: 's',
				conferenceId: 'c1'
			};
			await stores.sessions.create(access, created.value, 900, 'c1');
			expect(await stores.conferences.retention()).toEqual([
				{ id: 'c1', title: 'Nordisk dialog', lastActivity: 900, postponedUntil: null, kept: false }
			]);
			expect(await stores.sessions.listConferenceSessionIds('c1')).toEqual(['s1']);
			expect(await stores.sessions.retention()).toEqual([]);
			expect(await stores.conferences.postponeDeletion('c1', 2_000)).toBe(true);
			expect(await stores.conferences.setKept('c1', true)).toBe(true);
			expect(await stores.conferences.setKept('none', true)).toBe(false);
			expect(await stores.conferences.retention()).toMatchObject([
				{ postponedUntil: 2_000, kept: true }
			]);
		});
	});

	describe('organiser store', () => {
		it('keeps accounts, their browser sessions and their ties to conferences', async () => {
			await stores.organisers.insert(
				{ id: 'o1', username: 'kari', displayName: 'Kari', admin: true },
				'hash-1',
				1
			);
			await stores.organisers.insert(
				{ id: 'o2', username: 'ola', displayName: 'Ola' },
				'hash-2',
				2
			);
			await stores.organisers.insertSession('token-1', 'o1', 10, 100);
			await stores.organisers.insertSession('token-2', 'o1', 10, 20);
			await reopen();
			expect(await stores.organisers.count()).toBe(2);
			expect((await stores.organisers.findByUsername('KARI'))?.passwordHash).toBe('hash-1');
			expect((await stores.organisers.findBySession('token-1', 50))?.id).toBe('o1');
			expect(await stores.organisers.findBySession('token-2', 50)).toBeNull();
			expect(await stores.organisers.countSessionsOf('o1', 15)).toBe(2);
			await stores.organisers.removeExpiredSessions(50);
			expect(await stores.organisers.countSessionsOf('o1', 15)).toBe(1);
			expect(await stores.organisers.oldestAdminId()).toBe('o1');

			await seedConference([]);
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
}
