/**
 * The one event contract between browsers and the server: socket.io event type maps for both
 * sides, and a runtime schema for every client-to-server payload. A payload that fails its
 * schema is answered with an error ack and never reaches the core.
 */
import * as v from 'valibot';
import type { GlossaryData } from '$lib/domain/glossary/types';
import type { ErrorCode, ErrorParams } from '$lib/domain/errors';
import { joinCodeAlphabet, joinCodeLength, limits } from '$lib/domain/limits';
import { phases, type Phase } from '$lib/domain/session/phases';
import type { SessionCommand } from '$lib/domain/session/commands';
import type { SentView } from '$lib/domain/session/sent-views';
import type { VersionedPatch } from './view-patch';
import { languages, type Language } from '$lib/domain/session/types';
import type { ConferenceView, DeviceRequest, Notice } from './conference-views';

/** Ids made by clients (commands, notes, clusters): 16–64 URL-safe characters. */
export const clientId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,64}$/));

/**
 * Free text with a generous length guard; the core counts characters after normalising and
 * answers with a precise too_long error. Twice the limit (UTF-16 units) admits every legal text.
 */
function text(maxChars: number) {
	return v.pipe(v.string(), v.maxLength(maxChars * 2 + 16));
}

const questionId = clientId;
const phase = v.picklist(phases);
const seconds = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(limits.timerSeconds));
const noteIds = v.pipe(
	v.array(clientId),
	v.maxLength(limits.notesPerPersonPerQuestion * limits.participantsPerSession)
);

export const joinCode = v.pipe(
	v.string(),
	v.length(joinCodeLength),
	v.regex(new RegExp(`^[${joinCodeAlphabet}]+$`))
);

/** Commands only the server itself issues never arrive from a socket. */
type ClientCommandType = Exclude<SessionCommand['type'], 'participant.enrol' | 'participant.erase'>;

/** Runtime schemas of every command, by event name. Every payload carries a client-made id. */
export const commandSchemas = {
	'session.configure': v.strictObject({
		id: clientId,
		// An array is an object too: refuse it explicitly (it would be a change of nothing).
		settings: v.pipe(
			v.unknown(),
			v.check((value) => !Array.isArray(value)),
			v.strictObject({
				anonymous: v.optional(v.boolean()),
				topN: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(limits.topN))),
				facilitatorSeesNotes: v.optional(v.boolean()),
				membersReflect: v.optional(v.boolean()),
				oneList: v.optional(v.boolean())
			})
		)
	}),
	'session.retitle': v.strictObject({ id: clientId, title: text(limits.titleChars) }),
	'session.reflect': v.strictObject({ id: clientId, text: text(limits.reflectionChars) }),
	'question.add': v.strictObject({ id: clientId, questionId, text: text(limits.questionChars) }),
	'question.edit': v.strictObject({ id: clientId, questionId, text: text(limits.questionChars) }),
	'question.select': v.strictObject({ id: clientId, questionId }),
	'phase.advance': v.strictObject({ id: clientId, questionId, from: phase }),
	'phase.back': v.strictObject({ id: clientId, questionId, from: phase }),
	'timer.start': v.strictObject({ id: clientId, seconds }),
	'timer.pause': v.strictObject({ id: clientId }),
	'timer.resume': v.strictObject({ id: clientId }),
	'timer.add': v.strictObject({ id: clientId, seconds }),
	'timer.clear': v.strictObject({ id: clientId }),
	'participant.join': v.strictObject({
		id: clientId,
		code: joinCode,
		name: text(limits.nameChars)
	}),
	'participant.add': v.strictObject({
		id: clientId,
		participantId: clientId,
		name: text(limits.nameChars)
	}),
	'participant.rename': v.strictObject({
		id: clientId,
		participantId: clientId,
		name: text(limits.nameChars)
	}),
	'participant.remove': v.strictObject({
		id: clientId,
		participantId: clientId,
		deleteContributions: v.boolean()
	}),
	'participant.leave': v.strictObject({ id: clientId }),
	'note.add': v.strictObject({
		id: clientId,
		questionId,
		noteId: clientId,
		text: text(limits.noteChars),
		authorId: v.optional(clientId),
		forGroup: v.optional(v.literal(true))
	}),
	'note.edit': v.strictObject({
		id: clientId,
		questionId,
		noteId: clientId,
		text: text(limits.noteChars)
	}),
	'note.delete': v.strictObject({ id: clientId, questionId, noteId: clientId }),
	'reveal.next': v.strictObject({ id: clientId, questionId, noteId: v.optional(clientId) }),
	'reveal.pass': v.strictObject({ id: clientId, questionId }),
	'reveal.all': v.strictObject({ id: clientId, questionId }),
	'cluster.create': v.strictObject({
		id: clientId,
		questionId,
		clusterId: clientId,
		heading: text(limits.headingChars),
		noteIds,
		/** A sub-heading under this heading (one level). */
		parentId: v.optional(clientId),
		/** A suggestion taken: notes placed under a heading meanwhile stay where they are. */
		onlyLoose: v.optional(v.literal(true))
	}),
	'cluster.rename': v.strictObject({
		id: clientId,
		questionId,
		clusterId: clientId,
		heading: text(limits.headingChars)
	}),
	'cluster.assign': v.strictObject({
		id: clientId,
		questionId,
		noteIds,
		clusterId: v.nullable(clientId)
	}),
	'cluster.merge': v.strictObject({
		id: clientId,
		questionId,
		sourceId: clientId,
		targetId: clientId
	}),
	'cluster.move': v.strictObject({
		id: clientId,
		questionId,
		clusterId: clientId,
		toIndex: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(limits.clustersPerQuestion))
	}),
	'cluster.dissolve': v.strictObject({ id: clientId, questionId, clusterId: clientId }),
	'ballot.cast': v.strictObject({
		id: clientId,
		questionId,
		ranking: v.pipe(
			v.array(v.pipe(v.string(), v.regex(/^[cn]:[A-Za-z0-9_-]{16,64}$/))),
			v.maxLength(limits.topN)
		),
		blank: v.optional(v.boolean()),
		voterId: v.optional(clientId)
	}),
	'screen.page': v.strictObject({ id: clientId, step: v.picklist([1, -1]) }),
	'screen.focus': v.strictObject({ id: clientId, questionId, noteId: v.nullable(clientId) }),
	'reflection.write': v.strictObject({
		id: clientId,
		reflectionId: clientId,
		text: text(limits.reflectionChars),
		title: v.optional(text(limits.reflectionTitleChars)),
		authorId: v.optional(clientId),
		showName: v.optional(v.boolean())
	}),
	'reflection.delete': v.strictObject({ id: clientId, reflectionId: clientId }),
	'discussion.write': v.strictObject({
		id: clientId,
		questionId,
		text: text(limits.discussionChars)
	})
} satisfies Record<ClientCommandType, v.GenericSchema>;

export type CommandName = keyof typeof commandSchemas;
export type CommandPayload<N extends CommandName> = v.InferOutput<(typeof commandSchemas)[N]>;

export const commandNames = Object.keys(commandSchemas) as CommandName[];

// Compile-time check: every payload, minus its id (and join's code, for which the server adds
// the participant id), is exactly a core command. A mismatch names the command here.
type CommandFromPayload<N extends CommandName> = Omit<CommandPayload<N>, 'id' | 'code'> & {
	type: N;
} & (N extends 'participant.join' ? { participantId: string } : unknown);
type Mismatches = {
	[N in CommandName]: CommandFromPayload<N> extends Extract<SessionCommand, { type: N }>
		? never
		: N;
}[CommandName];
export type ContractMatchesCore = [Mismatches] extends [never] ? true : Mismatches;
const contractMatchesCore: ContractMatchesCore = true;
void contractMatchesCore;

/**
 * What a client hands over for a command: its payload without the id, which the outbox adds.
 * A command with nothing else takes `{}` and nothing in it (an empty type would take anything).
 */
export type CommandInput<N extends CommandName> = [Exclude<keyof CommandPayload<N>, 'id'>] extends [
	never
]
	? Record<string, never>
	: Omit<CommandPayload<N>, 'id'>;

/** What each command returns when it succeeds (the others return nothing but `ok`). */
export interface CommandResults {
	/** The phone's token comes from the server, beside the core's participant id. */
	'participant.join': { participantId: string; token: string };
	'participant.add': { participantId: string };
	'note.add': { noteId: string };
	'note.edit': { noteId: string };
	'note.delete': { noteId: string };
	'reveal.next': { noteId: string };
	'phase.advance': { phase: Phase };
	'phase.back': { phase: Phase };
}
export type ResultOf<N extends CommandName> = N extends keyof CommandResults
	? CommandResults[N]
	: Record<never, never>;
// Compile-time check: every result belongs to a command of the contract.
const resultsAreOfCommands: [Exclude<keyof CommandResults, CommandName>] extends [never]
	? true
	: Exclude<keyof CommandResults, CommandName> = true;
void resultsAreOfCommands;

export interface AckError {
	code: ErrorCode;
	/** Already translated into the sender's language. */
	message: string;
	params?: ErrorParams;
}

/** The answer to every command: success with its result, or a coded, translated error. */
export type Ack<R = Record<string, unknown>> = ({ ok: true } & R) | { ok: false; error: AckError };

/** The page switched language: what the server makes per language comes again in the new one. */
export const languageSchema = v.strictObject({ lang: v.picklist(languages) });
export type LanguagePayload = v.InferOutput<typeof languageSchema>;

/**
 * The console asks for suggested headings over a question's unplaced notes: answered in the ack
 * alone (it changes nothing), to the facilitator alone.
 */
export const suggestSchema = v.strictObject({ id: clientId, questionId });
export type SuggestPayload = v.InferOutput<typeof suggestSchema>;
export const suggestEvent = 'cluster.suggest';

/** One suggested heading over notes of the question. */
export interface SuggestionView {
	heading: string;
	noteIds: string[];
}

/** Client → server: one event per command, the language switch and suggestions; each acknowledged. */
export type ClientToServerEvents = {
	[N in CommandName]: (payload: CommandPayload<N>, ack: (answer: Ack<ResultOf<N>>) => void) => void;
} & {
	'language.set': (payload: LanguagePayload, ack: (answer: Ack) => void) => void;
	/** A missed version or a patch that did not apply: send this socket its full view again. */
	'session.resync': () => void;
	'cluster.suggest': (
		payload: SuggestPayload,
		ack: (answer: Ack<{ suggestions: SuggestionView[] }>) => void
	) => void;
};

/** A view for this socket, with the server clock for timers. */
export interface ViewEnvelope {
	/** The view as sent: a note's text once (see sent-views.ts); shownView gives it back whole. */
	view: SentView;
	/** The session's event sequence number this view was made at; patches start from it. */
	version: number;
	/** Server time when the view was sent (ms since epoch). */
	serverTime: number;
	/** Join code, for screens and consoles (a conference group's: the conference's code). */
	joinCode: string | null;
	/** Address phones should open to join, for the QR code (a conference group's: its roster). */
	joinUrl: string | null;
	/** Ids of people with a phone connected right now. */
	online: string[];
	/** The conference's message to every screen and phone, for a conference group. */
	notice: Notice | null;
}

/**
 * What changed in this socket's view since the version it holds (RFC 6902 operations), with the
 * envelope's other fields only when they changed.
 */
export interface PatchEnvelope
	extends
		VersionedPatch,
		Partial<Pick<ViewEnvelope, 'joinCode' | 'joinUrl' | 'online' | 'notice'>> {
	serverTime: number;
}

/** Server → client. */
export interface ServerToClientEvents {
	/** A full, role-filtered view of the session; sent on (re)bind and when asked for one. */
	'session.view': (envelope: ViewEnvelope) => void;
	/** A change to the last view: applied to the version it starts from, else a full view is asked for. */
	'session.patch': (patch: PatchEnvelope) => void;
	/**
	 * This socket's identity is no longer valid (removed, session gone, the device signed out of
	 * the name); the client should stop.
	 */
	'session.closed': (reason: {
		code: 'removed' | 'not_found' | 'unauthenticated' | 'released';
	}) => void;
	/** A conference-wide view: a member's phone, the organiser's overview, the plenum screen. */
	'conference.view': (envelope: { view: ConferenceView; serverTime: number }) => void;
	/** The conference's glossary changed: notes are marked with this one from now on. */
	glossary: (glossary: GlossaryData) => void;
	/** A console: the devices asking for the name of someone in its group. */
	'identity.claims': (payload: { claims: DeviceRequest[] }) => void;
	/** A waiting device was let in or turned down, or devices changed (organiser): reload. */
	'identity.changed': () => void;
}

/** Data the server keeps per socket. */
export interface SocketData {
	lang: Language;
	ip: string;
}

/** Handshake auth: who this socket is. */
export const handshakeRoles = [
	'guest',
	'participant',
	'screen',
	'facilitator',
	'member',
	'organiser',
	'plenum'
] as const;

export const handshakeSchema = v.object({
	role: v.optional(v.picklist(handshakeRoles), 'guest'),
	token: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{16,200}$/))),
	/** For the organiser's overview: which conference (the organiser is known by cookie). */
	conferenceId: v.optional(clientId),
	lang: v.optional(v.picklist(languages))
});
export type Handshake = v.InferOutput<typeof handshakeSchema>;
