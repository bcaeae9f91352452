// The floor to compare with: a bare socket.io relay. No validation, no database, no views per
// recipient: it acks every command and emits one small update to the sender's room. It keeps
// just enough in memory (people, phase, notes per person) for the same clients to run on it.
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

/** @typedef {{ phase: string, questionId: string, people: { id: string, name: string }[], notes: Map<string, number> }} Room */
/** @type {Map<string, Room>} */
const rooms = new Map();

/** @param {string} id */
function room(id) {
	let found = rooms.get(id);
	if (!found) {
		found = { phase: 'lobby', questionId: `q${id}`.padEnd(16, 'q'), people: [], notes: new Map() };
		rooms.set(id, found);
	}
	return found;
}

/**
 * The small update every socket of a room gets.
 * @param {string} id
 */
function update(id) {
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
					progress: r.phase === 'write' ? r.people.map((p) => r.notes.get(p.id) ?? 0) : []
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
		} else if (roomId) {
			const r = room(roomId);
			if (name === 'note.add' && me) r.notes.set(me, (r.notes.get(me) ?? 0) + 1);
			if (name === 'phase.advance') r.phase = next[r.phase] ?? r.phase;
			ack(name === 'note.add' ? { ok: true, noteId: payload?.noteId } : { ok: true });
		} else {
			ack({ ok: true });
			return;
		}
		io.to(roomId).emit('session.view', update(roomId));
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
