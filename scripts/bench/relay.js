// The floor to compare with: a bare socket.io relay. No validation, no database, no views per
// recipient: it acks every command and emits one small update to the sender's room. It keeps
// just enough in memory (people, phase, notes per person and their texts) for the same clients
// to run on it, and forwards each note's text once to whoever Samråd's views show it to: its
// writer when written, the whole room when revealed (round-robin on `reveal.next`, the rest on
// entering clarify). So the bytes compare like with like: the same texts, each sent once.
// Prints a "server.listening" JSON line like the real server, so the harness treats both alike.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const next = /** @type {Record<string, string>} */ ({
	lobby: 'write',
	write: 'reveal',
	reveal: 'clarify',
	clarify: 'vote',
	vote: 'results'
});

/** @typedef {{ id: string, text: string, author: string }} Note */
/** @typedef {{ phase: string, questionId: string, people: { id: string, name: string }[], notes: Map<string, number>, hidden: Note[], lastAuthor: string }} Room */
/** @type {Map<string, Room>} */
const rooms = new Map();

/** @param {string} id */
function room(id) {
	let found = rooms.get(id);
	if (!found) {
		found = {
			phase: 'lobby',
			questionId: `q${id}`.padEnd(16, 'q'),
			people: [],
			notes: new Map(),
			hidden: [],
			lastAuthor: ''
		};
		rooms.set(id, found);
	}
	return found;
}

/** The next hidden note, round-robin: the oldest one by someone other than the last reader. */
function revealOne(/** @type {Room} */ r) {
	const index = r.hidden.findIndex((n) => n.author !== r.lastAuthor);
	const [note] = r.hidden.splice(Math.max(0, index), 1);
	if (note) r.lastAuthor = note.author;
	return note ? [note] : [];
}

/**
 * The small update every socket of a room gets; `notes` are only those revealed by this change.
 * @param {string} id
 * @param {{ id: string, text: string, revealIndex?: number }[]} [notes]
 * @param {{ id: string, text: string }[]} [myNotes] the writer's own new note (to the writer only)
 */
function update(id, notes = [], myNotes) {
	const r = room(id);
	return {
		view: {
			role: 'screen',
			sessionId: id,
			currentQuestionId: r.questionId,
			people: r.people,
			runs: [
				{
					id: r.questionId,
					phase: r.phase,
					progress: r.phase === 'write' ? r.people.map((p) => r.notes.get(p.id) ?? 0) : [],
					notes,
					...(myNotes ? { myNotes } : {})
				}
			]
		},
		serverTime: Date.now()
	};
}

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });

io.on('connection', (socket) => {
	const auth = /** @type {{ role?: string, token?: string }} */ (socket.handshake.auth ?? {});
	/** @type {string | null} */
	let roomId = null;
	/** @type {string | null} */
	let me = null;
	if (auth.role === 'facilitator' || auth.role === 'screen') {
		roomId = String(auth.token);
		void socket.join(roomId);
		socket.emit('session.view', update(roomId));
	}
	socket.onAny((name, payload, ack) => {
		if (typeof ack !== 'function') return;
		if (name === 'participant.join') {
			roomId = String(payload?.code);
			me = randomBytes(12).toString('base64url');
			room(roomId).people.push({ id: me, name: String(payload?.name) });
			void socket.join(roomId);
			ack({ ok: true, participantId: me, token: `${roomId}.${me}` });
			io.to(roomId).emit('session.view', update(roomId));
			return;
		}
		if (!roomId) {
			ack({ ok: true });
			return;
		}
		const r = room(roomId);
		/** @type {Note[]} */
		let revealed = [];
		if (name === 'note.add') {
			// The console's note for the group has no author, and no place in the progress.
			const note = { id: String(payload?.noteId), text: String(payload?.text), author: me ?? '' };
			if (me) r.notes.set(me, (r.notes.get(me) ?? 0) + 1);
			r.hidden.push(note);
			ack({ ok: true, noteId: note.id });
			// The text goes to its writer only until it is revealed, as in Samråd's views.
			socket.emit('session.view', update(roomId, [], [{ id: note.id, text: note.text }]));
			socket.to(roomId).emit('session.view', update(roomId));
			return;
		}
		if (name === 'phase.advance') {
			r.phase = next[r.phase] ?? r.phase;
			if (r.phase === 'clarify') revealed = r.hidden.splice(0);
		}
		if (name === 'reveal.next' && r.phase === 'reveal') revealed = revealOne(r);
		ack({ ok: true });
		const notes = revealed.map((n) => ({ id: n.id, text: n.text }));
		io.to(roomId).emit('session.view', update(roomId, notes));
	});
});

httpServer.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
	const address = httpServer.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	process.stdout.write(JSON.stringify({ event: 'server.listening', port }) + '\n');
});

process.on('SIGTERM', () => {
	void io.close(() => process.exit(0));
});
