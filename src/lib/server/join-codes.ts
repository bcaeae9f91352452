import { joinCodeAlphabet, joinCodeLength } from '$lib/domain/limits';
import { refuse, type DomainError } from '$lib/domain/errors';
import type { App } from './app';
import { firstRefusal, waitSeconds } from './rate-limit';
import type { LoadedSession } from './sessions';
import type { StoreSet } from './stores';
import { randomJoinCode } from './tokens';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'stores' | 'limiters' | 'sessions'>;

/** Join codes of stand-alone sessions stop working after this long without any activity. */
export const joinCodeLifetimeMs = 14 * 86_400_000;

/** Codes drawn before giving up: among 32^6 codes, 50 taken in a row means something is broken. */
const joinCodeAttempts = 50;

/** No free join code was found: the code space is full or the random source is broken. */
export class JoinCodesExhausted extends Error {
	override readonly name = 'JoinCodesExhausted';
	readonly code = 'join_codes_exhausted';

	constructor(readonly attempts: number) {
		super(
			`no free ${joinCodeLength}-character join code (${joinCodeAlphabet.length} letters) after ${attempts} attempts`
		);
	}
}

/**
 * A join code no conference and no session uses: they share one alphabet and one input on the
 * phone, so a code must never open two things. Throws JoinCodesExhausted rather than hand out a
 * code that may be taken. Call it inside the unit of work that stores the code.
 */
export async function allocateJoinCode(
	stores: Pick<StoreSet, 'sessions' | 'conferences'>
): Promise<string> {
	for (let attempt = 0; attempt < joinCodeAttempts; attempt++) {
		const code = randomJoinCode();
		if (!(await stores.sessions.codeTaken(code)) && !(await stores.conferences.codeTaken(code)))
			return code;
	}
	throw new JoinCodesExhausted(joinCodeAttempts);
}

/**
 * The session a join code opens: a stand-alone session's while it is in use (its code expires
 * after two weeks without activity). A conference group's session opens to nobody by its code:
 * members join through the conference (the roster, or their badge).
 */
export async function sessionForCode(
	app: Uses,
	code: string,
	now: number = Date.now()
): Promise<LoadedSession | null> {
	const session = await app.sessions.byCode(code);
	if (!session || session.access.conferenceId) return null;
	const last = await app.stores.sessions.lastActivity(session.access.id);
	return last !== null && now - last < joinCodeLifetimeMs ? session : null;
}

/** One look-up of a join code: from a socket (which can be slowed on its own) or from a page. */
export interface CodeAttempt {
	address: string;
	code: string;
	/** The socket that asks; pages have none and count as a fresh socket. */
	socketId?: string;
}

const knownKey = (attempt: CodeAttempt) => `${attempt.address}|${attempt.code}`;

/**
 * Whether a code may be looked up now: null, or the seconds to wait. A socket that guessed waits
 * longer and longer; a code this address has joined with may then always be looked up (the room
 * keeps joining its own sessions); past the address's hard cap no other code is; and every
 * socket of the address that has failed once waits the address's growing delay. A fresh phone's
 * first try is never slowed by someone else's guessing below that cap.
 */
export async function codeLookUpWait(app: Uses, attempt: CodeAttempt): Promise<number | null> {
	const { perSocket, perAddress, hardCap, known } = app.limiters.joinCodes;
	const socketId = attempt.socketId;
	if (socketId) {
		const own = await perSocket.wait(socketId);
		if (!own.ok) return waitSeconds(own);
	}
	if (await known.knows(knownKey(attempt))) return null;
	const refusal = await firstRefusal([
		() => hardCap.peek(attempt.address),
		async () =>
			socketId && (await perSocket.hasFailed(socketId))
				? perAddress.wait(attempt.address)
				: { ok: true as const }
	]);
	return refusal.ok ? null : waitSeconds(refusal);
}

/** Records what a look-up found: a known code for the address, or a failure that counts. */
export async function recordCodeLookUp(
	app: Uses,
	attempt: CodeAttempt,
	found: boolean
): Promise<void> {
	const { perSocket, perAddress, hardCap, known } = app.limiters.joinCodes;
	if (found) return known.remember(knownKey(attempt));
	await Promise.all([
		attempt.socketId ? perSocket.fail(attempt.socketId) : undefined,
		perAddress.fail(attempt.address),
		hardCap.take(attempt.address)
	]);
}

/** One join by code, from a phone's socket or from its page before the app has started. */
export interface JoinAttempt {
	/** The client's command id: a repeat from the same sender is answered as the first was. */
	id: string;
	code: string;
	name: string;
	address: string;
	/** What the sender cannot pass on: `d:<device hash>`, else `socket:<id>`. */
	sender: string;
	socketId?: string;
}

export type JoinResult =
	| { ok: true; sessionId: string; participantId: string; token: string }
	| { ok: false; error: DomainError; limit?: 'codes' | 'joins' };

/** Whether this sender's join with this command id was answered before. */
async function isRepeatedJoin(app: Uses, attempt: JoinAttempt): Promise<boolean> {
	const prior = await app.stores.processedCommands.find(attempt.id);
	return prior?.name === 'participant.join' && prior.scope.endsWith(`:join:${attempt.sender}`);
}

/**
 * Joins a stand-alone session by code, in a fixed order: the guessing wait (its socket, then
 * the address's failures), the address's join allowance (not for a repeat of the sender's own
 * join), the code (unknown or expired codes count as failures), then exactly once per command id
 * and sender.
 */
export async function joinByCode(app: Uses, attempt: JoinAttempt): Promise<JoinResult> {
	const { address, code, socketId } = attempt;
	const lookUp: CodeAttempt = socketId ? { address, code, socketId } : { address, code };
	const wait = await codeLookUpWait(app, lookUp);
	if (wait !== null)
		return { ok: false, error: refuse('rate_limited', { seconds: wait }), limit: 'codes' };
	// The same join again from its sender (the page's early join, then its app's resend of it) is
	// answered as the first was and takes nothing more from the address's allowance.
	const repeat = await isRepeatedJoin(app, attempt);
	const joins = repeat ? { ok: true as const } : await app.limiters.joins.take(attempt.address);
	if (!joins.ok) {
		return {
			ok: false,
			error: refuse('rate_limited', { seconds: waitSeconds(joins) }),
			limit: 'joins'
		};
	}
	const found = (await sessionForCode(app, attempt.code)) !== null;
	await recordCodeLookUp(app, lookUp, found);
	if (!found) return { ok: false, error: refuse('not_found') };
	const joined = await app.sessions.join(attempt.code, attempt.name, attempt.id, attempt.sender);
	if (!joined.ack.ok) return { ok: false, error: joined.ack.error };
	if (!joined.sessionId || !joined.token) return { ok: false, error: refuse('not_found') };
	return {
		ok: true,
		sessionId: joined.sessionId,
		participantId: String(joined.ack.participantId),
		token: joined.token
	};
}
