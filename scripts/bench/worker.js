// One load-generator process: runs some groups (phones, console, screen) of the simulated
// conference through write, reveal, clarify, vote and results, and reports what it measured.
// Driven by scripts/bench.js over the child-process IPC channel.
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

// The clients' own patch code (src/lib/realtime/patched-view.ts and view-patch.ts), bundled by
// scripts/bench.js.
const viewPatch = process.env.SAMRAD_VIEW_PATCH;
if (!viewPatch) throw new Error('SAMRAD_VIEW_PATCH: the bundled view-patch module is not given');
const { PatchedView, applyPatch } = await import(viewPatch);

/**
 * @typedef {{ sessionId: string, joinCode: string, facilitatorToken: string, screenToken: string, size: number, groupId?: string, memberIds?: string[] }} GroupSpec
 * @typedef {{ conferenceId: string, plenumToken: string, organiserCookie: string, firstRoundId: string, secondRoundId: string, members: { id: string, token: string }[], groups: GroupSpec[] }} ConferenceSpec
 * @typedef {{ writeMs: number, noteIntervalMs: number, maxNotes: number, revealSteps: number, revealStepMs: number, clarifyMs: number, voteMs: number, startJitterMs: number, ackTimeoutMs: number, presentStepMs: number, presentGroups: number }} Pace
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

/** Everyday words that longer notes go on with (Nordic languages, as the conferences write). */
const filler = (
	'og det betyr at den enkelte ofte må vente lenge på hjelp fra flere etater samtidig ' +
	'vilket gör att arbetsgivaren inte vet vem som ska ringas när något går fel på jobbet ' +
	'og derfor skal kontaktpersonen kende både borgeren og arbejdspladsen godt nok ' +
	'það skiptir máli að stuðningurinn haldi áfram eftir fyrsta árið í vinnu ' +
	'ja siksi tuen pitää jatkua myös ensimmäisen työvuoden jälkeen ilman katkoja'
).split(' ');

/**
 * A note's length in characters, drawn the way people write at a dialogue conference: most
 * notes are one line (49–72, like the 2010 notes), some a few sentences (150–500), and one in ten
 * a paragraph of 500–2,000 (the long notes issue 13 allows; the played demo has 1,049).
 */
function noteLength() {
	const r = Math.random();
	if (r < 0.7) return 0;
	if (r < 0.9) return 150 + Math.floor(Math.random() * 350);
	return 500 + Math.floor(Math.random() * 1500);
}

/** A note's text of a drawn length, unique by its id (the bench checks no text is stored twice). */
function noteText(/** @type {string} */ noteId) {
	const tag = ` (${noteId.slice(0, 8)})`;
	const length = noteLength() - tag.length;
	let text = phrases[Math.floor(Math.random() * phrases.length)] ?? '';
	let word = Math.floor(Math.random() * filler.length);
	while (text.length < length) text += ` ${filler[word++ % filler.length]}`;
	return `${length > 0 ? text.slice(0, length).trimEnd() : text}${tag}`;
}

/** Latencies in ms, by measure. */
const samples = {
	/** command → ack, by command name */
	ack: /** @type {Record<string, number[]>} */ ({}),
	/** note.add sent → the group's screen shows the note in its progress */
	noteToScreen: /** @type {number[]} */ ([]),
	/** when each of those notes was sent, in ms since the run began */
	noteSentAt: /** @type {number[]} */ ([]),
	/** a conference group's note.add sent → the organiser's overview counts it */
	noteToOverview: /** @type {number[]} */ ([]),
	/** the organiser starts round 2 → a member's phone shows their new group's session */
	roundToPhone: /** @type {number[]} */ ([]),
	/** the organiser starts round 2 → the overview shows that round */
	roundToOverview: /** @type {number[]} */ ([]),
	/** the organiser presents a group → the plenum screen shows it */
	presentToPlenum: /** @type {number[]} */ ([])
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
	/** bytes received by kind of receiver (bytesReceived is their sum) */
	bytesPhones: 0,
	bytesConsoles: 0,
	bytesScreens: 0,
	bytesOverview: 0,
	bytesPlenum: 0,
	/** full views asked for again: a missed version, or a patch that did not apply */
	resyncs: 0,
	disconnects: 0,
	connectErrors: 0,
	/** notes acknowledged but never shown in the screen's progress */
	notesNotSeen: 0,
	/** notes acknowledged whose text never reached the group's screen (all revealed in clarify) */
	textsNotShown: 0,
	/** groups whose screen never showed results */
	resultsMissing: 0,
	/** conference notes acknowledged but never counted on the organiser's overview */
	notesNotOnOverview: 0,
	/** member phones that did not show their new group within the timeout */
	phonesNotMoved: 0,
	/** presented groups the plenum screen did not show within the timeout */
	presentsNotShown: 0
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

/** Conference members' personal link tokens, by member id. */
const memberTokens = /** @type {Map<string, string>} */ (new Map());

/** The last view each socket received (views can arrive before anyone waits for them). */
const latestView = /** @type {WeakMap<object, any>} */ (new WeakMap());

const lag = monitorEventLoopDelay({ resolution: 10 });

/** @type {{ url: string, mode: 'samrad' | 'relay', groups: GroupSpec[], conference: ConferenceSpec | null, pace: Pace }} */
let setup;
/** @type {Group[]} */
let groups = [];
/** @type {Conference | null} */
let conference = null;
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

/** Longest a socket may take to be connected, its transport's opening included. */
const connectTimeoutMs = 30_000;

/** Which byte count a socket's role adds to. */
const receiverKinds =
	/** @type {Record<string, 'bytesPhones' | 'bytesConsoles' | 'bytesScreens' | 'bytesOverview' | 'bytesPlenum'>} */ ({
		guest: 'bytesPhones',
		member: 'bytesPhones',
		facilitator: 'bytesConsoles',
		screen: 'bytesScreens',
		organiser: 'bytesOverview',
		plenum: 'bytesPlenum'
	});

/**
 * A connected socket (resolves on connect, rejects on refusal or timeout).
 * @param {Record<string, string>} auth
 * @param {Record<string, string>} [extraHeaders] the organiser's sign-in cookie
 * @returns {Promise<import('socket.io-client').Socket>}
 */
function connect(auth, extraHeaders) {
	const socket = io(setup.url, {
		auth,
		...(extraHeaders ? { extraHeaders } : {}),
		transports: ['websocket'],
		reconnection: false,
		forceNew: true,
		timeout: connectTimeoutMs
	});
	const kind = receiverKinds[auth.role ?? ''] ?? 'bytesPhones';
	socket.io.on('open', () => {
		socket.io.engine.on('data', (/** @type {string | ArrayBuffer} */ data) => {
			const bytes = typeof data === 'string' ? data.length : data.byteLength;
			counts.bytesReceived += bytes;
			counts[kind] += bytes;
		});
	});
	// Samråd sends a full view, then patches of it; the relay sends whole updates every time.
	const held = new PatchedView();
	socket.on('session.view', (envelope) => {
		counts.viewsReceived++;
		if (typeof envelope.version === 'number') held.full(envelope.view, envelope.version);
		viewed(socket, envelope);
	});
	socket.on('session.patch', (patch) => {
		counts.viewsReceived++;
		const outcome = held.patch(patch, applyPatch);
		if (outcome === 'gap' || outcome === 'broken') {
			counts.resyncs++;
			socket.emit('session.resync');
		}
		if (outcome !== 'applied') return;
		/** @type {any} */
		const envelope = { ...latestView.get(socket), view: held.view, version: patch.to };
		for (const field of ['joinCode', 'joinUrl', 'online', 'notice', 'serverTime'])
			if (field in patch) envelope[field] = patch[field];
		viewed(socket, envelope);
	});
	socket.on('conference.view', () => counts.viewsReceived++);
	return new Promise((resolve, reject) => {
		// socket.io-client bounds the transport's opening (`timeout`) but waits for ever for the
		// answer to the namespace's CONNECT: a CONNECT lost on its way fails here, with its role.
		const timer = setTimeout(() => {
			counts.connectErrors++;
			socket.disconnect();
			const role = auth.role ?? 'guest';
			reject(new Error(`${role} socket: CONNECT not answered within ${connectTimeoutMs} ms`));
		}, connectTimeoutMs);
		socket.once('connect', () => {
			clearTimeout(timer);
			socket.on('disconnect', (reason) => {
				if (reason === 'io client disconnect') return;
				counts.disconnects++;
				disconnectReasons[reason] = (disconnectReasons[reason] ?? 0) + 1;
			});
			resolve(socket);
		});
		socket.once('connect_error', (error) => {
			clearTimeout(timer);
			counts.connectErrors++;
			socket.disconnect();
			reject(error);
		});
	});
}

/** Listeners of each socket's views: full views and views made from patches alike. */
const viewListeners = /** @type {WeakMap<object, Set<(envelope: any) => void>>} */ (new WeakMap());

/**
 * @param {import('socket.io-client').Socket} socket
 * @param {any} envelope
 */
function viewed(socket, envelope) {
	latestView.set(socket, envelope);
	for (const listener of viewListeners.get(socket) ?? []) listener(envelope);
}

/**
 * @param {import('socket.io-client').Socket} socket
 * @param {(envelope: any) => void} listener
 */
function onView(socket, listener) {
	let listeners = viewListeners.get(socket);
	if (!listeners) viewListeners.set(socket, (listeners = new Set()));
	listeners.add(listener);
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
			viewListeners.get(socket)?.delete(listener);
			resolve(value);
		};
		onView(socket, listener);
	});
}

/** @param {any} envelope */
function currentRun(envelope) {
	const view = envelope?.view;
	return view?.runs?.find((/** @type {any} */ r) => r.id === view.currentQuestionId) ?? null;
}

/**
 * Matches acknowledged notes with a count that a view shows (anonymous, so by number): the j-th
 * note acknowledged is shown once the count reaches j (the server acks in commit order).
 */
class Arrivals {
	/** @param {number[]} into where the latencies go */
	constructor(into) {
		this.into = into;
		this.acked = 0;
		/** When the count first reached j + 1, by j. */
		this.shownAt = /** @type {number[]} */ ([]);
		/** Acknowledged notes not yet shown: their number → send time. */
		this.pending = /** @type {Map<number, number>} */ (new Map());
	}

	/** The view shows `total` at time t. */
	count(/** @type {number} */ total, /** @type {number} */ t) {
		while (this.shownAt.length < total) this.shownAt.push(t);
		for (const [j, sentAt] of this.pending) {
			if (j > total) continue;
			this.pending.delete(j);
			this.#seen(sentAt, t);
		}
	}

	/** The next note, sent at sentAt, was acknowledged: shown already, or waiting. */
	acknowledged(/** @type {number} */ sentAt) {
		const j = ++this.acked;
		const shown = this.shownAt[j - 1];
		if (shown === undefined) this.pending.set(j, sentAt);
		else this.#seen(sentAt, shown);
	}

	/** A note sent at sentAt is shown at t (never before it was sent). */
	#seen(/** @type {number} */ sentAt, /** @type {number} */ t) {
		this.into.push(Math.max(0, t - sentAt));
		if (this.into === samples.noteToScreen) samples.noteSentAt.push(sentAt - runStart);
	}
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
		/** The screen's progress is anonymous (counts sorted most first): matched by total. */
		this.onScreen = new Arrivals(samples.noteToScreen);
		/** A conference group's notes as the organiser's overview counts them. */
		this.onOverview = spec.groupId ? new Arrivals(samples.noteToOverview) : null;
		/** Texts of the group's acknowledged notes, and those the screen has shown revealed. */
		this.ackedTexts = /** @type {string[]} */ ([]);
		this.shownTexts = /** @type {Set<string>} */ (new Set());
	}

	async connect() {
		const { spec } = this;
		this.console = await connect({ role: 'facilitator', token: spec.facilitatorToken });
		const first = await viewWhere(this.console, () => true, latestView.get(this.console), 30_000);
		if (!first) throw new Error(`no console view for ${spec.sessionId}`);
		this.questionId = first.view.currentQuestionId;
		this.screen = await connect({ role: 'screen', token: spec.screenToken });
		onView(this.screen, (envelope) => this.#onScreenView(envelope));
		if (spec.memberIds) return await this.#connectMembers(spec.memberIds);
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

	/**
	 * A conference group: each member's phone opens their personal link and is seated in the
	 * group's session by the server (no join).
	 * @param {string[]} memberIds
	 */
	async #connectMembers(memberIds) {
		for (const id of memberIds) {
			const token = memberTokens.get(id);
			if (!token) throw new Error(`no personal link for member ${id}`);
			const socket = await connect({ role: 'member', token });
			const seated = await viewWhere(socket, () => true, latestView.get(socket), 30_000);
			if (!seated) throw new Error(`member ${id} was not seated in ${this.spec.sessionId}`);
			this.phones.push({ socket, participantId: id, okNotes: 0, noteIds: [] });
		}
	}

	/** @param {any} envelope */
	#onScreenView(envelope) {
		const run = currentRun(envelope);
		for (const note of run?.notes ?? []) this.shownTexts.add(note.text);
		if (!run) return;
		// Writing, the screen counts each person's notes; revealing, it shows the notes turned
		// and how many are still hidden. A group's last notes and its facilitator's next step can
		// reach the screen in one view: the notes are then seen first in the reveal.
		const total =
			run.phase === 'write'
				? run.progress.reduce((/** @type {number} */ a, /** @type {number} */ b) => a + b, 0)
				: run.phase === 'reveal' && run.reveal
					? run.notes.length + run.reveal.hiddenCount
					: null;
		if (total !== null) this.onScreen.count(total, now());
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
			const text = noteText(noteId);
			const sentAt = now();
			const ack = /** @type {any} */ (
				await command(phone.socket, 'note.add', { questionId: this.questionId, noteId, text })
			);
			if (ack?.ok) {
				this.onScreen.acknowledged(sentAt);
				this.onOverview?.acknowledged(sentAt);
				phone.okNotes++;
				phone.noteIds.push(noteId);
				okNotes.push({ sessionId: this.spec.sessionId, noteId, text });
				this.ackedTexts.push(text);
			}
			next += noteIntervalMs * (0.5 + Math.random());
		}
	}

	/**
	 * The facilitator enters a note for the group as a whole (issue 13) as writing ends. It has
	 * no author, so the screen's per-person progress leaves it out; the overview counts it.
	 */
	async groupNote() {
		const noteId = newId();
		const text = noteText(noteId);
		const sentAt = now();
		const ack = /** @type {any} */ (
			await command(/** @type {any} */ (this.console), 'note.add', {
				questionId: this.questionId,
				noteId,
				text,
				forGroup: true
			})
		);
		if (!ack?.ok) return;
		this.onOverview?.acknowledged(sentAt);
		okNotes.push({ sessionId: this.spec.sessionId, noteId, text });
		this.ackedTexts.push(text);
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
		await this.groupNote();
		this.stage = 'reveal';
		await this.advance('write');
		for (let i = 0; i < pace.revealSteps; i++) {
			await sleep(pace.revealStepMs);
			// A facilitator does not ask for the next note when none is left (a small group).
			if (currentRun(latestView.get(/** @type {any} */ (this.console)))?.reveal?.hiddenCount === 0)
				break;
			await command(/** @type {any} */ (this.console), 'reveal.next', {
				questionId: this.questionId
			});
		}
		this.stage = 'clarify';
		await this.advance('reveal');
		const firstNotes = this.phones.flatMap((p) => p.noteIds.slice(0, 1));
		const grouped = firstNotes.slice(0, 3);
		const headingId = newId();
		if (grouped.length > 0) {
			await command(/** @type {any} */ (this.console), 'cluster.create', {
				questionId: this.questionId,
				clusterId: headingId,
				heading: 'BYRÅKRATI',
				noteIds: grouped
			});
		}
		// A sub-heading under it (issue 13), with the next two notes.
		const sub = firstNotes.slice(3, 5);
		if (grouped.length > 0 && sub.length > 0) {
			await command(/** @type {any} */ (this.console), 'cluster.create', {
				questionId: this.questionId,
				clusterId: newId(),
				heading: 'Mellom etatene',
				noteIds: sub,
				parentId: headingId
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
		// The facilitator writes down one member's reflection (issue 13), a paragraph long.
		const writer = this.phones[0];
		if (writer) {
			await command(/** @type {any} */ (this.console), 'reflection.write', {
				reflectionId: newId(),
				authorId: writer.participantId,
				title: 'Det vi tar med oss',
				text: noteText(newId()).slice(0, 1500)
			});
		}
		counts.notesNotSeen += this.onScreen.pending.size;
		// Clarify revealed every note: by results the screen has shown each acknowledged text.
		counts.textsNotShown += this.ackedTexts.filter((text) => !this.shownTexts.has(text)).length;
		this.stage = 'done';
	}

	close() {
		this.console?.disconnect();
		this.screen?.disconnect();
		for (const phone of this.phones) phone.socket.disconnect();
	}
}

/**
 * The conference: its groups run like the others, while the organiser's overview counts their
 * notes; then the organiser presents groups on the plenum screen one by one, and starts round 2,
 * and every member's phone must move to its new group.
 */
class Conference {
	/** @param {ConferenceSpec} spec */
	constructor(spec) {
		this.spec = spec;
		for (const member of spec.members) memberTokens.set(member.id, member.token);
		this.groups = spec.groups.map((g) => new Group(g));
		/** @type {Map<string, Group>} */
		this.byId = new Map(this.groups.map((g) => [g.spec.groupId ?? '', g]));
		/** @type {import('socket.io-client').Socket | null} */
		this.overview = null;
		/** @type {import('socket.io-client').Socket | null} */
		this.plenum = null;
		this.stage = 'connecting';
	}

	async connect() {
		const { spec } = this;
		const cookie = { cookie: spec.organiserCookie };
		this.overview = await connect({ role: 'organiser', conferenceId: spec.conferenceId }, cookie);
		this.overview.on('conference.view', (envelope) => {
			const t = now();
			for (const group of envelope?.view?.groups ?? []) {
				this.byId.get(group.id)?.onOverview?.count(group.notes, t);
			}
		});
		this.plenum = await connect({ role: 'plenum', token: spec.plenumToken });
		await pool(this.groups, 4, (group) => group.connect());
	}

	get connections() {
		return this.groups.reduce((n, g) => n + g.phones.length + 2, 0) + 2;
	}

	/** Posts an organiser's form as the page's enhanced form does; true when it succeeded. */
	async form(/** @type {string} */ path, /** @type {Record<string, string>} */ fields) {
		const response = await fetch(
			`${setup.url}/organiser/conferences/${this.spec.conferenceId}${path}`,
			{
				method: 'POST',
				body: new URLSearchParams(fields),
				headers: {
					origin: setup.url,
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					cookie: this.spec.organiserCookie
				}
			}
		);
		const answer = /** @type {any} */ (await response.json().catch(() => null));
		if (answer?.type === 'success') return true;
		const key = `form ${path.replace(/\/[^/?]+\?/, '/…?')}:${answer?.status ?? response.status}`;
		errors[key] = (errors[key] ?? 0) + 1;
		return false;
	}

	/** The next conference view on a socket that satisfies the predicate (null after timeout). */
	conferenceView(
		/** @type {import('socket.io-client').Socket} */ socket,
		/** @type {(view: any) => boolean} */ predicate,
		timeoutMs = 10_000
	) {
		return new Promise((resolve) => {
			const listener = (/** @type {any} */ envelope) => {
				if (predicate(envelope?.view)) done(true);
			};
			const timer = setTimeout(() => done(false), timeoutMs);
			const done = (/** @type {boolean} */ shown) => {
				clearTimeout(timer);
				socket.off('conference.view', listener);
				resolve(shown);
			};
			socket.on('conference.view', listener);
		});
	}

	/** Round 1: the groups run like stand-alone ones while the overview counts their notes. */
	async runGroups(/** @type {number} */ t0) {
		this.stage = 'round 1';
		await Promise.all(this.groups.map((g) => g.run(t0)));
		for (const group of this.groups)
			counts.notesNotOnOverview += group.onOverview?.pending.size ?? 0;
	}

	/** After round 1: groups presented on the plenum screen, then round 2 started. */
	async afterRound() {
		const pace = setup.pace;
		this.stage = 'plenum';
		const plenum = /** @type {import('socket.io-client').Socket} */ (this.plenum);
		for (const group of this.groups.slice(0, pace.presentGroups)) {
			const groupId = group.spec.groupId ?? '';
			const shown = this.conferenceView(plenum, (view) => view?.focusGroupId === groupId);
			const sentAt = now();
			const ok = await this.form('/plenum?/present', { roundId: this.spec.firstRoundId, groupId });
			if (ok && (await shown)) samples.presentToPlenum.push(now() - sentAt);
			else counts.presentsNotShown++;
			await sleep(pace.presentStepMs);
		}
		this.stage = 'round 2';
		const phones = this.groups.flatMap((g) =>
			g.phones.map((phone) => ({ phone, from: g.spec.sessionId }))
		);
		const sentAt = now();
		const moved = phones.map(({ phone, from }) =>
			viewWhere(
				phone.socket,
				(e) => Boolean(e?.view?.sessionId) && e.view.sessionId !== from,
				undefined,
				30_000
			).then((view) => (view ? samples.roundToPhone.push(now() - sentAt) : counts.phonesNotMoved++))
		);
		const overview = /** @type {import('socket.io-client').Socket} */ (this.overview);
		const roundShown = this.conferenceView(
			overview,
			(view) => view?.round?.id === this.spec.secondRoundId,
			30_000
		).then((shown) => (shown ? samples.roundToOverview.push(now() - sentAt) : 0));
		await this.form(`/rounds/${this.spec.secondRoundId}?/start`, { commandId: newId() });
		await Promise.all([...moved, roundShown]);
		this.stage = 'done';
	}

	close() {
		this.overview?.disconnect();
		this.plenum?.disconnect();
		for (const group of this.groups) group.close();
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
		while (next < items.length) await task(/** @type {T} */ (items[next++]));
	});
	await Promise.all(runners);
}

process.on('message', (/** @type {any} */ message) => {
	if (message.type === 'setup') {
		setup = message;
		groups = setup.groups.map((spec) => new Group(spec));
		conference = setup.conference ? new Conference(setup.conference) : null;
		Promise.all([pool(groups, 8, (group) => group.connect()), conference?.connect()])
			.then(() => {
				const connections =
					groups.reduce((n, g) => n + g.phones.length + 2, 0) + (conference?.connections ?? 0);
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
		Promise.all([...groups.map((g) => g.run(t0)), conference?.runGroups(t0)])
			.then(() => {
				// The part both targets run alike ends here: the harness reads the CPU used so far.
				process.send?.({ type: 'groups-done' });
				return conference?.afterRound();
			})
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
		if (conference) stages[`conference ${conference.stage}`] = 1;
		process.send?.({
			type: 'status',
			stages,
			acked: counts.acked,
			lost: counts.lost,
			disconnects: disconnectReasons
		});
	} else if (message.type === 'close') {
		for (const group of groups) group.close();
		conference?.close();
		setTimeout(() => process.exit(0), 200);
	}
});
