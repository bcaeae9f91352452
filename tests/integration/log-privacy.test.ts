/**
 * The README promises (LOG_LEVEL): "Logs are JSON lines without names or note text." Attacked
 * as an outsider would: the production server at LOG_LEVEL=debug (every line written), every
 * path that carries a person's name or their words driven through the public doors (sockets on
 * WebSocket and long-polling, the phone's join page, the organiser's forms, the roster search),
 * accepted, refused as too long, refused as malformed, and then the server's whole output
 * (stdout and stderr, parsed and raw) searched for each of those texts in every form a log line
 * could carry it: as typed, JSON- or \u-escaped, URL-encoded, in another Unicode normal form, in
 * another case, or one distinctive word of it alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorView, ParticipantView } from '$lib/domain/session/views';
import type { Ack } from '$lib/realtime/contract';
import { listParticipants } from '$lib/server/db/participants';
import type { CreatedSession } from '$lib/server/http/new-session';
import { connect, newId, type TestClient } from './helpers/client';
import { seedConference, type SeededConference } from './helpers/conference';
import { Device, rosterEntry, userAgents } from './helpers/device';
import { checkedParticipantsFile, post } from './helpers/organiser-http';
import { TestServer, type LogLine } from './helpers/server';
import { connectConsole, createSession, joinPhone, readDb, startWriting } from './helpers/session';

// ---------------------------------------------------------------------------------------------
// The checker: where, in a server's output, any marker shows up.
// ---------------------------------------------------------------------------------------------

/** A text that must never reach the log, and what it is (for the report). */
interface Marker {
	text: string;
	what: string;
	/** Also look for each distinctive word of it alone (a first name, a truncated note). */
	words: boolean;
}

/** Every character outside printable ASCII as \uXXXX (surrogate pairs as two), as some loggers do. */
function asciiEscaped(text: string): string {
	return text.replace(
		/[^\x20-\x7e]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}

/** The forms a log line could carry a text in. Compared case-insensitively. */
function formsOf(text: string): { form: string; needle: string }[] {
	const forms: [string, string][] = [
		['as typed', text],
		['NFC', text.normalize('NFC')],
		['NFD', text.normalize('NFD')],
		['JSON-escaped', JSON.stringify(text).slice(1, -1)],
		['\\u-escaped', asciiEscaped(text)],
		['\\u-escaped NFD', asciiEscaped(text.normalize('NFD'))],
		['URL-encoded', encodeURIComponent(text)],
		['form-encoded', new URLSearchParams({ q: text }).toString().slice(2)]
	];
	const seen = new Set<string>();
	const result: { form: string; needle: string }[] = [];
	for (const [form, needle] of forms) {
		const lower = needle.toLowerCase();
		if (seen.has(lower)) continue;
		seen.add(lower);
		result.push({ form, needle: lower });
	}
	return result;
}

/**
 * Words long enough never to turn up by chance in an id or a timestamp (eight letters or more:
 * the odds of a base64 id holding one are about one in 10^12 per position).
 */
function distinctiveWords(text: string): string[] {
	return text.split(/[^\p{L}]+/u).filter((word) => [...word].length >= 8);
}

function needlesOf(marker: Marker): { form: string; needle: string }[] {
	const whole = formsOf(marker.text);
	if (!marker.words) return whole;
	const words = distinctiveWords(marker.text).flatMap((word) =>
		formsOf(word).map(({ form, needle }) => ({ form: `the word "${word}" ${form}`, needle }))
	);
	return [...whole, ...words];
}

/** Where in a (parsed) log line a needle is: "event "x", field "y"". */
function placeIn(line: Record<string, unknown>, needle: string): string {
	const event = typeof line.event === 'string' ? line.event : '?';
	const fields = Object.entries(line)
		.filter(([key, value]) => {
			const text = typeof value === 'string' ? value : JSON.stringify(value);
			return [key, text ?? '', JSON.stringify(text ?? '')].some((t) =>
				t.toLowerCase().includes(needle)
			);
		})
		.map(([key]) => key);
	return `event "${event}", field${fields.length === 1 ? '' : 's'} ${fields.map((f) => `"${f}"`).join(', ') || '?'}`;
}

/**
 * Every place where a marker (in any of its forms) is in the raw output or in a parsed log line:
 * one message per marker, form and line. Empty: the log holds none of them.
 */
export function findLeaks(output: string, lines: LogLine[], markers: readonly Marker[]): string[] {
	const leaks = new Set<string>();
	const lowerOutput = output.toLowerCase();
	const rawLines = output.split('\n');
	const parsedTexts = lines.map((line) => {
		const json = JSON.stringify(line);
		// Both as serialised and with every string unescaped (what a log reader sees).
		return { line, text: `${json}\n${Object.entries(line).flat().map(String).join('\n')}` };
	});
	const lowerParsed = parsedTexts.map((p) => p.text.toLowerCase()).join('\n');
	for (const marker of markers) {
		for (const { form, needle } of needlesOf(marker)) {
			const label = `${marker.what} ${JSON.stringify(marker.text)} (${form})`;
			if (lowerOutput.includes(needle)) {
				for (const raw of rawLines) {
					if (!raw.toLowerCase().includes(needle)) continue;
					let where = 'a line that is not JSON';
					try {
						const parsed = JSON.parse(raw) as unknown;
						if (parsed && typeof parsed === 'object')
							where = placeIn(parsed as Record<string, unknown>, needle);
					} catch {
						// not JSON: reported as such
					}
					leaks.add(`${label} in the output, ${where}: ${raw.slice(0, 300)}`);
				}
			}
			if (lowerParsed.includes(needle)) {
				for (const { line, text } of parsedTexts) {
					if (!text.toLowerCase().includes(needle)) continue;
					leaks.add(
						`${label} in a parsed log line, ${placeIn(line, needle)}: ${JSON.stringify(line).slice(0, 300)}`
					);
				}
			}
		}
	}
	return [...leaks];
}

// ---------------------------------------------------------------------------------------------
// The markers: every text typed in this file that the log must not hold.
// ---------------------------------------------------------------------------------------------

const markers: Marker[] = [];

/** Registers a text the log must never hold, and answers it. */
function mark(what: string, text: string, { words = true } = {}): string {
	markers.push({ text, what, words });
	return text;
}

// ---------------------------------------------------------------------------------------------
// The server and what drives it.
// ---------------------------------------------------------------------------------------------

let server: TestServer;
let seed: SeededConference;
let standalone: CreatedSession | null = null;
const clients: TestClient[] = [];

function track(client: TestClient): TestClient {
	clients.push(client);
	return client;
}

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
	return ack;
}

/** Sends any payload; expects a refusal with this code. */
async function refused(client: TestClient, name: string, payload: object, code: string) {
	const answer = (await client.send(name, payload)) as Ack;
	expect(answer, `${name} ${JSON.stringify(payload).slice(0, 120)}`).toMatchObject({
		ok: false,
		error: { code }
	});
}

beforeAll(async () => {
	server = new TestServer({ env: { LOG_LEVEL: 'debug' } });
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	// The seeded roster's names were typed by an organiser too (imported before the start).
	for (const member of seed.members)
		mark('participant name (seeded roster)', member.name, { words: false });
	await server.start();
}, 60_000);

afterAll(async () => {
	for (const client of clients) client.close();
	await server?.dispose();
});

describe('the checker', () => {
	const name = 'Åsa Ødegård Qzxwvkjp';
	const only = [{ text: name, what: 'a name', words: true }];
	const line = (fields: Record<string, unknown>) =>
		JSON.stringify({ time: '2026-01-01T00:00:00.000Z', level: 'info', event: 'x', ...fields });
	const parse = (text: string) =>
		text
			.split('\n')
			.filter((l) => l.startsWith('{'))
			.map((l) => JSON.parse(l) as LogLine);

	it('finds nothing in a log of ids and counts', () => {
		const clean = [
			line({ event: 'participant.joined', sessionId: newId() }),
			line({ event: 'socket.connected', role: 'participant', socket: newId(), pid: 4242 }),
			line({ event: 'session.created', sessionId: newId(), questions: 3 })
		].join('\n');
		expect(findLeaks(clean, parse(clean), only)).toEqual([]);
	});

	it.each([
		['as typed, in a field', line({ event: 'participant.joined', name })],
		['\\u-escaped', line({ event: 'y', text: 'ZZ' }).replace('ZZ', asciiEscaped(name))],
		['URL-encoded in a path', line({ url: `/k/ABCDEF?q=${encodeURIComponent(name)}` })],
		['form-encoded in a body', line({ body: `q=${new URLSearchParams({ q: name }).toString()}` })],
		['in capitals', line({ heading: name.toUpperCase() })],
		['decomposed (NFD)', line({ name: name.normalize('NFD') })],
		['one word of it alone', line({ first: 'Qzxwvkjp' })],
		['as a key', line({ [name]: 1 })],
		['in a line that is not JSON (a stack trace on stderr)', `Error: bad note ${name}\n    at x`]
	])('finds a marker %s', (_label, output) => {
		const leaks = findLeaks(output, parse(output), only);
		expect(leaks.length).toBeGreaterThan(0);
		expect(leaks.join('\n')).toContain('a name');
	});

	it('names the event and field that leak', () => {
		const output = line({ event: 'participant.joined', sessionId: newId(), name });
		const leaks = findLeaks(output, parse(output), only);
		expect(leaks.some((l) => l.includes('event "participant.joined", field "name"'))).toBe(true);
	});

	it('finds a marker in the parsed lines even when the raw output differs', () => {
		const lines = [{ time: '', level: 'info', event: 'z', note: name }] as LogLine[];
		expect(findLeaks('', lines, only).length).toBeGreaterThan(0);
	});

	it('does not look for the words of a marker registered without them', () => {
		const output = line({ first: 'Qzxwvkjp' });
		expect(findLeaks(output, parse(output), [{ ...only[0]!, words: false }])).toEqual([]);
	});
});

describe('the log at LOG_LEVEL=debug', () => {
	it('is written while a stand-alone session runs through every door that carries words', async () => {
		// Creating a session: refused (too long, malformed), then made with a title and a question.
		const tooLongTitle = mark(
			'session title (refused, too long)',
			`Tittel Qvkzjxwp Þórdís ${'Kvæðaþing '.repeat(20)}`
		);
		const badBodies = [
			{ title: tooLongTitle, questions: ['What?'], language: 'en' },
			{
				title: mark('session title (malformed request)', 'Feilform Wjqzkxvp'),
				questions: mark('question (malformed request)', 'Spørsmålsfeil Zkvqxwjp'),
				language: 'en'
			}
		];
		for (const body of badBodies) {
			const answer = await fetch(`${server.url}/api/sessions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
			expect(answer.status).toBeGreaterThanOrEqual(400);
			expect(answer.status).toBeLessThan(500);
		}
		const session = await createSession(server, {
			title: mark('session title', 'Sesjonstittel Jkvqzxwp Ærø'),
			questions: [mark('question', 'Spørsmål Wqzvkxjp: hva hjelper?')]
		});
		standalone = session;
		const console = track(await connectConsole(server, session));
		track(
			await connect(server, {
				auth: { role: 'screen', token: session.screenToken },
				transports: ['polling']
			})
		);

		// Joins: a phone on WebSocket, one on long-polling, one through the join page.
		const wsName = mark('participant name (join, websocket)', 'Zyxwvuts Markername');
		const pollName = mark('participant name (join, long-polling)', 'Åsa Ødegård Vrkplmnq');
		const pageName = mark('participant name (join page)', 'Þórdís Hjqzxwyk Guðmundsdóttir');
		const ws = await joinPhone(server, session.joinCode, wsName);
		track(ws.client);
		const poll = await joinPhone(server, session.joinCode, pollName, { transports: ['polling'] });
		track(poll.client);
		const device = new Device(server, userAgents.android);
		expect((await device.get(`/j/${session.joinCode}`)).status).toBe(200);
		const pageJoin = await device.postJson(`/j/${session.joinCode}/join`, {
			id: newId(),
			name: pageName
		});
		expect(pageJoin.status).toBe(200);
		const pageAnswer = JSON.parse(pageJoin.body) as { participantId: string; token: string };
		const pagePhone = track(
			await device.connect({
				auth: { role: 'participant', token: pageAnswer.token },
				transports: ['polling']
			})
		);
		await pagePhone.waitForView((v) => v.view.role === 'participant');
		// The join page refuses too long a name and a malformed body.
		const pageTooLong = await device.postJson(`/j/${session.joinCode}/join`, {
			id: newId(),
			name: mark('participant name (join page, too long)', `Sidenavn Xqjzvkwp ${'Å'.repeat(60)}`)
		});
		expect(pageTooLong.status).toBe(422);
		const pageMalformed = await device.postJson(`/j/${session.joinCode}/join`, {
			id: newId(),
			name: mark('participant name (join page, malformed)', 'Misformet Kqzvxjwp'),
			note: mark('extra field (join page, malformed)', 'Ekstrafelt Zvqxkjwp')
		});
		expect(pageMalformed.status).toBe(400);
		// A leaver joins and leaves.
		const leaver = await joinPhone(
			server,
			session.joinCode,
			mark('participant name (left)', 'Gwfrtzyx Leaverson')
		);
		track(leaver.client);
		await ok(leaver.client, 'participant.leave', {});

		// Refused joins on a guest socket: wrong code, too long, empty, malformed.
		const guest = track(await connect(server, { auth: { role: 'guest' } }));
		const join = (name: unknown, extra: object = {}) => ({
			id: newId(),
			code: session.joinCode,
			name,
			...extra
		});
		const wrongCode = session.joinCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
		await refused(
			guest,
			'participant.join',
			{ ...join(mark('participant name (wrong code)', 'Wrongcode Kvxqzjpw')), code: wrongCode },
			'not_found'
		);
		await refused(
			guest,
			'participant.join',
			join(mark('participant name (too long)', `Toolongname ${'Qzpxwvkj'.repeat(8)}`)),
			'too_long'
		);
		await refused(guest, 'participant.join', join('   '), 'empty');
		await refused(
			guest,
			'participant.join',
			join(mark('participant name (malformed join)', 'Badjoin Pqzkxwvj'), {
				avatar: mark('extra field (malformed join)', 'Avatarfelt Jvqzkxwp')
			}),
			'invalid_payload'
		);
		await refused(
			guest,
			'participant.join',
			{ id: newId(), code: mark('join code field (malformed)', 'Kodefelt Xzqvkwjp'), name: 'A' },
			'invalid_payload'
		);

		// The console adds someone without a phone and renames; a phone renames itself.
		const paperId = newId();
		await ok(console, 'participant.add', {
			participantId: paperId,
			name: mark('participant name (added at the console)', 'Papirnavn Jqxwzkvb')
		});
		await ok(console, 'participant.rename', {
			participantId: ws.participantId,
			name: mark('participant name (renamed at the console)', 'Omdøpt Ñandúqzxy Kvist')
		});
		await ok(poll.client, 'participant.rename', {
			participantId: poll.participantId,
			name: mark('participant name (renamed on the phone)', 'Selvvalgt Blåbærqz Xwkv')
		});
		await refused(
			console,
			'participant.rename',
			{
				id: newId(),
				participantId: poll.participantId,
				name: mark('participant name (rename too long)', `Langtnavn ${'Zvkqxjpw'.repeat(8)}`)
			},
			'too_long'
		);
		await refused(
			console,
			'participant.add',
			{
				id: newId(),
				participantId: newId(),
				name: mark('participant name (malformed add)', 'Feillagt Qxvzkjwp'),
				email: mark('extra field (malformed add)', 'Epostfelt Kwzqvxjp')
			},
			'invalid_payload'
		);
		const named = await console.waitForView((v) =>
			['Papirnavn Jqxwzkvb', 'Omdøpt Ñandúqzxy Kvist', 'Selvvalgt Blåbærqz Xwkv'].every((name) =>
				JSON.stringify(v.view).includes(name)
			)
		);
		expect(named).toBeTruthy();

		// Questions and the title, from the console.
		const extraQuestion = newId();
		await ok(console, 'question.add', {
			questionId: extraQuestion,
			text: mark('question (added)', 'Tilleggsspørsmål Zxqvkwjb om arbeid?')
		});
		await ok(console, 'question.edit', {
			questionId: extraQuestion,
			text: mark('question (edited)', 'Endretspørsmål Kjqzvxwb om arbeid?')
		});
		await ok(console, 'session.retitle', {
			title: mark('session title (retitled)', 'Nytittel Vqzkxjwb Þingvellir')
		});
		await refused(
			console,
			'session.retitle',
			{
				id: newId(),
				title: mark('session title (retitle too long)', `Overlangtittel ${'Øyvindqz '.repeat(20)}`)
			},
			'too_long'
		);

		// Silent writing: notes added, edited, deleted, and refused.
		const questionId = await startWriting(console);
		for (const phone of [ws.client, poll.client, pagePhone])
			await phone.waitForView(
				(v) => (v.view as ParticipantView).runs?.[0]?.phase === 'write',
				10_000
			);
		const first = newId();
		const doomed = newId();
		const pollNote = newId();
		const pageNote = newId();
		const paperNote = newId();
		await ok(ws.client, 'note.add', {
			questionId,
			noteId: first,
			text: mark('note text (added)', 'NOTETEXT-qwpl-1 Førstetanke Zqkvxwjb')
		});
		await ok(ws.client, 'note.add', {
			questionId,
			noteId: doomed,
			text: mark('note text (deleted)', 'NOTETEXT-qwpl-2 Slettetekst Wqvzxkjb')
		});
		await ok(ws.client, 'note.edit', {
			questionId,
			noteId: first,
			text: mark('note text (edited)', 'NOTETEXT-qwpl-3 Rettetekst Kzvqxwjb ǅemal')
		});
		await ok(ws.client, 'note.delete', { questionId, noteId: doomed });
		await ok(poll.client, 'note.add', {
			questionId,
			noteId: pollNote,
			text: mark('note text (long-polling)', 'NOTETEXT-qwpl-4 Þórsmörk Jxqzvkwb ✨🌿')
		});
		await ok(pagePhone, 'note.add', {
			questionId,
			noteId: pageNote,
			text: mark('note text (join-page phone)', 'NOTETEXT-qwpl-5 Sidetekst Vxqzkjwb')
		});
		await ok(console, 'note.add', {
			questionId,
			noteId: paperNote,
			authorId: paperId,
			text: mark('note text (entered by the console)', 'NOTETEXT-qwpl-6 Papirlapp Qzjxvkwb')
		});
		await refused(
			ws.client,
			'note.add',
			{
				id: newId(),
				questionId,
				noteId: newId(),
				text: mark('note text (too long)', `Overlong Qzvkxwpj ${'Lakrisål '.repeat(300)}`)
			},
			'too_long'
		);
		await refused(
			poll.client,
			'note.add',
			{
				id: newId(),
				questionId,
				noteId: newId(),
				text: mark('note text (far too long)', `Alltforlang Wzvkqxpj ${'Ærøskøbing '.repeat(500)}`)
			},
			'too_long'
		);
		await refused(
			ws.client,
			'note.add',
			{ id: newId(), questionId, noteId: newId(), text: ' \n\t ' },
			'empty'
		);
		await refused(
			ws.client,
			'note.add',
			{
				id: newId(),
				questionId,
				noteId: newId(),
				text: mark('note text (malformed)', 'Misform Pjqzvxkw note'),
				comment: mark('extra field (malformed note)', 'Kommentar Zwqvkxjp')
			},
			'invalid_payload'
		);
		await refused(
			poll.client,
			'note.add',
			{
				id: newId(),
				questionId,
				noteId: newId(),
				text: { nested: mark('note text (of the wrong type)', 'Objekttekst Jvzqxkwp') }
			},
			'invalid_payload'
		);
		await refused(
			poll.client,
			'note.edit',
			{
				id: newId(),
				questionId,
				noteId: first,
				text: mark('note text (someone else’s note)', 'Fremmednote Xkvqzjwp')
			},
			'forbidden'
		);
		await refused(
			pagePhone,
			'note.edit',
			{
				id: newId(),
				questionId,
				noteId: newId(),
				text: mark('note text (unknown note)', 'Ukjentnote Qvkzxjwp')
			},
			'not_found'
		);
		// From a socket that never joined: refused at the door.
		await refused(
			guest,
			'note.add',
			{
				id: newId(),
				questionId,
				noteId: newId(),
				text: mark('note text (unauthenticated)', 'Gjestenote Wkzqvxjp')
			},
			'unauthenticated'
		);

		// Reveal, headings, a correction by the console.
		await ok(console, 'phase.advance', { questionId, from: 'write' });
		await ok(console, 'reveal.next', { questionId });
		await ok(console, 'reveal.all', { questionId });
		await ok(console, 'note.edit', {
			questionId,
			noteId: pageNote,
			text: mark('note text (corrected by the console)', 'NOTETEXT-qwpl-7 Korrigert Zjvqxkwb')
		});
		await ok(console, 'phase.advance', { questionId, from: 'reveal' });
		const suggested = (await console.send('cluster.suggest', { id: newId(), questionId })) as Ack;
		expect(suggested.ok).toBe(true);
		const clusterId = newId();
		await ok(console, 'cluster.create', {
			questionId,
			clusterId,
			heading: mark('heading', 'Overskrift Zqxvkwjp Ålesund'),
			noteIds: [first, pollNote]
		});
		await ok(console, 'cluster.create', {
			questionId,
			clusterId: newId(),
			heading: mark('sub-heading', 'Underoverskrift Kqzvxwjp'),
			noteIds: [],
			parentId: clusterId
		});
		await ok(console, 'cluster.rename', {
			questionId,
			clusterId,
			heading: mark('heading (renamed)', 'Nyoverskrift Vjqzxkwp Ísafjörður')
		});
		await refused(
			console,
			'cluster.create',
			{
				id: newId(),
				questionId,
				clusterId: newId(),
				heading: mark('heading (too long)', `Langoverskrift ${'Zqkvxjwp '.repeat(20)}`),
				noteIds: []
			},
			'too_long'
		);
		await refused(
			ws.client,
			'cluster.create',
			{
				id: newId(),
				questionId,
				clusterId: newId(),
				heading: mark('heading (from a phone)', 'Telefonoverskrift Xjzqvkwp'),
				noteIds: []
			},
			'forbidden'
		);
		const headed = await console.waitForView((v) =>
			JSON.stringify(v.view).includes('Nyoverskrift Vjqzxkwp Ísafjörður')
		);
		expect((headed.view as FacilitatorView).runs[0]!.phase).toBe('clarify');

		// The vote: every phone ranks, a crafted ballot is refused, then the vote is closed.
		await ok(console, 'phase.advance', { questionId, from: 'clarify' });
		for (const [i, phone] of [ws.client, poll.client, pagePhone].entries()) {
			const view = await phone.waitForView(
				(v) => (v.view as ParticipantView).runs?.[0]?.vote != null
			);
			const { items, n } = (view.view as ParticipantView).runs[0]!.vote!;
			const ids = items.map((item) => item.id);
			const ranking = [...ids.slice(i), ...ids.slice(0, i)].slice(0, n);
			for (const item of ranking) mark('ballot ranking entry', item, { words: false });
			mark('ballot ranking', JSON.stringify(ranking), { words: false });
			await ok(phone, 'ballot.cast', { questionId, ranking });
		}
		await refused(
			ws.client,
			'ballot.cast',
			{ id: newId(), questionId, ranking: [mark('ballot (malformed)', 'Stemmeseddel Qzkvxjwp')] },
			'invalid_payload'
		);
		await refused(
			ws.client,
			'ballot.cast',
			{ id: newId(), questionId, ranking: [], voterId: poll.participantId },
			'forbidden'
		);
		await ok(console, 'phase.advance', { questionId, from: 'vote' });
		await ok(console, 'phase.advance', { questionId, from: 'results' });

		// Discussion, the facilitator's reflection, members' reflections.
		await ok(console, 'discussion.write', {
			questionId,
			text: mark('discussion notes', 'Diskusjonsnotat Wvqzxkjp: lang samtale')
		});
		await ok(console, 'session.reflect', {
			text: mark('facilitator reflection', 'Fasilitatorrefleksjon Jzqvxkwp')
		});
		await ok(console, 'session.configure', { settings: { membersReflect: true } });
		const reflectionId = newId();
		await ok(poll.client, 'reflection.write', {
			reflectionId,
			title: mark('reflection title', 'Refleksjonstittel Kvzqxjwp'),
			text: mark('reflection text (phone)', 'Refleksjonstekst Qxvzkjwp Ásgeir'),
			showName: true
		});
		await ok(poll.client, 'reflection.write', {
			reflectionId,
			text: mark('reflection text (rewritten)', 'Omskrevet Vkqzxjwp refleksjon')
		});
		await ok(console, 'reflection.write', {
			reflectionId: newId(),
			authorId: ws.participantId,
			text: mark('reflection text (written by the console)', 'Konsollrefleksjon Zwjqvxkp')
		});
		await refused(
			ws.client,
			'reflection.write',
			{
				id: newId(),
				reflectionId: newId(),
				text: mark('reflection text (too long)', `Altforlang ${'Refleksjonqz '.repeat(900)}`)
			},
			'too_long'
		);
		await ok(poll.client, 'reflection.delete', { reflectionId });
		const reflected = await console.waitForView((v) =>
			JSON.stringify(v.view).includes('Konsollrefleksjon Zwjqvxkp')
		);
		expect(reflected).toBeTruthy();

		// A crafted language switch, then removals (with and without the person's words).
		await refused(
			pagePhone,
			'language.set',
			{ lang: mark('language (malformed)', 'Sprogfelt Xqwzvkjp') },
			'invalid_payload'
		);
		await ok(console, 'participant.remove', {
			participantId: pageAnswer.participantId,
			deleteContributions: true
		});
		await ok(console, 'participant.remove', {
			participantId: ws.participantId,
			deleteContributions: false
		});
	}, 60_000);

	it('is written while a conference runs: the organiser’s forms, the roster, a group, an erasure', async () => {
		const cookie = seed.organiserCookie;
		const base = `/organiser/conferences/${seed.conferenceId}`;
		const group = seed.groups[0]!;
		const [aId, bId] = group.memberIds;
		const roster = () =>
			readDb(server.databasePath, (db) => listParticipants(db, seed.conferenceId));
		const a = roster().find((p) => p.id === aId)!;

		// The organiser retypes a member, adds one, is refused one, imports two.
		const organiserName = mark(
			'participant name (typed by the organiser)',
			'Ørjan Åkesson Zqvxkwjb'
		);
		const edited = await post(
			server,
			`${base}/participants?/save`,
			{
				commandId: newId(),
				id: a.id,
				name: organiserName,
				country: a.country,
				role: a.role,
				organisation: mark('organisation (typed by the organiser)', 'Kvzxqwjp Arbeidssamvirke'),
				language: a.language,
				roleDescription: mark('role description (typed by the organiser)', 'Forsker Wqjzxkvp')
			},
			{ cookie }
		);
		expect(edited.status).toBe(303);
		const addedName = mark(
			'participant name (added by the organiser)',
			'Sólveig Þrastardóttir Qkzvxwjb'
		);
		const added = await post(
			server,
			`${base}/participants?/save`,
			{
				commandId: newId(),
				name: addedName,
				country: a.country,
				role: a.role,
				organisation: '',
				language: 'nb'
			},
			{ cookie }
		);
		expect(added.status).toBe(200);
		const tooLong = await post(
			server,
			`${base}/participants?/save`,
			{
				commandId: newId(),
				name: mark('participant name (organiser, too long)', `Formnavn ${'Kjqzvxwp'.repeat(25)}`),
				country: a.country,
				role: a.role,
				organisation: '',
				language: 'nb'
			},
			{ cookie }
		);
		expect(tooLong.status).toBeGreaterThanOrEqual(400);
		expect(tooLong.status).toBeLessThan(500);
		const checked = await checkedParticipantsFile(server, cookie, seed.conferenceId, [
			mark('participant name (imported)', 'Importert Ådne Zqxvkwpj'),
			mark('participant name (imported)', 'Jóhanna Qxkzvwjpsdóttir')
		]);
		const imported = await post(server, `${base}/participants/import?/import`, checked, {
			cookie
		});
		expect(imported.status).toBe(303);
		const renamedGroup = await post(
			server,
			`${base}/rounds/${seed.roundId}?/renameGroup`,
			{ groupId: group.id, name: mark('group name (typed by the organiser)', 'Gruppe Zqxkvwjb') },
			{ cookie }
		);
		expect(renamedGroup.status).toBeLessThan(400);
		const newConference = await post(
			server,
			'/organiser/conferences/new?/save',
			{
				commandId: newId(),
				title: mark('conference title', 'Konferansetittel Vzqkxjwp Þingvellir'),
				subtitle: mark('conference subtitle', 'Undertittel Jkzqvxwp'),
				venue: mark('conference venue', 'Stedsnavn Wqxzvkjp'),
				startDate: '2026-09-01',
				endDate: '2026-09-01',
				language: 'nb',
				languages: ['nb', 'sv']
			},
			{ cookie }
		);
		expect(newConference.status).toBe(303);

		// Screens that show names: the organiser's overview (WebSocket), the plenum (long-polling).
		const overview = track(
			await connect(server, {
				auth: { role: 'organiser', conferenceId: seed.conferenceId },
				headers: { cookie }
			})
		);
		track(
			await connect(server, {
				auth: { role: 'plenum', token: seed.plenumToken },
				transports: ['polling']
			})
		);

		// A phone searches the roster for the retyped name, and for a name nobody has, and claims.
		const phone = new Device(server, userAgents.iphone);
		const search = (query: string) =>
			phone.get(`/k/${seed.joinCode}?q=${encodeURIComponent(query)}`);
		const found = await search(organiserName);
		expect(found.status).toBe(200);
		expect(found.body).toContain(organiserName);
		expect(
			(await search(mark('roster search (typed on a phone)', 'Søkeord Xqzvkwjp Ærlig'))).status
		).toBe(200);
		const claimed = await phone.post(
			`/k/${seed.joinCode}?q=${encodeURIComponent(organiserName)}`,
			rosterEntry(found.body, organiserName)
		);
		expect(claimed.status).toBe(303);

		// The group runs its question: two members (WebSocket, long-polling) write, head, vote.
		const seedA = seed.members.find((m) => m.id === aId)!;
		const seedB = seed.members.find((m) => m.id === bId)!;
		const console = track(
			await connect(server, { auth: { role: 'facilitator', token: group.facilitatorToken } })
		);
		const memberA = track(await connect(server, { auth: { role: 'member', token: seedA.token } }));
		const memberB = track(
			await connect(server, {
				auth: { role: 'member', token: seedB.token },
				transports: ['polling']
			})
		);
		const questionId = (await console.waitForView()).view.currentQuestionId;
		await ok(console, 'phase.advance', { questionId, from: 'lobby' });
		const noteA = newId();
		const noteB = newId();
		for (const [member, noteId, text] of [
			[memberA, noteA, mark('note text (conference member)', 'Medlemsnotat Zkqvxjwp Åre')],
			[memberB, noteB, mark('note text (conference member, polling)', 'Pollingnotat Wjzqvkxp')]
		] as const) {
			await member.waitForView((v) => (v.view as ParticipantView).runs?.[0]?.phase === 'write');
			await ok(member, 'note.add', { questionId, noteId, text });
		}
		await refused(
			memberA,
			'note.add',
			{
				id: newId(),
				questionId,
				noteId: newId(),
				text: mark('note text (conference, too long)', `Medlemslang ${'Qzvkxjwp '.repeat(300)}`)
			},
			'too_long'
		);
		await ok(console, 'phase.advance', { questionId, from: 'write' });
		await ok(console, 'reveal.all', { questionId });
		await ok(console, 'phase.advance', { questionId, from: 'reveal' });
		await ok(console, 'cluster.create', {
			questionId,
			clusterId: newId(),
			heading: mark('heading (conference group)', 'Gruppeoverskrift Xvqzkjwp'),
			noteIds: [noteA]
		});
		await ok(console, 'phase.advance', { questionId, from: 'clarify' });
		for (const member of [memberA, memberB]) {
			const view = await member.waitForView(
				(v) => (v.view as ParticipantView).runs?.[0]?.vote != null
			);
			const { items, n } = (view.view as ParticipantView).runs[0]!.vote!;
			const ranking = items.map((item) => item.id).slice(0, n);
			for (const item of ranking) mark('ballot ranking entry (conference)', item, { words: false });
			await ok(member, 'ballot.cast', { questionId, ranking });
		}
		await ok(console, 'phase.advance', { questionId, from: 'vote' });
		await ok(console, 'session.configure', { settings: { membersReflect: true } });
		await ok(memberB, 'reflection.write', {
			reflectionId: newId(),
			text: mark('reflection text (conference member)', 'Medlemsrefleksjon Kxqzvjwp')
		});

		// Erasure: the retyped member anonymised, the added one deleted.
		const addedId = roster().find((p) => p.name === addedName)!.id;
		for (const [participantId, mode] of [
			[a.id, 'anonymise'],
			[addedId, 'delete']
		] as const) {
			const erased = await post(
				server,
				`${base}/privacy?/erase`,
				{ participantId, mode },
				{ cookie }
			);
			expect(erased.status).toBe(200);
		}
		expect(roster().some((p) => p.name === organiserName)).toBe(false);
		expect(overview.socket.connected).toBe(true);
	}, 60_000);

	it('holds none of those names and words, and was written (not silent) all along', async () => {
		// Stopped first: lines summed up at the end are written, and nothing more can arrive.
		await server.stop();
		const output = server.output;
		const lines = server.logs();

		// Not vacuous: the log was written, at every level asked for, about these very sessions.
		expect(standalone, 'the stand-alone session ran').not.toBeNull();
		expect(lines.length).toBeGreaterThan(20);
		expect(lines.some((l) => l.level === 'debug' && l.event === 'socket.connected')).toBe(true);
		expect(lines.some((l) => l.level === 'info')).toBe(true);
		expect(
			lines.some((l) => l.event === 'session.created' && l.sessionId === standalone!.sessionId)
		).toBe(true);
		const joins = lines.filter(
			(l) => l.event === 'participant.joined' && l.sessionId === standalone!.sessionId
		);
		expect(joins.length).toBeGreaterThanOrEqual(4);
		expect(joins.some((l) => l.via === 'page')).toBe(true);
		expect(
			lines.some((l) => l.event === 'participant.erased' && l.conferenceId === seed.conferenceId)
		).toBe(true);
		expect(lines.some((l) => l.event === 'conference.created')).toBe(true);
		expect(lines.some((l) => l.event === 'server.stopped')).toBe(true);
		// Every line is JSON with a time, a level and an event.
		const stray = output
			.split('\n')
			.filter((l) => l.trim() !== '')
			.filter((l) => {
				try {
					const parsed = JSON.parse(l) as Partial<LogLine>;
					return !(parsed.time && parsed.level && typeof parsed.event === 'string');
				} catch {
					return true;
				}
			});
		expect(stray, 'output lines that are not JSON log lines').toEqual([]);
		expect(markers.length).toBeGreaterThan(60);

		// The promise: no marker, in any form, anywhere in what the server wrote.
		expect(findLeaks(output, lines, markers)).toEqual([]);
	});
});
