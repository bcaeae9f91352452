/** Sessions, phones and consoles through the public API, as a browser would use it. */
import Database from 'better-sqlite3';
import type { CreatedSession } from '$lib/server/http/new-session';
import type { Language } from '$lib/domain/session/types';
import { connect, newId, type ConnectOptions, type TestClient } from './client';

export interface NewSession {
	title?: string;
	questions?: string[];
	language?: Language;
}

/** POST /api/sessions; fails the test on anything but 201. */
export async function createSession(
	server: { url: string },
	input: NewSession = {}
): Promise<CreatedSession> {
	const response = await fetch(`${server.url}/api/sessions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			title: input.title ?? 'Test session',
			questions: input.questions ?? ['What stands in the way?'],
			language: input.language ?? 'en'
		})
	});
	const body = (await response.json()) as unknown;
	if (response.status !== 201) {
		throw new Error(`POST /api/sessions: ${response.status} ${JSON.stringify(body)}`);
	}
	return body as CreatedSession;
}

/** The facilitator's console socket, connected and holding its first view. */
export async function connectConsole(
	server: { url: string },
	session: CreatedSession,
	options: ConnectOptions = {}
): Promise<TestClient> {
	const client = await connect(server, {
		...options,
		auth: { role: 'facilitator', token: session.facilitatorToken, ...options.auth }
	});
	await client.waitForView();
	return client;
}

/** A phone that joined by code: its id, its token, and its (now participant) socket. */
export interface Phone {
	participantId: string;
	token: string;
	client: TestClient;
}

/** Joins as a new phone with participant.join; the socket stays connected as that participant. */
export async function joinPhone(
	server: { url: string },
	joinCode: string,
	name: string,
	options: ConnectOptions = {}
): Promise<Phone> {
	const client = await connect(server, { ...options, auth: { role: 'guest', ...options.auth } });
	const ack = await client.command('participant.join', { id: newId(), code: joinCode, name });
	if (!ack.ok) throw new Error(`participant.join refused: ${JSON.stringify(ack.error)}`);
	await client.waitForView((v) => v.view.role === 'participant');
	return { participantId: ack.participantId, token: ack.token, client };
}

/** A phone coming back (reload, new connection) with its token. */
export async function reconnectPhone(
	server: { url: string },
	token: string,
	options: ConnectOptions = {}
): Promise<TestClient> {
	const client = await connect(server, {
		...options,
		auth: { role: 'participant', token, ...options.auth }
	});
	await client.waitForView();
	return client;
}

/** Moves the current question from lobby to write (silent writing), as the facilitator. */
export async function startWriting(facilitator: TestClient): Promise<string> {
	const view = await facilitator.waitForView();
	const questionId = view.view.currentQuestionId;
	const ack = await facilitator.command('phase.advance', {
		id: newId(),
		questionId,
		from: 'lobby'
	});
	if (!ack.ok) throw new Error(`phase.advance refused: ${JSON.stringify(ack.error)}`);
	return questionId;
}

/** Runs a read-only query against the server's SQLite file (while it runs, or after). */
export function readDb<T>(databasePath: string, query: (db: Database.Database) => T): T {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		return query(db);
	} finally {
		db.close();
	}
}
