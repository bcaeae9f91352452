import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import * as v from 'valibot';
import { refuse, type DomainError } from '$lib/domain/errors';
import { limits } from '$lib/domain/limits';
import type { SessionCommand } from '$lib/domain/session/commands';
import {
	cookieValue,
	defaultLanguage,
	fixedT,
	negotiateLanguage,
	requestLanguage,
	type Language
} from '$lib/i18n';
import {
	commandNames,
	commandSchemas,
	handshakeSchema,
	type Ack,
	type CommandName
} from '$lib/realtime/contract';
import type { App } from '../app';
import { hashToken, organiserCookie } from '../auth';
import { sessionMayRead } from '../conference-access';
import { findConferenceByPlenumToken } from '../db/conferences';
import { findParticipantByToken } from '../db/participants';
import { describeError, log } from '../log';
import { clientAddress, originAllowed } from '../network';
import { recordFailedJoin, sessionForCode } from '../join-codes';
import type { StoredAck } from '../sessions';
import {
	Hub,
	participantBinding,
	type Binding,
	type Member,
	type SamradServer,
	type SamradSocket,
	type Watcher
} from './hub';

/** The largest message a client may send (a note is at most a few KB). */
export const maxMessageBytes = 64 * 1024;

export interface Realtime {
	io: SamradServer;
	hub: Hub;
}

// One io per HTTP server, also across hot reloads of this module in development.
const attachedKey = Symbol.for('samrad.realtime');
type Attachable = HttpServer & { [attachedKey]?: Realtime };

export function isAttached(httpServer: HttpServer): boolean {
	return (httpServer as Attachable)[attachedKey] !== undefined;
}

/** Creates the socket.io server on an HTTP server (once) and wires every handler. */
export function attachRealtime(httpServer: HttpServer, app: App): Realtime {
	const server = httpServer as Attachable;
	const existing = server[attachedKey];
	if (existing) return existing;

	const io: SamradServer = new Server(httpServer, {
		maxHttpBufferSize: maxMessageBytes,
		serveClient: false,
		// Phones on venue Wi-Fi stall for a while; don't drop them too eagerly.
		pingInterval: 20_000,
		pingTimeout: 25_000,
		allowRequest: (req, callback) => {
			const allowed = originAllowed(req.headers.origin, req.headers.host, app.config.publicOrigin);
			if (!allowed) log.warn('socket.origin_refused', { origin: req.headers.origin ?? null });
			callback(allowed ? null : 'origin not allowed', allowed);
		}
	});
	const hub = new Hub(app, io);
	app.conferences.onChange = (conferenceId, what) =>
		what === 'glossary'
			? hub.refreshGlossary(conferenceId)
			: hub.refreshConference(conferenceId, what);
	// Conference sockets found in the handshake, attached once connected.
	const pending = new Map<string, Member | Watcher>();

	io.use((socket, next) => {
		// An exception here would be uncaught and stop the whole process: refuse the one socket.
		try {
			const parsed = v.safeParse(handshakeSchema, socket.handshake.auth ?? {});
			const headers = socket.handshake.headers;
			const lang =
				(parsed.success && parsed.output.lang) ||
				handshakeLanguage(headers.cookie, headers['accept-language']);
			socket.data.lang = lang;
			socket.data.ip = clientAddress(
				socket.handshake.address,
				headers['x-forwarded-for'],
				app.config.trustProxy
			);
			socket.data.binding = null;
			socket.data.member = null;
			socket.data.watch = null;
			socket.data.lastView = null;
			socket.data.lastConference = null;
			if (!parsed.success) return next(new Error('unauthenticated'));
			const { role, token, conferenceId } = parsed.output;
			if (role === 'member' || role === 'plenum' || role === 'organiser') {
				const attachment = conferenceAttachment(app, role, token, conferenceId, headers.cookie);
				if (!attachment) return next(new Error('unauthenticated'));
				pending.set(socket.id, attachment);
				return next();
			}
			const binding = bindingFor(app, role, token);
			if (binding === undefined) return next(new Error('unauthenticated'));
			socket.data.binding = binding;
			next();
		} catch (error) {
			log.error('socket.handshake_failed', { error: describeError(error) });
			next(new Error('unavailable'));
		}
	});

	io.on('connection', (socket) => {
		const binding = socket.data.binding;
		socket.data.binding = null;
		const attachment = pending.get(socket.id);
		pending.delete(socket.id);
		// Like the middleware: an exception here must cost one socket, never the process.
		try {
			if (binding) hub.bind(socket, binding);
			if (attachment && 'participantId' in attachment) hub.attachMember(socket, attachment);
			else if (attachment) hub.attachWatcher(socket, attachment);
		} catch (error) {
			log.error('socket.attach_failed', { error: describeError(error) });
			socket.disconnect(true);
			return;
		}
		log.debug('socket.connected', { role: binding?.viewer.role ?? 'guest' });
		for (const name of commandNames) {
			socket.on(name, (...args: unknown[]) => {
				// The ack is the last argument: a command without a payload, or with more than one,
				// is answered as malformed instead of being dropped in silence.
				const ack = args.at(-1);
				if (typeof ack !== 'function') return;
				const payload = args.length === 2 ? args[0] : undefined;
				handleCommand(app, hub, socket, name, payload, ack as (answer: Ack) => void);
			});
		}
		// Events outside the contract get an error answer too, never silence.
		socket.onAny((event: string, ...args: unknown[]) => {
			if ((commandNames as string[]).includes(event)) return;
			const ack = args.at(-1);
			if (typeof ack === 'function') {
				(ack as (answer: Ack) => void)(
					present({ ok: false, error: refuse('invalid_payload', { field: 'event' }) }, socket)
				);
			}
		});
		socket.on('disconnect', () => hub.disconnect(socket));
	});

	const realtime = { io, hub };
	server[attachedKey] = realtime;
	return realtime;
}

/** The handshake's language; a malformed cookie (lang=%E0) falls back to Accept-Language. */
function handshakeLanguage(
	cookie: string | undefined,
	acceptLanguage: string | undefined
): Language {
	try {
		return requestLanguage(cookie, acceptLanguage);
	} catch {
		return negotiateLanguage(acceptLanguage) ?? defaultLanguage;
	}
}

/** A member's phone, a plenum screen or an organiser's overview; null when not allowed. */
function conferenceAttachment(
	app: App,
	role: 'member' | 'plenum' | 'organiser',
	token: string | undefined,
	conferenceId: string | undefined,
	cookieHeader: string | undefined
): Member | Watcher | null {
	if (role === 'member') {
		const person = token ? findParticipantByToken(app.db, token) : null;
		return person ? { conferenceId: person.conferenceId, participantId: person.id } : null;
	}
	if (role === 'plenum') {
		const conference = token ? findConferenceByPlenumToken(app.db, token) : null;
		return conference ? { conferenceId: conference.id, kind: 'plenum' } : null;
	}
	const signIn = cookieValueSafe(cookieHeader, organiserCookie);
	if (!signIn || signIn.length > 100 || !conferenceId) return null;
	const organiserSession = hashToken(signIn);
	if (!sessionMayRead(app.db, organiserSession, conferenceId, Date.now())) return null;
	return { conferenceId, kind: 'organiser', organiserSession };
}

function cookieValueSafe(header: string | undefined, name: string): string | undefined {
	try {
		return cookieValue(header, name) ?? undefined;
	} catch {
		return undefined;
	}
}

/** Who a handshake proves to be; undefined when the credentials are wrong. */
function bindingFor(app: App, role: string, token: string | undefined): Binding | null | undefined {
	if (role === 'guest') return null;
	if (!token) return undefined;
	if (role === 'participant') {
		const found = app.sessions.byParticipantToken(token);
		if (!found) return undefined;
		return participantBinding(found.session.access.id, found.participantId);
	}
	const session =
		role === 'facilitator'
			? app.sessions.byFacilitatorToken(token)
			: app.sessions.byScreenToken(token);
	if (!session) return undefined;
	const sessionId = session.access.id;
	if (role === 'facilitator') {
		return {
			sessionId,
			viewer: { role: 'facilitator' },
			actor: { role: 'facilitator' },
			scope: `s:${sessionId}:f`
		};
	}
	// Screens only watch: their actor is a guest without any permission but joining.
	return {
		sessionId,
		viewer: { role: 'screen' },
		actor: { role: 'guest' },
		scope: `s:${sessionId}:screen`
	};
}

/** Translates a stored answer for this socket. */
function present(stored: StoredAck, socket: SamradSocket): Ack {
	if (stored.ok) return stored;
	const t = fixedT(socket.data.lang);
	const { code, params } = stored.error;
	return {
		ok: false,
		error: { code, message: t(`errors.${code}`, params ?? {}), ...(params ? { params } : {}) }
	};
}

/** The character limit of a command's text field (the schema only guards twice that). */
function textLimit(name: CommandName, field: string): number {
	if (field === 'title') return limits.titleChars;
	if (field === 'name') return limits.nameChars;
	if (field === 'heading') return limits.headingChars;
	if (name === 'session.reflect') return limits.reflectionChars;
	if (name === 'question.add' || name === 'question.edit') return limits.questionChars;
	return limits.noteChars;
}

/** Turns schema issues into one error: too_long for over-long text, else invalid_payload. */
function schemaError(name: CommandName, issues: v.BaseIssue<unknown>[]): DomainError {
	const first = issues[0];
	const field = first?.path?.map((p) => String(p.key)).join('.') ?? '';
	if (first?.type === 'max_length' && typeof first.input === 'string') {
		// The message says "at most {{max}} characters": max must be the real limit.
		const max = textLimit(name, field);
		return refuse('too_long', { field, max, length: [...first.input].length });
	}
	return refuse('invalid_payload', { field: field || name });
}

/** A refusal when this socket or its address sends too much; null when within limits. */
function overLimit(app: App, socket: SamradSocket, name: CommandName): DomainError | null {
	const { limiters } = app;
	const now = Date.now();
	const ip = socket.data.ip;
	// In order, stopping at the first refusal: a command refused by one limit spends nothing of
	// the next (one runaway phone must not use up the allowance of everyone behind its router).
	const checks: (() => { ok: true } | { ok: false; retryAfterMs: number })[] = [
		() => limiters.commandsPerSocket.take(socket.id, now),
		() => limiters.commandsPerAddress.take(ip, now)
	];
	if (name === 'participant.join') {
		checks.push(() => {
			const failed = limiters.failedJoins.blocked(ip, now);
			return failed.blocked ? { ok: false, retryAfterMs: failed.retryAfterMs } : { ok: true };
		});
		checks.push(() => limiters.joins.take(ip, now));
	}
	for (const run of checks) {
		const check = run();
		if (!check.ok) {
			log.warn('rate.limited', { command: name });
			return refuse('rate_limited', { seconds: Math.max(1, Math.ceil(check.retryAfterMs / 1000)) });
		}
	}
	return null;
}

/**
 * One command, in a fixed order: authenticate, validate, apply in the core and commit,
 * acknowledge, then send the changed views.
 */
function handleCommand(
	app: App,
	hub: Hub,
	socket: SamradSocket,
	name: CommandName,
	payload: unknown,
	ack: (answer: Ack) => void
): void {
	const reply = (stored: StoredAck) => ack(present(stored, socket));
	try {
		// LIMITS: a flood from one socket or one address is refused before any work is done.
		const limited = overLimit(app, socket, name);
		if (limited) return reply({ ok: false, error: limited });

		// AUTH: every command but join needs a session binding.
		const binding = socket.data.binding;
		if (name !== 'participant.join' && !binding)
			return reply({ ok: false, error: refuse('unauthenticated') });
		// Conference members are placed in their group's session; they never join by code.
		if (
			name === 'participant.join' &&
			(socket.data.member || (binding && binding.viewer.role !== 'participant'))
		) {
			return reply({ ok: false, error: refuse('forbidden') });
		}

		// VALIDATION: the schema, before anything reaches the core.
		const parsed = v.safeParse(commandSchemas[name], payload);
		if (!parsed.success) return reply({ ok: false, error: schemaError(name, parsed.issues) });

		// RESOLUTION: core + commit (SessionService), exactly once per command id.
		if (name === 'participant.join') {
			const {
				id,
				code,
				name: personName
			} = parsed.output as { id: string; code: string; name: string };
			// Unknown or expired codes count towards the address's failed attempts (no guessing).
			if (!sessionForCode(app, code)) {
				recordFailedJoin(app, socket.data.ip);
				return reply({ ok: false, error: refuse('not_found') });
			}
			const joined = app.sessions.join(code, personName, id);
			if (!joined.ack.ok || !joined.sessionId || !joined.token) return reply(joined.ack);
			const participantId = String(joined.ack.participantId);
			reply({ ...joined.ack, token: joined.token });
			log.info('participant.joined', { sessionId: joined.sessionId });
			hub.bind(socket, participantBinding(joined.sessionId, participantId));
			if (joined.changed) hub.broadcast(joined.sessionId);
			return;
		}
		const { id, ...fields } = parsed.output as { id: string } & Record<string, unknown>;
		const command = { type: name, ...fields } as SessionCommand;
		const outcome = app.sessions.dispatch(
			binding!.sessionId,
			id,
			binding!.scope,
			command,
			binding!.actor
		);

		// ACK, then BROADCAST views to everyone in the session.
		reply(outcome.ack);
		if (outcome.changed) hub.broadcast(binding!.sessionId);
	} catch (error) {
		log.error('command.failed', { command: name, error: describeError(error) });
		reply({ ok: false, error: refuse('unavailable') });
	}
}
