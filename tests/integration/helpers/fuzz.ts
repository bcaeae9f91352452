/**
 * Malformed and hostile payloads for every event of the contract, from a seeded generator.
 * Structural malformations (an unknown key, no id, not one payload, not an object, binary) are
 * invalid by the product's rules whatever the schemas say, so a schema that loosens is caught.
 * Malformed values (a wrong type, an odd number or text) can happen to be legal; those cases
 * are checked against the contract's schemas after a JSON round trip and kept only if invalid.
 */
import * as v from 'valibot';
import { commandNames, commandSchemas, type CommandName } from '$lib/realtime/contract';
import type { Random } from './random';

/** The largest message a client may send (maxMessageBytes in the server's io.ts). */
export const frameLimitBytes = 64 * 1024;

/** Events outside the contract, including server-only and server-to-client names. */
export const unknownEvents = [
	'db.drop',
	'session.view',
	'session.closed',
	'conference.view',
	'participant.enrol',
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty',
	'valueOf',
	'NOTE.ADD',
	'note.add ',
	' note.add',
	'note',
	'',
	'x'.repeat(500),
	'ballot.cast\u0000',
	'ballot.cast\uD800',
	'nøte.add'
];

/** One event to send: its name and the arguments before the ack (normally one payload). */
export interface FuzzCase {
	event: string;
	/** What kind of malformation this is (for the summary). */
	kind: string;
	args: unknown[];
}

const strangeStrings = [
	'',
	' ',
	'NaN',
	'Infinity',
	'-Infinity',
	'1e309',
	'-0',
	'0x1F',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'\u0000',
	'\uD800',
	'\uDFFF\uD800',
	'a\uDC00b',
	'\uFFFE\uFFFF',
	'\u202Egnp.exe',
	'\u200B\u200D\uFEFF',
	'Ã¥Ã¸Ã¦',
	'�',
	'<script>alert(1)</script>',
	"'; DROP TABLE sessions; --",
	'../../etc/passwd',
	'%00%E0%A4%A',
	'=HYPERLINK("http://x")',
	'💩'.repeat(40),
	'ǅǈǋ ǲ',
	'c:AAAAAAAAAAAAAAAA',
	'n:' + 'A'.repeat(65)
];

const strangeNumbers = [
	0,
	-0,
	-1,
	0.5,
	1e308,
	-1e308,
	Number.MAX_SAFE_INTEGER + 2,
	Number.MIN_SAFE_INTEGER - 2,
	4.9e-324,
	2 ** 31,
	10_801
];

const hostileKeys = [
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'valueOf',
	'admin',
	'role',
	'actor',
	'type',
	'participantId',
	'sessionId',
	'scope',
	''
];

/** A valid-looking payload of each command, the starting point of most malformations. */
function template(name: CommandName, r: Random): Record<string, unknown> {
	const id = r.id();
	const q = r.id();
	switch (name) {
		case 'session.configure':
			return { id, settings: { anonymous: true, topN: 5, facilitatorSeesNotes: false } };
		case 'session.retitle':
			return { id, title: 'A title' };
		case 'session.reflect':
			return { id, text: 'A reflection' };
		case 'question.add':
		case 'question.edit':
			return { id, questionId: q, text: 'A question?' };
		case 'question.select':
		case 'reveal.pass':
		case 'reveal.all':
			return { id, questionId: q };
		case 'phase.advance':
		case 'phase.back':
			return { id, questionId: q, from: 'write' };
		case 'timer.start':
		case 'timer.add':
			return { id, seconds: 60 };
		case 'timer.pause':
		case 'timer.resume':
		case 'timer.clear':
		case 'participant.leave':
			return { id };
		case 'participant.join':
			return { id, code: 'ABCDEF', name: 'Ingrid' };
		case 'participant.add':
		case 'participant.rename':
			return { id, participantId: r.id(), name: 'Ingrid' };
		case 'participant.remove':
			return { id, participantId: r.id(), deleteContributions: false };
		case 'note.add':
			return { id, questionId: q, noteId: r.id(), text: 'A note', authorId: r.id() };
		case 'note.edit':
			return { id, questionId: q, noteId: r.id(), text: 'A note' };
		case 'note.delete':
			return { id, questionId: q, noteId: r.id() };
		case 'reveal.next':
			return { id, questionId: q, noteId: r.id() };
		case 'cluster.create':
			return { id, questionId: q, clusterId: r.id(), heading: 'HEADING', noteIds: [r.id()] };
		case 'cluster.rename':
			return { id, questionId: q, clusterId: r.id(), heading: 'HEADING' };
		case 'cluster.assign':
			return { id, questionId: q, noteIds: [r.id()], clusterId: null };
		case 'cluster.merge':
			return { id, questionId: q, sourceId: r.id(), targetId: r.id() };
		case 'cluster.move':
			return { id, questionId: q, clusterId: r.id(), toIndex: 1 };
		case 'cluster.dissolve':
			return { id, questionId: q, clusterId: r.id() };
		case 'ballot.cast':
			return { id, questionId: q, ranking: [`c:${r.id()}`], voterId: r.id() };
		case 'screen.page':
			return { id, step: 1 };
		case 'screen.focus':
			return { id, questionId: q, noteId: r.id() };
		case 'reflection.write':
			return { id, reflectionId: r.id(), text: 'A reflection', authorId: r.id(), showName: true };
		case 'reflection.delete':
			return { id, reflectionId: r.id() };
		case 'discussion.write':
			return { id, questionId: q, text: 'A discussion' };
	}
}

/** Any JSON value, up to `depth` levels of arrays and objects. */
export function randomJson(r: Random, depth = 3): unknown {
	switch (r.int(0, depth > 0 ? 7 : 4)) {
		case 0:
			return null;
		case 1:
			return r.chance(0.5);
		case 2:
			return r.pick(strangeNumbers);
		case 3:
			return r.pick(strangeStrings);
		case 4:
			return r.id().slice(0, r.int(0, 24));
		case 5:
		case 6:
			return Array.from({ length: r.int(0, 4) }, () => randomJson(r, depth - 1));
		default:
			return Object.fromEntries(
				Array.from({ length: r.int(0, 4) }, () => [
					r.chance(0.3) ? r.pick(hostileKeys) : r.id().slice(0, 8),
					randomJson(r, depth - 1)
				])
			);
	}
}

function nested(depth: number, array: boolean): unknown {
	let value: unknown = 'bottom';
	for (let i = 0; i < depth; i++) value = array ? [value] : { a: value };
	return value;
}

/** A string that fills what is left of a frame, in one- or multi-byte characters. */
function hugeString(r: Random, budgetBytes: number): string {
	const unit = r.pick(['x', 'å', 'ø', '€', '𝄞', '\uD800']);
	// JSON escapes a lone surrogate as \ud800 (6 bytes); others are their UTF-8 length.
	const bytes = unit === '\uD800' ? 6 : Buffer.byteLength(unit);
	const count = Math.max(1, Math.floor(budgetBytes / bytes));
	return unit.repeat(count);
}

function frameBytes(event: string, payload: unknown): number {
	return Buffer.byteLength(JSON.stringify([event, payload]) ?? '') + 16;
}

/** Keys of a payload whose values are strings (ids, texts, codes). */
function stringKeys(payload: Record<string, unknown>): string[] {
	return Object.keys(payload).filter((k) => typeof payload[k] === 'string');
}

/** Sets an own property, even one named __proto__. */
function withOwn(payload: Record<string, unknown>, key: string, value: unknown) {
	const copy = { ...payload };
	Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
	return copy;
}

/** Turns a valid-looking payload into the arguments of a malformed event. */
type Mutate = (event: string, valid: Record<string, unknown>, r: Random) => unknown[];

interface Mutation {
	kind: string;
	/** How often it is picked, relative to the others (big payloads cost time, not insight). */
	weight: number;
	/** Invalid by the product's rules alone (no schema consulted to keep it). */
	structural: boolean;
	mutate: Mutate;
}

/** Keys a command's payload may have (every payload is a strict object). */
function allowedKeys(event: string): string[] {
	if (!(commandNames as string[]).includes(event)) return [];
	return Object.keys(commandSchemas[event as CommandName].entries);
}

const mutations: Mutation[] = [
	{
		// Never an object with an id: nothing to accept.
		kind: 'random JSON value',
		weight: 1,
		structural: true,
		mutate: (_e, _valid, r) => [randomJson(r, 4)]
	},
	{
		kind: 'wrong type',
		weight: 1,
		structural: false,
		mutate: (_e, valid, r) => {
			const key = r.pick(Object.keys(valid));
			let value = randomJson(r, 2);
			while (typeof value === typeof valid[key] && value !== null) value = randomJson(r, 2);
			return [{ ...valid, [key]: value }];
		}
	},
	{
		// Every command carries its id.
		kind: 'missing id',
		weight: 0.5,
		structural: true,
		mutate: (_e, valid) => {
			const { id: _id, ...rest } = valid;
			return [rest];
		}
	},
	{
		// Other fields may be optional.
		kind: 'missing field',
		weight: 0.5,
		structural: false,
		mutate: (_e, valid, r) => {
			const copy = { ...valid };
			delete copy[r.pick(Object.keys(copy))];
			return [copy];
		}
	},
	{
		kind: 'extra field',
		weight: 1,
		structural: true,
		mutate: (event, valid, r) => {
			const taken = allowedKeys(event);
			let key = r.chance(0.5) ? r.pick(hostileKeys) : r.id().slice(0, 10);
			while (taken.includes(key)) key = r.id().slice(0, 10);
			return [withOwn(valid, key, randomJson(r))];
		}
	},
	{
		kind: 'prototype pollution',
		weight: 1,
		structural: true,
		mutate: (_e, valid, r) => {
			const polluted = r.pick([
				'{"__proto__": {"polluted": "yes", "role": "facilitator"}}',
				'{"constructor": {"prototype": {"polluted": "yes"}}}',
				'{"__proto__": null}',
				'{"prototype": {"isAdmin": true}}'
			]);
			const extra = JSON.parse(polluted) as Record<string, unknown>;
			let payload = { ...valid };
			for (const key of Object.keys(extra)) payload = withOwn(payload, key, extra[key]);
			return [payload];
		}
	},
	{
		kind: 'huge string',
		weight: 0.3,
		structural: false,
		mutate: (event, valid, r) => {
			const keys = stringKeys(valid);
			const key = keys.length > 0 ? r.pick(keys) : 'id';
			const rest = { ...valid, [key]: '' };
			const budget = frameLimitBytes - frameBytes(event, rest) - 64;
			return [{ ...rest, [key]: hugeString(r, budget) }];
		}
	},
	{
		// Objects and arrays nested where a string, number or flat list belongs.
		kind: 'deep nesting',
		weight: 0.5,
		structural: true,
		mutate: (_e, valid, r) => {
			const key = r.pick(Object.keys(valid));
			return [{ ...valid, [key]: nested(r.int(100, 1_500), r.chance(0.5)) }];
		}
	},
	{
		kind: 'NaN/Infinity-like',
		weight: 1,
		structural: false,
		mutate: (_e, valid, r) => {
			const key = r.pick(Object.keys(valid));
			const value = r.chance(0.5) ? r.pick(strangeNumbers) : r.pick(strangeStrings.slice(0, 10));
			return [{ ...valid, [key]: value }];
		}
	},
	{
		kind: 'non-UTF-8-ish text',
		weight: 1,
		structural: false,
		mutate: (_e, valid, r) => {
			const keys = stringKeys(valid);
			const key = keys.length > 0 ? r.pick(keys) : 'id';
			return [{ ...valid, [key]: r.pick(strangeStrings.slice(13, 22)) + r.id().slice(0, 16) }];
		}
	},
	{
		kind: 'binary',
		weight: 1,
		structural: true,
		mutate: (_e, valid, r) => [
			r.chance(0.5)
				? Buffer.from(JSON.stringify(valid))
				: { ...valid, [r.pick(Object.keys(valid))]: Buffer.from([0xff, 0xfe, 0x00, 0xd8]) }
		]
	},
	{ kind: 'no payload', weight: 0.5, structural: true, mutate: () => [] },
	{
		kind: 'extra argument',
		weight: 0.5,
		structural: true,
		mutate: (_e, valid, r) => [valid, randomJson(r, 1)]
	}
];

function pickMutation(r: Random): Mutation {
	const total = mutations.reduce((sum, m) => sum + m.weight, 0);
	let roll = r.next() * total;
	for (const mutation of mutations) {
		roll -= mutation.weight;
		if (roll < 0) return mutation;
	}
	return mutations.at(-1)!;
}

function hasBinary(value: unknown): boolean {
	if (Buffer.isBuffer(value)) return true;
	if (Array.isArray(value)) return value.some(hasBinary);
	if (value && typeof value === 'object') return Object.values(value).some(hasBinary);
	return false;
}

/** Whether the server would accept this as the command's payload (the case is then useless). */
function acceptable(event: string, args: unknown[]): boolean {
	if (!(commandNames as string[]).includes(event) || args.length !== 1) return false;
	const payload = args[0];
	const seen = hasBinary(payload) ? payload : JSON.parse(JSON.stringify(payload ?? null));
	return v.safeParse(commandSchemas[event as CommandName], seen).success;
}

/** `count` malformed cases: every command (and some unknown events), every kind of malformation. */
export function fuzzCases(r: Random, count: number): FuzzCase[] {
	const cases: FuzzCase[] = [];
	while (cases.length < count) {
		const event = r.chance(0.9)
			? commandNames[cases.length % commandNames.length]!
			: r.pick(unknownEvents);
		const known = (commandNames as string[]).includes(event);
		const valid = template(known ? (event as CommandName) : r.pick(commandNames), r);
		const { kind, structural, mutate } = pickMutation(r);
		const args = mutate(event, valid, r);
		if (!structural && acceptable(event, args)) continue;
		if (args.length === 1 && !hasBinary(args[0]) && frameBytes(event, args[0]) > frameLimitBytes) {
			continue;
		}
		cases.push({ event, kind, args });
	}
	return cases;
}
