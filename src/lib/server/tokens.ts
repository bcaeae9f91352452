import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { joinCodeAlphabet, joinCodeLength } from '$lib/domain/limits';

/** A random URL-safe token of `bytes` random bytes (16 bytes = 128 bits). */
export function randomToken(bytes = 16): string {
	return randomBytes(bytes).toString('base64url');
}

/** `length` random letters of the join codes' unambiguous alphabet. */
export function randomCode(length: number): string {
	let code = '';
	for (let i = 0; i < length; i++) code += joinCodeAlphabet[randomInt(joinCodeAlphabet.length)];
	return code;
}

/** A random join code from the unambiguous alphabet. */
export const randomJoinCode = (): string => randomCode(joinCodeLength);

function mac(secret: string, message: string): string {
	return createHmac('sha256', secret).update(message).digest('base64url').slice(0, 32);
}

/**
 * A phone's proof of being a participant: derived from the server secret, so the database
 * never holds it and a repeated join command can answer with the same token.
 */
export function participantToken(secret: string, sessionId: string, participantId: string): string {
	return `${sessionId}.${participantId}.${mac(secret, `participant:${sessionId}:${participantId}`)}`;
}

/** The session and participant a token proves, or null for a forged or malformed token. */
export function verifyParticipantToken(
	secret: string,
	token: string
): { sessionId: string; participantId: string } | null {
	const parts = token.split('.');
	if (parts.length !== 3) return null;
	const [sessionId, participantId, given] = parts as [string, string, string];
	const expected = mac(secret, `participant:${sessionId}:${participantId}`);
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
	return { sessionId, participantId };
}

/**
 * How the roster page names a person: stable and unguessable, but not their id, which the
 * page has no need to publish.
 */
export function rosterKey(secret: string, conferenceId: string, participantId: string): string {
	return mac(secret, `roster:${conferenceId}:${participantId}`).slice(0, 22);
}
