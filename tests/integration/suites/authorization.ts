/**
 * The authorisation matrix: every command in the contract, sent by every kind of socket, in
 * every phase of the question, over real sockets. The expected answer of each cell comes from
 * one table written out below (it mirrors the core's `permissions` and the phase transitions);
 * the server must agree cell by cell. A refused command changes nothing: the session's event
 * count and what a freshly connected console sees stay the same. An allowed command is applied
 * exactly once, in a fresh session prepared to that phase through the socket API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conferencePermissions } from '$lib/domain/conference/commands';
import { createOrganiser, startOrganiserSession } from '$lib/server/auth';
import type { ErrorCode } from '$lib/domain/errors';
import { phases, type Phase } from '$lib/domain/session/phases';
import { fixedT } from '$lib/i18n';
import {
	commandNames,
	commandSchemas,
	type Ack,
	type CommandName,
	type ViewEnvelope
} from '$lib/realtime/contract';
import type { CreatedSession } from '$lib/server/http/new-session';
import { connect, newId, type TestClient } from '../helpers/client';
import { seedConference, type SeededConference } from '../helpers/conference';
import { startOn, withStoreApp, type Engine, type Store } from '../helpers/engine';
import { formAction } from '../helpers/organiser-http';
import type { TestServer } from '../helpers/server';
import { connectConsole, createSession, joinPhone, type Phone } from '../helpers/session';

/** Who sends: the kinds of socket that exist. */
const roles = [
	'participant',
	'participant of another session',
	'screen',
	'facilitator',
	'organiser',
	'anonymous'
] as const;
type Role = (typeof roles)[number];

type Rule = 'any' | readonly Phase[];

/**
 * The product rules, written out once: in which phases of the question it names each role may
 * send each command ('any': the phase does not matter; absent: never). This mirrors the core's
 * `permissions` table and the phase transitions; participant.join is decided by the join code
 * (see `expectation`).
 */
const rules: Record<CommandName, { participant?: Rule; facilitator?: Rule }> = {
	'session.configure': { facilitator: 'any' },
	'session.retitle': { facilitator: 'any' },
	'session.reflect': { facilitator: 'any' },
	'question.add': { facilitator: 'any' },
	'question.edit': { facilitator: 'any' },
	'question.select': { facilitator: 'any' },
	'phase.advance': { facilitator: 'any' },
	// The lobby has no phase before it.
	'phase.back': { facilitator: phases.filter((p) => p !== 'lobby') },
	'timer.start': { facilitator: 'any' },
	'timer.pause': { facilitator: 'any' },
	'timer.resume': { facilitator: 'any' },
	'timer.add': { facilitator: 'any' },
	'timer.clear': { facilitator: 'any' },
	'participant.join': {},
	'participant.add': { facilitator: 'any' },
	'participant.rename': { participant: 'any', facilitator: 'any' },
	'participant.remove': { facilitator: 'any' },
	'participant.leave': { participant: 'any' },
	// Participants write privately; the facilitator also adds notes for people once the reveal began.
	'note.add': { participant: ['write'], facilitator: ['write', 'reveal', 'clarify', 'discuss'] },
	'note.edit': { participant: ['write'], facilitator: ['write', 'reveal', 'clarify', 'discuss'] },
	'note.delete': { participant: ['write'], facilitator: ['write'] },
	'reveal.next': { participant: ['reveal'], facilitator: ['reveal'] },
	'reveal.pass': { participant: ['reveal'], facilitator: ['reveal'] },
	'reveal.all': { facilitator: ['reveal'] },
	'cluster.create': { facilitator: ['clarify', 'discuss'] },
	'cluster.rename': { facilitator: ['clarify', 'discuss'] },
	'cluster.assign': { facilitator: ['clarify', 'discuss'] },
	'cluster.merge': { facilitator: ['clarify', 'discuss'] },
	'cluster.move': { facilitator: ['clarify', 'discuss'] },
	'cluster.dissolve': { facilitator: ['clarify', 'discuss'] },
	'ballot.cast': { participant: ['vote', 'revote'], facilitator: ['vote', 'revote'] },
	// Only the console turns the screen's pages or shows a note whole on it.
	'screen.page': { facilitator: 'any' },
	'screen.focus': { facilitator: 'any' },
	// A member's own reflection while the console allows it (it does in these sessions).
	'reflection.write': { participant: 'any', facilitator: 'any' },
	'reflection.delete': { participant: 'any', facilitator: 'any' },
	'discussion.write': { facilitator: 'any' }
};

type Outcome =
	{ ok: true; changes: 'this session' | 'their own session' } | { ok: false; code: ErrorCode };

const allowed = (changes: 'this session' | 'their own session' = 'this session'): Outcome => ({
	ok: true,
	changes
});
const refused = (code: ErrorCode): Outcome => ({ ok: false, code });

/** The answer a cell must get, from the table above and how each kind of socket is bound. */
function expectation(command: CommandName, role: Role, phase: Phase): Outcome {
	// Anyone holding the code may join (a phone may also join again under a new name); a
	// screen or console never becomes a participant.
	if (command === 'participant.join') {
		return role === 'screen' || role === 'facilitator' ? refused('forbidden') : allowed();
	}
	switch (role) {
		// Not bound to any session (an organiser's overview watches a whole conference).
		case 'anonymous':
		case 'organiser':
			return refused('unauthenticated');
		// A screen only watches.
		case 'screen':
			return refused('forbidden');
		// Commands go to the sender's own session, which has neither this question nor this person.
		case 'participant of another session': {
			if (!rules[command].participant) return refused('forbidden');
			if (command === 'participant.leave') return allowed('their own session');
			// Their own session has no reflection of that id (nor is allowing members to write).
			if (command === 'reflection.delete') return refused('not_found');
			return refused(namesQuestion(command) ? 'not_found' : 'forbidden');
		}
		default: {
			const rule = rules[command][role];
			if (!rule) return refused('forbidden');
			return rule === 'any' || rule.includes(phase) ? allowed() : refused('wrong_phase');
		}
	}
}

/** A session prepared to one phase, with everything the commands below refer to. */
interface Fixture {
	phase: Phase;
	session: CreatedSession;
	console: TestClient;
	/** A participant of this session, with a phone; first in the round-robin. */
	phone: Phone;
	questionId: string;
	/** Someone without a phone, added by the facilitator. */
	addedId: string;
	/** The phone's own note (written from the write phase on). */
	phoneNoteId: string;
	/** A note the console wrote for the person without a phone. */
	deskNoteId: string;
	/** Two headings (from clarify on): the phone's note under the first, the desk note under the second. */
	clusterIds: [string, string];
	/** The phone's own reflection (members may reflect in every fixture). */
	reflectionId: string;
}

type Payload = Record<string, unknown>;

/**
 * Commands that, applied in contract order, leave intact everything the others of this set
 * refer to (the question, the people, the timer until timer.clear), so one session serves them all.
 */
const independent = new Set<CommandName>([
	'session.configure',
	'session.retitle',
	'session.reflect',
	'question.add',
	'question.edit',
	'question.select',
	'timer.start',
	'timer.pause',
	'timer.resume',
	'timer.add',
	'timer.clear',
	'participant.add',
	'participant.rename',
	'screen.page',
	'screen.focus',
	'reflection.write',
	'discussion.write'
]);

/** A payload for each command that is valid whenever the table allows the command. */
const payloads: Record<CommandName, (f: Fixture, role: Role) => Payload> = {
	'session.configure': () => ({ settings: { facilitatorSeesNotes: true } }),
	'session.retitle': () => ({ title: 'A new title' }),
	'session.reflect': () => ({ text: 'What we learned today' }),
	'question.add': () => ({ questionId: newId(), text: 'And what then?' }),
	'question.edit': (f) => ({ questionId: f.questionId, text: 'What helps most?' }),
	'question.select': (f) => ({ questionId: f.questionId }),
	'phase.advance': (f) => ({ questionId: f.questionId, from: f.phase }),
	'phase.back': (f) => ({ questionId: f.questionId, from: f.phase }),
	'timer.start': () => ({ seconds: 300 }),
	'timer.pause': () => ({}),
	'timer.resume': () => ({}),
	'timer.add': () => ({ seconds: 60 }),
	'timer.clear': () => ({}),
	'participant.join': (f) => ({ code: f.session.joinCode, name: 'Newcomer' }),
	'participant.add': () => ({ participantId: newId(), name: 'Added later' }),
	'participant.rename': (f) => ({ participantId: f.phone.participantId, name: 'Astrid B.' }),
	'participant.remove': (f) => ({ participantId: f.addedId, deleteContributions: false }),
	'participant.leave': () => ({}),
	'note.add': (f, role) => ({
		questionId: f.questionId,
		noteId: newId(),
		text: 'One more idea',
		...(role === 'facilitator' ? { authorId: f.addedId } : {})
	}),
	'note.edit': (f, role) => ({
		questionId: f.questionId,
		noteId: role === 'facilitator' ? f.deskNoteId : f.phoneNoteId,
		text: 'Better words'
	}),
	'note.delete': (f, role) => ({
		questionId: f.questionId,
		noteId: role === 'facilitator' ? f.deskNoteId : f.phoneNoteId
	}),
	'reveal.next': (f) => ({ questionId: f.questionId }),
	'reveal.pass': (f) => ({ questionId: f.questionId }),
	'reveal.all': (f) => ({ questionId: f.questionId }),
	'cluster.create': (f) => ({
		questionId: f.questionId,
		clusterId: newId(),
		heading: 'NEW HEADING',
		noteIds: [f.phoneNoteId]
	}),
	'cluster.rename': (f) => ({
		questionId: f.questionId,
		clusterId: f.clusterIds[0],
		heading: 'RENAMED'
	}),
	'cluster.assign': (f) => ({
		questionId: f.questionId,
		noteIds: [f.deskNoteId],
		clusterId: f.clusterIds[0]
	}),
	'cluster.merge': (f) => ({
		questionId: f.questionId,
		sourceId: f.clusterIds[1],
		targetId: f.clusterIds[0]
	}),
	'cluster.move': (f) => ({ questionId: f.questionId, clusterId: f.clusterIds[1], toIndex: 0 }),
	'cluster.dissolve': (f) => ({ questionId: f.questionId, clusterId: f.clusterIds[0] }),
	'ballot.cast': (f, role) => ({
		questionId: f.questionId,
		ranking: [`c:${f.clusterIds[0]}`],
		...(role === 'facilitator' ? { voterId: f.addedId } : {})
	}),
	'screen.page': () => ({ step: 1 }),
	'screen.focus': (f) => ({ questionId: f.questionId, noteId: null }),
	'reflection.write': (f, role) => ({
		reflectionId: newId(),
		text: 'What I take home',
		...(role === 'facilitator' ? { authorId: f.addedId } : {})
	}),
	'reflection.delete': (f) => ({ reflectionId: f.reflectionId }),
	'discussion.write': (f) => ({ questionId: f.questionId, text: 'We talked it through' })
};

/** Whether a command names a question (and so is checked against that question's phase). */
function namesQuestion(command: CommandName): boolean {
	return 'questionId' in commandSchemas[command].entries;
}

/** The suite, on a fresh database of this engine. */
export function authorizationSuite(engine: Engine): void {
	let server: TestServer;
	let conference: SeededConference;
	let store: Store;
	const clients: TestClient[] = [];

	async function open(options: Parameters<typeof connect>[1]): Promise<TestClient> {
		const client = await connect(server, options);
		clients.push(client);
		return client;
	}

	async function ok(client: TestClient, name: CommandName, payload: Payload): Promise<Ack> {
		const ack = (await client.send(name, { id: newId(), ...payload })) as Ack;
		if (!ack.ok) throw new Error(`${name} refused while preparing: ${JSON.stringify(ack.error)}`);
		return ack;
	}

	/** A fresh session taken through the socket API to `phase`. */
	async function prepare(phase: Phase): Promise<Fixture> {
		const session = await createSession(server, { questions: ['What helps people stay in work?'] });
		const console = await connectConsole(server, session);
		clients.push(console);
		const phone = await joinPhone(server, session.joinCode, 'Astrid');
		clients.push(phone.client);
		const f: Fixture = {
			phase,
			session,
			console,
			phone,
			questionId: console.view!.view.currentQuestionId,
			addedId: newId(),
			phoneNoteId: newId(),
			deskNoteId: newId(),
			clusterIds: [newId(), newId()],
			reflectionId: newId()
		};
		await ok(console, 'participant.add', { participantId: f.addedId, name: 'Bjørn' });
		await ok(console, 'session.configure', { settings: { membersReflect: true } });
		await ok(phone.client, 'reflection.write', { reflectionId: f.reflectionId, text: 'Mine' });
		await ok(console, 'timer.start', { seconds: 600 });
		const q = f.questionId;
		for (const reached of phases.slice(1, phases.indexOf(phase) + 1)) {
			await ok(console, 'phase.advance', {
				questionId: q,
				from: phases[phases.indexOf(reached) - 1]
			});
			if (reached === 'write') {
				await ok(phone.client, 'note.add', { questionId: q, noteId: f.phoneNoteId, text: 'Mine' });
				await ok(console, 'note.add', {
					questionId: q,
					noteId: f.deskNoteId,
					text: 'Written for Bjørn',
					authorId: f.addedId
				});
			}
			if (reached === 'clarify') {
				for (const [i, noteId] of [f.phoneNoteId, f.deskNoteId].entries()) {
					await ok(console, 'cluster.create', {
						questionId: q,
						clusterId: f.clusterIds[i],
						heading: `HEADING ${i}`,
						noteIds: [noteId]
					});
				}
			}
		}
		return f;
	}

	/** A phone in a session of its own (the "participant of another session"). */
	async function outsider(): Promise<{ phone: Phone; sessionId: string }> {
		const other = await createSession(server, { questions: ['Another group'] });
		const phone = await joinPhone(server, other.joinCode, 'Outsider');
		clients.push(phone.client);
		return { phone, sessionId: other.sessionId };
	}

	/** A socket of this role for this fixture (fresh, except the fixture's own phone and console). */
	async function socketFor(role: Role, f: Fixture): Promise<TestClient> {
		switch (role) {
			case 'participant':
				return f.phone.client;
			case 'facilitator':
				return f.console;
			case 'screen': {
				const screen = await open({ auth: { role: 'screen', token: f.session.screenToken } });
				await screen.waitForView();
				return screen;
			}
			case 'organiser':
				return open({
					auth: { role: 'organiser', conferenceId: conference.conferenceId },
					headers: { cookie: conference.organiserCookie }
				});
			case 'anonymous':
				return open({ auth: { role: 'guest' } });
			case 'participant of another session':
				return (await outsider()).phone.client;
		}
	}

	async function seqOf(sessionId: string): Promise<{ seq: number; rows: number }> {
		const [row] = await store.rows<{ seq: number; rows: number }>(
			'SELECT seq, (SELECT count(*) FROM session_events WHERE session_id = s.id) AS rows FROM sessions s WHERE id = ?',
			[sessionId]
		);
		return row!;
	}

	/** Commands that may remove text or identity: they fold the log into a snapshot instead. */
	const forgetting = new Set<string>([
		'note.delete',
		'note.edit',
		'participant.remove',
		'participant.rename',
		'phase.advance',
		'phase.back',
		'reflection.delete'
	]);

	/**
	 * How the latest command is stored: as the last event, or folded into a snapshot at its seq
	 * (a command that removes something, or the periodic snapshot every 200 events).
	 */
	async function storedAs(
		sessionId: string,
		command: string,
		eventsBefore: number
	): Promise<string | null> {
		const [row] = await store.rows<{ event: string }>(
			'SELECT event FROM session_events WHERE session_id = ? ORDER BY seq DESC LIMIT 1',
			[sessionId]
		);
		if (row) {
			const stored = (JSON.parse(row.event) as { command: { type: string } }).command.type;
			return stored === command ? null : `stored as ${stored}`;
		}
		const [{ seq, snapshot_seq }] = (await store.rows<{ seq: number; snapshot_seq: number }>(
			`SELECT s.seq, n.seq AS snapshot_seq FROM sessions s
				 JOIN session_snapshots n ON n.session_id = s.id WHERE s.id = ?`,
			[sessionId]
		)) as [{ seq: number; snapshot_seq: number }];
		if (snapshot_seq !== seq) return 'its event is missing';
		if (forgetting.has(command) || eventsBefore + 1 >= 200) return null;
		return 'folded into a snapshot, yet it removes nothing';
	}

	/** What a console opened now sees (server time and who is online aside). */
	async function freshConsoleView(
		f: Fixture
	): Promise<Omit<ViewEnvelope, 'serverTime' | 'online'>> {
		const console = await connectConsole(server, f.session);
		console.close();
		const { serverTime: _time, online: _online, ...rest } = console.view!;
		return rest;
	}

	const english = fixedT('en');

	/** Checks one answer against its expectation; returns what is wrong, or null. */
	function judge(ack: Ack, expected: Outcome, phase: Phase): string | null {
		if (expected.ok)
			return ack.ok ? null : `refused with ${ack.error.code}, expected to be allowed`;
		if (ack.ok) return `allowed, expected ${expected.code}`;
		if (ack.error.code !== expected.code)
			return `refused with ${ack.error.code}, expected ${expected.code}`;
		if (ack.error.message !== english(`errors.${ack.error.code}`, ack.error.params ?? {}))
			return `untranslated message ${JSON.stringify(ack.error.message)}`;
		if (expected.code === 'wrong_phase' && ack.error.params?.phase !== phase)
			return `wrong_phase names ${String(ack.error.params?.phase)}`;
		return null;
	}

	/** Runs an allowed cell (in a session of its own unless given one); returns what is wrong, or null. */
	async function tryAllowed(
		command: CommandName,
		role: Role,
		expected: Outcome,
		phase: Phase,
		shared?: Fixture
	): Promise<string | null> {
		const g = shared ?? (await prepare(phase));
		const own = role === 'participant of another session' ? await outsider() : null;
		const socket = own ? own.phone.client : await socketFor(role, g);
		const target = await seqOf(g.session.sessionId);
		const ownBefore = own ? await seqOf(own.sessionId) : null;
		const elsewhere = expected.ok && expected.changes === 'their own session';
		const baselineView = elsewhere ? await freshConsoleView(g) : null;
		const ack = (await socket.send(command, { id: newId(), ...payloads[command](g, role) })) as Ack;
		if (!shared) for (const client of [g.console, g.phone.client, socket]) client.close();
		const problem = judge(ack, expected, phase);
		if (problem) return problem;
		if (own && elsewhere) {
			if (JSON.stringify(await seqOf(g.session.sessionId)) !== JSON.stringify(target))
				return 'changed a session it is not part of';
			if (JSON.stringify(await freshConsoleView(g)) !== JSON.stringify(baselineView))
				return 'a fresh console sees a different session';
			if ((await seqOf(own.sessionId)).seq !== ownBefore!.seq + 1)
				return "not applied to the sender's own session";
			return null;
		}
		if ((await seqOf(g.session.sessionId)).seq !== target.seq + 1)
			return 'not applied exactly once';
		return await storedAs(g.session.sessionId, command, target.rows);
	}

	const tally = { cells: 0, allowed: 0, refused: {} as Record<string, number> };

	beforeAll(async () => {
		store = await engine.fresh();
		conference = await seedConference(store);
		accounts = await organiserAccounts(store, conference.conferenceId);
		server = await startOn(store, {
			env: {
				// Limits are proven in abuse.test.ts; here they must not mask the rules.
				RATE_LIMIT_COMMANDS_PER_SOCKET: '1000000',
				RATE_LIMIT_COMMANDS_PER_BINDING: '1000000',
				RATE_LIMIT_COMMANDS_PER_ADDRESS: '1000000',
				RATE_LIMIT_JOINS_PER_ADDRESS: '1000000',
				RATE_LIMIT_SESSIONS_PER_ADDRESS: '1000000'
			}
		});
	});

	afterAll(async () => {
		for (const client of clients) client.close();
		await server?.dispose();
		await store?.dispose();
		process.stdout.write(
			`authorisation matrix: ${tally.cells} cells (${commandNames.length} commands × ` +
				`${roles.length} roles × ${phases.length} phases), ${tally.allowed} allowed, refused: ` +
				`${JSON.stringify(tally.refused)}\n`
		);
	});

	describe.concurrent('every command × every role, in each phase', () => {
		it.for(phases)('%s', async (phase, { expect }) => {
			const f = await prepare(phase);
			const other = await outsider();
			const sockets = new Map<Role, TestClient>();
			for (const role of roles) {
				sockets.set(
					role,
					role === 'participant of another session' ? other.phone.client : await socketFor(role, f)
				);
			}
			const baseline = await freshConsoleView(f);
			const before = await seqOf(f.session.sessionId);
			const otherBefore = await seqOf(other.sessionId);
			const wrong: string[] = [];
			const allowedCells: [CommandName, Role, Outcome][] = [];

			// Refused cells, all against one prepared session: nothing may change, neither the stored
			// events (checked after each command) nor what a fresh console sees (after each role's).
			for (const role of roles) {
				for (const command of commandNames) {
					tally.cells++;
					const expected = expectation(command, role, phase);
					if (expected.ok) {
						allowedCells.push([command, role, expected]);
						continue;
					}
					tally.refused[expected.code] = (tally.refused[expected.code] ?? 0) + 1;
					const cell = `${command} by ${role} in ${phase}`;
					const ack = (await sockets.get(role)!.send(command, {
						id: newId(),
						...payloads[command](f, role)
					})) as Ack;
					const problem = judge(ack, expected, phase);
					if (problem) wrong.push(`${cell}: ${problem}`);
					if (JSON.stringify(await seqOf(f.session.sessionId)) !== JSON.stringify(before))
						wrong.push(`${cell}: the session's events changed`);
					if (JSON.stringify(await seqOf(other.sessionId)) !== JSON.stringify(otherBefore))
						wrong.push(`${cell}: the sender's own session changed`);
				}
				if (JSON.stringify(await freshConsoleView(f)) !== JSON.stringify(baseline))
					wrong.push(
						`${role} in ${phase}: after its refused commands a fresh console sees a change`
					);
			}

			// Allowed cells are applied exactly once. The console's and the phone's commands that leave
			// alone everything the others refer to share one session, in contract order; every other
			// allowed cell gets a session of its own prepared to this phase.
			const sharing = (role: Role, command: CommandName) =>
				(role === 'facilitator' || role === 'participant') && independent.has(command);
			const together = await prepare(phase);
			for (const [command, role, expected] of allowedCells.filter(([c, r]) => sharing(r, c))) {
				tally.allowed++;
				const problem = await tryAllowed(command, role, expected, phase, together);
				if (problem) wrong.push(`${command} by ${role} in ${phase}: ${problem}`);
			}
			const queue = allowedCells.filter(([c, r]) => !sharing(r, c));
			const worker = async () => {
				for (let next = queue.shift(); next; next = queue.shift()) {
					const [command, role, expected] = next;
					tally.allowed++;
					const problem = await tryAllowed(command, role, expected, phase);
					if (problem) wrong.push(`${command} by ${role} in ${phase}: ${problem}`);
				}
			};
			await Promise.all([worker(), worker(), worker()]);

			expect(wrong, wrong.join('\n')).toEqual([]);
			expect(allowedCells.length).toBeGreaterThan(0);
		});
	});

	// --- the round page's grouping commands × organiser roles, over HTTP -------------------------

	/** Who posts to the round page: the conference's owner and co-organiser, and accounts that are neither. */
	type OrganiserKind =
		'owner' | 'co-organiser' | 'administrator alone' | 'other account' | 'anonymous';
	let accounts: Record<OrganiserKind, string>;

	/** A co-organiser, an administrator with no tie to the conference and an unrelated account. */
	async function organiserAccounts(on: Store, conferenceId: string) {
		return withStoreApp(on, async (app) => {
			const cookieOf = async (username: string, admin: boolean, tie: 'co_organiser' | null) => {
				const account = await createOrganiser(
					app.stores.organisers,
					{ username, displayName: username, password: 'a long enough password', admin },
					Date.now()
				);
				if (tie) await app.stores.organisers.setTie(conferenceId, account.id, tie, Date.now());
				return `samrad_organiser=${await startOrganiserSession(app.stores, account.id, Date.now())}`;
			};
			return {
				owner: '',
				'co-organiser': await cookieOf('co.organiser', false, 'co_organiser'),
				'administrator alone': await cookieOf('second.admin', true, null),
				'other account': await cookieOf('someone.else', false, null),
				anonymous: ''
			} satisfies Record<OrganiserKind, string>;
		});
	}

	/** Every form action of the round page, with the conference command it sends (none: preview). */
	const roundActions: Record<string, string | null> = {
		save: 'round.edit',
		start: 'round.start',
		preview: null,
		reallocate: 'round.group',
		move: 'round.group',
		swap: 'round.group',
		noGroup: 'round.group',
		unplace: 'round.group',
		lead: 'round.group',
		addGroup: 'round.group',
		renameGroup: 'round.group',
		deleteGroup: 'round.group',
		mergeGroups: 'round.group',
		splitGroup: 'round.group',
		questions: 'group.questions',
		undo: 'round.undo',
		delete: 'round.delete'
	};

	describe('the round page’s commands × organiser roles', () => {
		it('lets the owner and co-organisers send them, and nobody else changes anything', async () => {
			const cookieOf = (kind: OrganiserKind) =>
				kind === 'owner' ? conference.organiserCookie : accounts[kind];
			const path = `/organiser/conferences/${conference.conferenceId}/rounds/${conference.roundId}`;
			const rows = async () =>
				JSON.stringify([
					await store.rows('SELECT * FROM groups WHERE round_id = ? ORDER BY id', [
						conference.roundId
					]),
					await store.rows('SELECT * FROM seats WHERE round_id = ? ORDER BY participant_id', [
						conference.roundId
					]),
					await store.rows('SELECT * FROM rounds WHERE id = ?', [conference.roundId])
				]);
			const [first, second] = conference.groups;
			const fields: Record<string, string> = {
				groupId: first!.id,
				into: second!.id,
				to: second!.id,
				participantIds: first!.memberIds[0]!,
				a: first!.memberIds[0]!,
				b: second!.memberIds[0]!,
				name: 'Gruppe A',
				questions: 'Hva nå?',
				mode: 'unplaced',
				rule: 'mixed',
				maxGroupSize: '7',
				reallocation: '{}',
				title: 'Første gruppearbeid',
				theme: '',
				commandId: ''
			};
			const wrong: string[] = [];
			// Every grouping command is in the permission table, for editors only.
			for (const type of new Set(Object.values(roundActions)))
				if (type)
					expect(conferencePermissions[type as keyof typeof conferencePermissions]).toEqual([
						'owner',
						'co_organiser',
						'system'
					]);
			for (const kind of ['administrator alone', 'other account', 'anonymous'] as const) {
				for (const action of Object.keys(roundActions)) {
					const before = await rows();
					const answer = await formAction(
						server,
						`${path}?/${action}`,
						{ ...fields, commandId: newId() },
						cookieOf(kind)
					);
					const expected = kind === 'anonymous' ? 'redirect' : 'error';
					const status = kind === 'anonymous' ? 303 : 404;
					if (answer.type !== expected || answer.status !== status)
						wrong.push(`${action} by ${kind}: ${answer.type} ${answer.status}`);
					if ((await rows()) !== before) wrong.push(`${action} by ${kind}: the round changed`);
				}
			}
			// Editors are let through to the core: any answer but forbidden, not found or a login.
			for (const kind of ['co-organiser', 'owner'] as const) {
				for (const action of Object.keys(roundActions).filter((a) => a !== 'delete')) {
					const answer = await formAction(
						server,
						`${path}?/${action}`,
						{ ...fields, commandId: newId() },
						cookieOf(kind)
					);
					if (answer.type === 'redirect' || [403, 404].includes(answer.status))
						wrong.push(`${action} by ${kind}: ${answer.type} ${answer.status}`);
				}
			}
			expect(wrong, wrong.join('\n')).toEqual([]);
		});
	});
}
