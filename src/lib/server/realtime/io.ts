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
	languageSchema,
	suggestEvent,
	suggestSchema,
	type Ack,
	type CommandName
} from '$lib/realtime/contract';
import { suggestionNotes } from '$lib/domain/session/suggestion-input';
import { loadLanguageDetector } from '$lib/domain/synthesis/language';
import { suggestClusters } from '$lib/domain/synthesis/suggest';
import { glossaryForSession } from '../glossary';
import type { App } from '../app';
import { hashToken, organiserCookie } from '../auth';
import { sessionMayRead } from '../conference-access';
import { deviceFromCookieHeader } from '../devices';
import { proveMember } from '../identity';
import { describeError, log, logRepeated } from '../log';
import { clientAddress, originAllowed } from '../network';
import { joinByCode } from '../join-codes';
import { firstRefusal, waitSeconds, type LimitCheck } from '../rate-limit';
import type { StoredAck } from '../sessions';
import { RedisChangeBus } from './cluster';
import {
	Hub,
	type HubDependencies,
	participantBinding,
	type Binding,
	type Claimant,
	type Member,
	type SamradServer,
	type SamradSocket,
	type Watcher
} from './hub';

/** What realtime uses: the hub's reads, the bus it listens to, limits and the configuration. */
export type RealtimeDependencies = HubDependencies & Pick<App, 'bus' | 'config' | 'limiters'>;

/** The largest message a client may send (a note is at most a few KB). */
export const maxMessageBytes = 64 * 1024;

export interface Realtime {
	io: SamradServer;
	hub: Hub;
	/** Stops hearing the app's changes (shutdown). */
	stopListening: () => void;
}

// One io per HTTP server, also across hot reloads of this module in development.
const attachedKey = Symbol.for('samrad.realtime');
type Attachable = HttpServer & { [attachedKey]?: Realtime };

export function isAttached(httpServer: HttpServer): boolean {
	return (httpServer as Attachable)[attachedKey] !== undefined;
}

/** Creates the socket.io server on an HTTP server (once) and wires every handler. */
export function attachRealtime(httpServer: HttpServer, app: RealtimeDependencies): Realtime {
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
			if (!allowed) {
				const origin = req.headers.origin?.slice(0, 200) ?? null;
				logRepeated('warn', 'socket.origin_refused', { origin });
			}
			callback(allowed ? null : 'origin not allowed', allowed);
		}
	});
	// Each process sends its own sockets their views; the adapter carries socket.io's own traffic.
	if (app.bus instanceof RedisChangeBus) io.adapter(app.bus.adapter());
	const hub = new Hub(app, io);
	// Also hears what changed before it attached (the app was built and used before).
	const stopListening = app.bus.subscribe((change) => hub.refresh(change));
	// Conference sockets found in the handshake, attached once connected.
	const pending = new Map<string, Member | Watcher | Claimant>();

	io.use((socket, next) => void handshake(socket, next));

	/** Who the socket is, from its handshake; an exception refuses the one socket, never the process. */
	async function handshake(socket: SamradSocket, next: (error?: Error) => void): Promise<void> {
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
			socket.data.device = deviceFromCookieHeader(headers.cookie);
			socket.data.binding = null;
			socket.data.member = null;
			socket.data.watch = null;
			socket.data.claim = null;
			socket.data.lastClaims = null;
			socket.data.lastConference = null;
			if (!parsed.success) return next(new Error('unauthenticated'));
			const { role, token, conferenceId } = parsed.output;
			if (role === 'member' || role === 'plenum' || role === 'organiser') {
				const attachment = await conferenceAttachment(app, role, token, conferenceId, socket);
				if (!attachment) return next(new Error('unauthenticated'));
				pending.set(socket.id, attachment);
				return next();
			}
			const binding = await bindingFor(app, role, token);
			if (binding === undefined) return next(new Error('unauthenticated'));
			socket.data.binding = binding;
			next();
		} catch (error) {
			log.error('socket.handshake_failed', { error: describeError(error) });
			next(new Error('unavailable'));
		}
	}

	io.on('connection', (socket) => {
		const binding = socket.data.binding;
		socket.data.binding = null;
		const attachment = pending.get(socket.id);
		pending.delete(socket.id);
		// Like the middleware: an exception here must cost one socket, never the process.
		try {
			if (binding) hub.bind(socket, binding);
			if (attachment && 'claim' in attachment) hub.attachClaimant(socket, attachment);
			else if (attachment && 'participantId' in attachment) hub.attachMember(socket, attachment);
			else if (attachment) hub.attachWatcher(socket, attachment);
		} catch (error) {
			log.error('socket.attach_failed', { error: describeError(error) });
			socket.disconnect(true);
			return;
		}
		log.debug('socket.connected', {
			role: binding?.viewer.role ?? 'guest',
			socket: socket.id,
			pid: process.pid
		});
		// One command after the other per socket, in the order sent, even though limits are async.
		let queue: Promise<void> = Promise.resolve();
		for (const name of commandNames) {
			socket.on(name, (...args: unknown[]) => {
				// The ack is the last argument: a command without a payload, or with more than one,
				// is answered as malformed instead of being dropped in silence.
				const ack = args.at(-1);
				if (typeof ack !== 'function') return;
				const payload = args.length === 2 ? args[0] : undefined;
				queue = queue.then(() =>
					handleCommand(app, hub, socket, name, payload, ack as (answer: Ack) => void)
				);
			});
		}
		socket.on('language.set', (...args: unknown[]) => {
			const ack = args.at(-1);
			if (typeof ack !== 'function') return;
			const payload = args.length === 2 ? args[0] : undefined;
			queue = queue.then(() =>
				switchLanguage(app, hub, socket, payload, ack as (answer: Ack) => void)
			);
		});
		// A client that missed a version asks for its view whole; the hub limits how often.
		socket.on('session.resync', () => hub.resync(socket));
		socket.on(suggestEvent, (...args: unknown[]) => {
			const ack = args.at(-1);
			if (typeof ack !== 'function') return;
			const payload = args.length === 2 ? args[0] : undefined;
			queue = queue.then(() => suggestHeadings(app, socket, payload, ack as (answer: Ack) => void));
		});
		// Events outside the contract get an error answer too, never silence.
		socket.onAny((event: string, ...args: unknown[]) => {
			if (
				(commandNames as string[]).includes(event) ||
				event === 'language.set' ||
				event === 'session.resync' ||
				event === suggestEvent
			)
				return;
			const ack = args.at(-1);
			if (typeof ack === 'function') {
				(ack as (answer: Ack) => void)(
					present({ ok: false, error: refuse('invalid_payload', { field: 'event' }) }, socket)
				);
			}
		});
		socket.on('disconnect', () => hub.disconnect(socket));
	});

	const realtime = { io, hub, stopListening };
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

/**
 * A member's phone (or a device still waiting to be let in under a name), a plenum screen or an
 * organiser's overview; null when not allowed.
 */
async function conferenceAttachment(
	app: RealtimeDependencies,
	role: 'member' | 'plenum' | 'organiser',
	token: string | undefined,
	conferenceId: string | undefined,
	socket: SamradSocket
): Promise<Member | Watcher | Claimant | null> {
	const headers = socket.handshake.headers;
	if (role === 'member') {
		const proof = token
			? await proveMember(app, token, socket.data.device, headers['user-agent'] ?? null)
			: null;
		if (!proof) return null;
		return proof.kind === 'member'
			? {
					conferenceId: proof.conferenceId,
					participantId: proof.participantId,
					bindingId: proof.bindingId
				}
			: {
					conferenceId: proof.conferenceId,
					participantId: proof.participantId,
					claim: proof.bindingId
				};
	}
	if (role === 'plenum') {
		const conference = token ? await app.stores.conferences.findByPlenumToken(token) : null;
		return conference ? { conferenceId: conference.id, kind: 'plenum' } : null;
	}
	const signIn = cookieValueSafe(headers.cookie, organiserCookie);
	if (!signIn || signIn.length > 100 || !conferenceId) return null;
	const organiserSession = hashToken(signIn);
	if (!(await sessionMayRead(app.stores.organisers, organiserSession, conferenceId, Date.now())))
		return null;
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
async function bindingFor(
	app: RealtimeDependencies,
	role: string,
	token: string | undefined
): Promise<Binding | null | undefined> {
	if (role === 'guest') return null;
	if (!token) return undefined;
	if (role === 'participant') {
		const found = await app.sessions.byParticipantToken(token);
		if (!found) return undefined;
		return participantBinding(found.session.access.id, found.participantId);
	}
	const session =
		role === 'facilitator'
			? await app.sessions.byFacilitatorToken(token)
			: await app.sessions.byScreenToken(token);
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
	if (name === 'reflection.write') {
		return field === 'title' ? limits.reflectionTitleChars : limits.reflectionChars;
	}
	if (name === 'discussion.write') return limits.discussionChars;
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

/** The rate_limited refusal for a check that failed (logged once per burst, with a count). */
function rateLimited(
	name: CommandName | 'language.set' | typeof suggestEvent,
	limit: string,
	check: { retryAfterMs: number }
): DomainError {
	logRepeated('warn', 'rate.limited', { command: name, limit });
	return refuse('rate_limited', { seconds: waitSeconds(check) });
}

/** Why a command is refused at the door, before any work: no session, wrong role, malformed. */
function doorRefusal(
	socket: SamradSocket,
	name: CommandName,
	payload: unknown
): { error: DomainError } | { input: unknown } {
	// AUTH: every command but join needs a session binding.
	const binding = socket.data.binding;
	if (name !== 'participant.join' && !binding) return { error: refuse('unauthenticated') };
	// Conference members are placed in their group's session; they never join by code.
	if (
		name === 'participant.join' &&
		(socket.data.member || (binding && binding.viewer.role !== 'participant'))
	) {
		return { error: refuse('forbidden') };
	}
	// VALIDATION: the schema, before anything reaches the core.
	const parsed = v.safeParse(commandSchemas[name], payload);
	if (!parsed.success) return { error: schemaError(name, parsed.issues) };
	return { input: parsed.output };
}

/**
 * The work limits, in order, stopping at the first refusal so that a command refused by one
 * limit spends nothing of the next: the socket, then the person on all their sockets, then the
 * address (one runaway phone must not use up the allowance of everyone behind its router).
 */
function workLimits(app: RealtimeDependencies, socket: SamradSocket): Promise<LimitCheck> {
	const { limiters } = app;
	const binding = socket.data.binding;
	return firstRefusal([
		() => limiters.commandsPerSocket.take(socket.id),
		() => (binding ? limiters.commandsPerBinding.take(binding.scope) : ok()),
		() => limiters.commandsPerAddress.take(socket.data.ip)
	]);
}

const ok = async (): Promise<LimitCheck> => ({ ok: true });

/**
 * One command, in a fixed order: refuse at the door (cheaply, counted apart from work), limit
 * the work, apply in the core and commit, acknowledge, then send the changed views.
 */
async function handleCommand(
	app: RealtimeDependencies,
	hub: Hub,
	socket: SamradSocket,
	name: CommandName,
	payload: unknown,
	ack: (answer: Ack) => void
): Promise<void> {
	const reply = (stored: StoredAck) => ack(present(stored, socket));
	try {
		// A socket past its refusal allowance is not even parsed any more until its wait is over.
		const refusing = await app.limiters.refusalsPerSocket.peek(socket.id);
		if (!refusing.ok) return reply({ ok: false, error: rateLimited(name, 'refusals', refusing) });

		// AUTH and VALIDATION: refusals cost a socket only its own refusal allowance.
		const door = doorRefusal(socket, name, payload);
		if ('error' in door) {
			const allowed = await app.limiters.refusalsPerSocket.take(socket.id);
			const error = allowed.ok ? door.error : rateLimited(name, 'refusals', allowed);
			return reply({ ok: false, error });
		}

		// LIMITS: a flood from one socket, person or address is refused before any work is done.
		const limited = await workLimits(app, socket);
		if (!limited.ok) return reply({ ok: false, error: rateLimited(name, 'work', limited) });

		// RESOLUTION: core + commit (SessionService), exactly once per command id.
		if (name === 'participant.join') {
			const {
				id,
				code,
				name: personName
			} = door.input as { id: string; code: string; name: string };
			const sender = socket.data.device ? `d:${socket.data.device}` : `socket:${socket.id}`;
			const joined = await joinByCode(app, {
				id,
				code,
				name: personName,
				address: socket.data.ip,
				socketId: socket.id,
				sender
			});
			if (!joined.ok) {
				if (joined.limit)
					logRepeated('warn', 'rate.limited', { command: name, limit: joined.limit });
				return reply(joined);
			}
			reply({ ok: true, participantId: joined.participantId, token: joined.token });
			log.info('participant.joined', { sessionId: joined.sessionId });
			hub.bind(socket, participantBinding(joined.sessionId, joined.participantId));
			return;
		}
		// The binding may have changed while the limits were counted (a join on this socket).
		const binding = socket.data.binding;
		if (!binding) return reply({ ok: false, error: refuse('unauthenticated') });
		const { id, ...fields } = door.input as { id: string } & Record<string, unknown>;
		const command = { type: name, ...fields } as SessionCommand;
		const outcome = await app.sessions.dispatch(
			binding.sessionId,
			id,
			binding.scope,
			command,
			binding.actor
		);

		// ACK; the session announced the change on the bus, and realtime sends the views.
		reply(outcome.ack);
	} catch (error) {
		log.error('command.failed', { command: name, error: describeError(error) });
		reply({ ok: false, error: refuse('unavailable') });
	}
}

/**
 * The page switched language: the socket keeps its connection and gets what the server makes
 * per language (a member's group name, the organiser's overview) again in the new one. Refused
 * and limited like a command.
 */
async function switchLanguage(
	app: RealtimeDependencies,
	hub: Hub,
	socket: SamradSocket,
	payload: unknown,
	ack: (answer: Ack) => void
): Promise<void> {
	const name = 'language.set';
	const reply = (stored: StoredAck) => ack(present(stored, socket));
	try {
		const refusing = await app.limiters.refusalsPerSocket.peek(socket.id);
		if (!refusing.ok) return reply({ ok: false, error: rateLimited(name, 'refusals', refusing) });
		// VALIDATION
		const parsed = v.safeParse(languageSchema, payload);
		if (!parsed.success) {
			const allowed = await app.limiters.refusalsPerSocket.take(socket.id);
			const error = allowed.ok
				? refuse('invalid_payload', { field: 'lang' })
				: rateLimited(name, 'refusals', allowed);
			return reply({ ok: false, error });
		}
		const limited = await workLimits(app, socket);
		if (!limited.ok) return reply({ ok: false, error: rateLimited(name, 'work', limited) });
		// RESOLUTION, then ACK in the new language, then the views made in it.
		socket.data.lang = parsed.output.lang;
		reply({ ok: true });
		hub.languageChanged(socket);
	} catch (error) {
		log.error('command.failed', { command: name, error: describeError(error) });
		reply({ ok: false, error: refuse('unavailable') });
	}
}

/**
 * Suggested headings for the console: facilitator only, answered in the ack alone (nothing
 * changes, so nothing is published), limited per console link since each runs the engine.
 */
async function suggestHeadings(
	app: RealtimeDependencies,
	socket: SamradSocket,
	payload: unknown,
	ack: (answer: Ack) => void
): Promise<void> {
	const name = suggestEvent;
	const reply = (stored: StoredAck) => ack(present(stored, socket));
	const refusal = async (error: DomainError) => {
		const allowed = await app.limiters.refusalsPerSocket.take(socket.id);
		reply({ ok: false, error: allowed.ok ? error : rateLimited(name, 'refusals', allowed) });
	};
	try {
		const refusing = await app.limiters.refusalsPerSocket.peek(socket.id);
		if (!refusing.ok) return reply({ ok: false, error: rateLimited(name, 'refusals', refusing) });
		// AUTH: the console alone; a phone, a screen or a conference device never sees a suggestion.
		const binding = socket.data.binding;
		if (!binding) return await refusal(refuse('unauthenticated'));
		if (binding.viewer.role !== 'facilitator') return await refusal(refuse('forbidden'));
		// VALIDATION
		const parsed = v.safeParse(suggestSchema, payload);
		if (!parsed.success) {
			return await refusal(refuse('invalid_payload', { field: issueField(parsed.issues) }));
		}
		// LIMITS: the usual work limits, then the engine's own allowance per console link.
		const limited = await workLimits(app, socket);
		if (!limited.ok) return reply({ ok: false, error: rateLimited(name, 'work', limited) });
		const runs = await app.limiters.suggestionsPerConsole.take(binding.scope);
		if (!runs.ok) return reply({ ok: false, error: rateLimited(name, 'suggestions', runs) });
		// RESOLUTION: the session's loose notes, the glossary and the facilitator's language.
		const session = await app.sessions.get(binding.sessionId);
		if (!session) return reply({ ok: false, error: refuse('not_found') });
		const conferenceId = session.access.conferenceId;
		const people = conferenceId ? await app.stores.conferences.participants(conferenceId) : [];
		const languages = new Map(people.map((p) => [p.id, p.language]));
		const input = suggestionNotes(session.state, parsed.output.questionId, (id) =>
			languages.get(id)
		);
		if (!input.ok) return reply(input);
		const glossary = await glossaryForSession(app, conferenceId);
		await loadLanguageDetector();
		const suggestions = suggestClusters(input.notes, {
			glossary: glossary.concepts,
			reader: socket.data.lang,
			languages: glossary.languages
		});
		// ACK
		ack({ ok: true, suggestions });
	} catch (error) {
		log.error('command.failed', { command: name, error: describeError(error) });
		reply({ ok: false, error: refuse('unavailable') });
	}
}

/** The payload field a schema issue names, for invalid_payload. */
function issueField(issues: v.BaseIssue<unknown>[]): string {
	return issues[0]?.path?.map((p) => String(p.key)).join('.') || 'payload';
}
