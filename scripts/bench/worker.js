// One load-generator process: runs some groups (phones, console, screen) of the simulated
// conference through write, reveal, clarify, vote and results, and reports what it measured.
// Driven by scripts/bench.js over the child-process IPC channel.
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

/**
 * @typedef {{ sessionId: string, joinCode: string, facilitatorToken: string, screenToken: string, size: number }} GroupSpec
 * @typedef {{ writeMs: number, noteIntervalMs: number, maxNotes: number, revealSteps: number, revealStepMs: number, clarifyMs: number, voteMs: number, startJitterMs: number, ackTimeoutMs: number }} Pace
 * @typedef {{ socket: import('socket.io-client').Socket, participantId: string, okNotes: number, noteIds: string[] }} Phone
 */

const newId = () => randomBytes(18).toString('base64url');
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

const phrases = [
	'Byråkrati mellom etatene gjør at folk faller mellom to stoler',
	'Mangel på langsiktighet i finansieringen av tiltakene',
	'Arbetsgivare vet för lite om vad en jobbcoach kan göra',
	'Manglende samarbeid mellom NAV og arbeidsgiver',
	'Tydligare roller för handledaren på arbetsplatsen',
	'Kort ventetid fra søknad til første møte',
	'Myndighederne taler ikke sammen om den enkelte',
	'Fleiri störf í boði fyrir fólk með skerta starfsgetu',
	'Työnantajien asenteet ja ennakkoluulot',
	'Follow-up after the first year in work is missing'
];

/** Latencies in ms, by measure. */
const samples = {
	/** command → ack, by command name */
	ack: /** @type {Record<string, number[]>} */ ({}),
	/** note.add sent → the group's screen shows the note in its progress */
	noteToScreen: /** @type {number[]} */ ([]),
	/** when each of those notes was sent, in ms since the run began */
	noteSentAt: /** @type {number[]} */ ([])
};
const counts = {
	sent: 0,
	acked: 0,
	ackOk: 0,
	/** acks that never came within ackTimeoutMs */
	lost: 0,
	/** acks that came after the timeout */
	late: 0,
	/** a second ack for the same command id */
	duplicateAcks: 0,
	viewsReceived: 0,
	bytesReceived: 0,
	disconnects: 0,
	connectErrors: 0,
	/** notes acknowledged but never shown in the screen's progress */
	notesNotSeen: 0,
	/** groups whose screen never showed results */
	resultsMissing: 0
};
/** @type {Record<string, number>} */
const errors = {};
/** @type {Record<string, number>} */
const disconnectReasons = {};
/** Ids of commands answered ok (checked against processed_commands afterwards). */
const okCommandIds = /** @type {string[]} */ ([]);
/** Notes answered ok, by session (checked against the stored sessions afterwards). */
const okNotes = /** @type {{ sessionId: string, noteId: string, text: string }[]} */ ([]);
/** Ids of commands sent but never answered. */
const lostIds = /** @type {string[]} */ ([]);

/** The last view each socket received (views can arrive before anyone waits for them). */
const latestView = /** @type {WeakMap<object, any>} */ (new WeakMap());

const lag = monitorEventLoopDelay({ resolution: 10 });

/** @type {{ url: string, mode: 'samrad' | 'relay', groups: GroupSpec[], pace: Pace }} */
let setup;
/** @type {Group[]} */
let groups = [];
/** performance.now() when the run began. */
let runStart = 0;

/**
 * Sends a command with a fresh id and waits for its ack (null when none came in time).
 * @param {import('socket.io-client').Socket} socket
 * @param {string} name
 * @param {Record<string, unknown>} payload
 * @param {boolean} [measured]
 */
function command(socket, name, payload, measured = true) {
	const id = newId();
	counts.sent++;
	const sentAt = now();
	return new Promise((resolve) => {
		let answered = false;
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			counts.lost++;
			lostIds.push(id);
			resolve(null);
		}, setup.pace.ackTimeoutMs);
		socket.emit(name, { id, ...payload }, (/** @type {any} */ ack) => {
			if (answered) {
				counts.duplicateAcks++;
				return;
			}
			answered = true;
			if (timedOut) {
				counts.lost--;
				counts.late++;
				lostIds.splice(lostIds.indexOf(id), 1);
			} else {
				clearTimeout(timer);
			}
			counts.acked++;
			if (measured) (samples.ack[name] ??= []).push(now() - sentAt);
			if (ack?.ok) {
				counts.ackOk++;
				okCommandIds.push(id);
			} else {
				const code = ack?.error?.code ?? 'malformed';
				errors[`${name}:${code}`] = (errors[`${name}:${code}`] ?? 0) + 1;
			}
			if (!timedOut) resolve(ack);
		});
	});
}

/**
 * A connected socket (resolves on connect, rejects on refusal or timeout).
 * @param {Record<string, string>} auth
 * @returns {Promise<import('socket.io-client').Socket>}
 */
function connect(auth) {
	const socket = io(setup.url, {
		auth,
		transports: ['websocket'],
		reconnection: false,
		forceNew: true,
		timeout: 30_000
	});
	socket.io.on('open', () => {
		socket.io.engine.on('data', (/** @type {string | ArrayBuffer} */ data) => {
			counts.bytesReceived += typeof data === 'string' ? data.length : data.byteLength;
		});
	});
	socket.on('session.view', (envelope) => {
		counts.viewsReceived++;
		latestView.set(socket, envelope);
	});
	return new Promise((resolve, reject) => {
		socket.once('connect', () => {
			socket.on('disconnect', (reason) => {
				if (reason === 'io client disconnect') return;
				counts.disconnects++;
				disconnectReasons[reason] = (disconnectReasons[reason] ?? 0) + 1;
			});
			resolve(socket);
		});
		socket.once('connect_error', (error) => {
			counts.connectErrors++;
			socket.disconnect();
			reject(error);
		});
	});
}

/**
 * The first view on this socket that satisfies the predicate (null after the timeout).
 * @param {import('socket.io-client').Socket} socket
 * @param {(envelope: any) => boolean} predicate
 * @param {any} [latest]
 * @param {number} [timeoutMs]
 */
function viewWhere(socket, predicate, latest, timeoutMs = 10_000) {
	if (latest && predicate(latest)) return Promise.resolve(latest);
	return new Promise((resolve) => {
		const listener = (/** @type {any} */ envelope) => {
			if (!predicate(envelope)) return;
			done(envelope);
		};
		const timer = setTimeout(() => done(null), timeoutMs);
		const done = (/** @type {any} */ value) => {
			clearTimeout(timer);
			socket.off('session.view', listener);
			resolve(value);
		};
		socket.on('session.view', listener);
	});
}

/** @param {any} envelope */
function currentRun(envelope) {
	const view = envelope?.view;
	return view?.runs?.find((/** @type {any} */ r) => r.id === view.currentQuestionId) ?? null;
}

class Group {
	/** @param {GroupSpec} spec */
	constructor(spec) {
		this.spec = spec;
		/** @type {import('socket.io-client').Socket | null} */
		this.console = null;
		/** @type {import('socket.io-client').Socket | null} */
		this.screen = null;
		/** @type {Phone[]} */
		this.phones = [];
		this.questionId = '';
		/** Where this group's run is, for progress lines. */
		this.stage = 'connecting';
		/**
		 * The screen's progress is anonymous (counts sorted most first, not linked to anyone), so
		 * a note is matched by the group's total: the j-th note acknowledged in the group is on
		 * the screen once the progress adds up to j (the server acks in commit order).
		 */
		this.acked = 0;
		/** When the screen's total first reached j + 1, by j. */
		this.shownAt = /** @type {number[]} */ ([]);
		/** Acknowledged notes not yet seen on the screen: their number in the group → send time. */
		this.pending = /** @type {Map<number, number>} */ (new Map());
	}

	async connect() {
		const { spec } = this;
		this.console = await connect({ role: 'facilitator', token: spec.facilitatorToken });
		const first = await viewWhere(this.console, () => true, latestView.get(this.console), 30_000);
		if (!first) throw new Error(`no console view for ${spec.sessionId}`);
		this.questionId = first.view.currentQuestionId;
		this.screen = await connect({ role: 'screen', token: spec.screenToken });
		this.screen.on('session.view', (envelope) => this.#onScreenView(envelope));
		for (let i = 0; i < spec.size; i++) {
			const socket = await connect({ role: 'guest' });
			/** @type {Phone} */
			const phone = { socket, participantId: '', okNotes: 0, noteIds: [] };
			const ack = /** @type {any} */ (
				await command(
					socket,
					'participant.join',
					{ code: spec.joinCode, name: `Deltaker ${i + 1} ${spec.joinCode}` },
					false
				)
			);
			if (!ack?.ok) throw new Error(`join refused: ${JSON.stringify(ack)}`);
			phone.participantId = ack.participantId;
			this.phones.push(phone);
		}
	}

	/** @param {any} envelope */
	#onScreenView(envelope) {
		const run = currentRun(envelope);
		if (!run || run.phase !== 'write') return;
		const t = now();
		const total = run.progress.reduce(
			(/** @type {number} */ a, /** @type {number} */ b) => a + b,
			0
		);
		while (this.shownAt.length < total) this.shownAt.push(t);
		for (const [j, sentAt] of this.pending) {
			if (j > total) continue;
			this.pending.delete(j);
			this.#seen(sentAt, t);
		}
	}

	/** A note sent at sentAt is on the screen at t (never before it was sent). */
	#seen(/** @type {number} */ sentAt, /** @type {number} */ t) {
		samples.noteToScreen.push(Math.max(0, t - sentAt));
		samples.noteSentAt.push(sentAt - runStart);
	}

	/** The group's next note was acknowledged: seen already, or waiting for the screen. */
	#acked(/** @type {number} */ sentAt) {
		const j = ++this.acked;
		const shown = this.shownAt[j - 1];
		if (shown === undefined) this.pending.set(j, sentAt);
		else this.#seen(sentAt, shown);
	}

	/** @param {string} from */
	async advance(from) {
		const ack = /** @type {any} */ (
			await command(/** @type {any} */ (this.console), 'phase.advance', {
				questionId: this.questionId,
				from
			})
		);
		return Boolean(ack?.ok);
	}

	/**
	 * One writer: a note every few seconds (uniform 0.5–1.5 × the mean) until the deadline.
	 * @param {Phone} phone
	 * @param {number} until
	 */
	async write(phone, until) {
		const { noteIntervalMs, maxNotes } = setup.pace;
		let next = now() + Math.random() * noteIntervalMs;
		for (;;) {
			if (next > until) break;
			await sleep(Math.max(0, next - now()));
			// A writer who fell behind (slow answers) stops at the deadline like everyone else.
			if (phone.okNotes >= maxNotes || now() > until) break;
			const noteId = newId();
			const text = `${phrases[Math.floor(Math.random() * phrases.length)]} (${noteId.slice(0, 8)})`;
			const sentAt = now();
			const ack = /** @type {any} */ (
				await command(phone.socket, 'note.add', { questionId: this.questionId, noteId, text })
			);
			if (ack?.ok) {
				this.#acked(sentAt);
				phone.okNotes++;
				phone.noteIds.push(noteId);
				okNotes.push({ sessionId: this.spec.sessionId, noteId, text });
			}
			next += noteIntervalMs * (0.5 + Math.random());
		}
	}

	/**
	 * One voter: ranks up to five items it sees (the relay shows none: its own notes).
	 * @param {Phone} phone
	 * @param {number} delayMs
	 */
	async vote(phone, delayMs) {
		await sleep(delayMs);
		const hasItems = (/** @type {any} */ e) => (currentRun(e)?.vote?.items?.length ?? 0) > 0;
		const envelope =
			setup.mode === 'samrad'
				? await viewWhere(phone.socket, hasItems, latestView.get(phone.socket))
				: null;
		const run = currentRun(envelope);
		/** @type {string[]} */
		let ids = run ? run.vote.items.map((/** @type {{ id: string }} */ i) => i.id) : [];
		if (ids.length === 0) ids = phone.noteIds.map((id) => `n:${id}`);
		const n = Math.min(run?.vote?.n ?? 5, ids.length);
		const ranking = ids.sort(() => Math.random() - 0.5).slice(0, n);
		await command(phone.socket, 'ballot.cast', { questionId: this.questionId, ranking });
	}

	/** The whole NGT run, paced, from t0 (performance.now() time). */
	async run(/** @type {number} */ t0) {
		const pace = setup.pace;
		await sleep(Math.max(0, t0 - now()) + Math.random() * pace.startJitterMs);
		const start = now();
		this.stage = 'write';
		if (!(await this.advance('lobby'))) throw new Error('could not start writing');
		const until = start + pace.writeMs;
		await Promise.all(this.phones.map((phone) => this.write(phone, until)));
		await sleep(Math.max(0, until - now()));
		this.stage = 'reveal';
		await this.advance('write');
		for (let i = 0; i < pace.revealSteps; i++) {
			await sleep(pace.revealStepMs);
			await command(/** @type {any} */ (this.console), 'reveal.next', {
				questionId: this.questionId
			});
		}
		this.stage = 'clarify';
		await this.advance('reveal');
		const grouped = this.phones.flatMap((p) => p.noteIds.slice(0, 1)).slice(0, 3);
		if (grouped.length > 0) {
			await command(/** @type {any} */ (this.console), 'cluster.create', {
				questionId: this.questionId,
				clusterId: newId(),
				heading: 'BYRÅKRATI',
				noteIds: grouped
			});
		}
		await sleep(pace.clarifyMs);
		this.stage = 'vote';
		await this.advance('clarify');
		await Promise.all(this.phones.map((phone) => this.vote(phone, Math.random() * pace.voteMs)));
		this.stage = 'results';
		await this.advance('vote');
		const results = await viewWhere(
			/** @type {any} */ (this.screen),
			(e) => currentRun(e)?.phase === 'results',
			latestView.get(/** @type {any} */ (this.screen))
		);
		if (!results) counts.resultsMissing++;
		counts.notesNotSeen += this.pending.size;
		this.stage = 'done';
	}

	close() {
		this.console?.disconnect();
		this.screen?.disconnect();
		for (const phone of this.phones) phone.socket.disconnect();
	}
}

/**
 * Runs tasks with at most `limit` at a time.
 * @template T
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T) => Promise<void>} task
 */
async function pool(items, limit, task) {
	let next = 0;
	const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) await task(items[next++]);
	});
	await Promise.all(runners);
}

process.on('message', (/** @type {any} */ message) => {
	if (message.type === 'setup') {
		setup = message;
		groups = setup.groups.map((spec) => new Group(spec));
		pool(groups, 8, (group) => group.connect())
			.then(() => {
				const connections = groups.reduce((n, g) => n + g.phones.length + 2, 0);
				return process.send?.({ type: 'ready', connections });
			})
			.catch((/** @type {Error} */ error) => {
				process.send?.({ type: 'failed', error: String(error?.stack ?? error) });
			});
	} else if (message.type === 'go') {
		// Reset what setup counted: only the run is measured.
		samples.ack = {};
		counts.viewsReceived = 0;
		counts.bytesReceived = 0;
		lag.enable();
		const t0 = now() + (message.startAt - Date.now());
		runStart = t0;
		Promise.all(groups.map((g) => g.run(t0)))
			.then(() => {
				lag.disable();
				return process.send?.({
					type: 'done',
					samples,
					counts,
					errors: {
						...errors,
						...Object.fromEntries(
							Object.entries(disconnectReasons).map(([k, v]) => [`disconnect:${k}`, v])
						)
					},
					okCommandIds,
					okNotes,
					lostIds,
					loopLag: {
						p99: Math.max(0, lag.percentile(99) / 1e6 - 10),
						max: Math.max(0, lag.max / 1e6 - 10)
					}
				});
			})
			.catch((/** @type {Error} */ error) => {
				process.send?.({ type: 'failed', error: String(error?.stack ?? error) });
			});
	} else if (message.type === 'status') {
		/** @type {Record<string, number>} */
		const stages = {};
		for (const g of groups) stages[g.stage] = (stages[g.stage] ?? 0) + 1;
		process.send?.({
			type: 'status',
			stages,
			acked: counts.acked,
			lost: counts.lost,
			disconnects: disconnectReasons
		});
	} else if (message.type === 'close') {
		for (const group of groups) group.close();
		setTimeout(() => process.exit(0), 200);
	}
});
