/**
 * What an organiser's downloads carry while groups are at work. Phones write and vote over real
 * sockets: one group mid-writing, one mid-vote, one with its vote closed. The organiser's JSON
 * archive and the per-person download must carry no note that is not yet revealed, no draft an
 * author edited away, no ballot of an open vote and no voter's identity — only counts of what is
 * withheld — while a closed vote's ranked lists stay, without who cast them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantView } from '$lib/domain/session/views';
import { connect, newId, type TestClient } from './helpers/client';
import { seedConference, type SeededConference } from './helpers/conference';
import { get } from './helpers/organiser-http';
import { TestServer } from './helpers/server';

let server: TestServer;
let seed: SeededConference;
const clients: TestClient[] = [];

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
	return ack;
}

/** One group at work: its console, three phones and the notes' ids by text. */
interface Group {
	console: TestClient;
	phones: TestClient[];
	memberIds: string[];
	names: string[];
	questionId: string;
	notes: Map<string, string>;
	rankings: string[][];
}

async function openGroup(g: number): Promise<Group> {
	const group = seed.groups[g]!;
	const console = await connect(server, {
		auth: { role: 'facilitator', token: group.facilitatorToken }
	});
	await console.waitForView();
	const memberIds = group.memberIds.slice(0, 3);
	const phones = await Promise.all(
		memberIds.map(async (id) => {
			const member = seed.members.find((m) => m.id === id)!;
			const phone = await connect(server, { auth: { role: 'member', token: member.token } });
			await phone.waitForView((v) => v.view.role === 'participant');
			return phone;
		})
	);
	clients.push(console, ...phones);
	return {
		console,
		phones,
		memberIds,
		names: memberIds.map((id) => seed.members.find((m) => m.id === id)!.name),
		questionId: console.view!.view.currentQuestionId,
		notes: new Map(),
		rankings: []
	};
}

async function write(group: Group, phone: number, text: string): Promise<string> {
	const noteId = newId();
	await ok(group.phones[phone]!, 'note.add', { questionId: group.questionId, noteId, text });
	group.notes.set(text, noteId);
	return noteId;
}

async function advance(group: Group, ...from: string[]) {
	for (const phase of from)
		await ok(group.console, 'phase.advance', { questionId: group.questionId, from: phase });
}

/** Three notes, one of them first written as a draft and edited by its author before the reveal. */
async function writeThree(group: Group, prefix: string) {
	await advance(group, 'lobby');
	for (const phone of group.phones)
		await phone.waitForView((v) => v.view.runs[0]!.phase === 'write');
	const drafted = await write(group, 0, `${prefix}-DRAFT edited away`);
	await ok(group.phones[0]!, 'note.edit', {
		questionId: group.questionId,
		noteId: drafted,
		text: `${prefix}-A`
	});
	group.notes.set(`${prefix}-A`, drafted);
	await write(group, 1, `${prefix}-TYPO`);
	await write(group, 2, `${prefix}-C`);
}

/** Reveal, a typo fixed by the facilitator, then the vote with three ballots. */
async function revealAndVote(group: Group, prefix: string) {
	await advance(group, 'write', 'reveal');
	await ok(group.console, 'note.edit', {
		questionId: group.questionId,
		noteId: group.notes.get(`${prefix}-TYPO`)!,
		text: `${prefix}-FIXED`
	});
	await advance(group, 'clarify');
	const item = (text: string) => `n:${group.notes.get(text)!}`;
	group.rankings = [
		[item(`${prefix}-A`), item(`${prefix}-TYPO`)],
		[item(`${prefix}-C`)],
		[item(`${prefix}-TYPO`), item(`${prefix}-C`), item(`${prefix}-A`)]
	];
	for (const [i, phone] of group.phones.entries()) {
		await phone.waitForView((v) => (v.view as ParticipantView).runs[0]!.phase === 'vote');
		await ok(phone, 'ballot.cast', { questionId: group.questionId, ranking: group.rankings[i] });
	}
}

let writing: Group;
let voting: Group;
let closed: Group;

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	await server.start();
	[writing, voting, closed] = await Promise.all([openGroup(0), openGroup(1), openGroup(2)]);
	await writeThree(writing, 'WRITING');
	await writeThree(voting, 'VOTING');
	await revealAndVote(voting, 'VOTING');
	await writeThree(closed, 'CLOSED');
	await revealAndVote(closed, 'CLOSED');
	await advance(closed, 'vote');
}, 120_000);

afterAll(async () => {
	for (const client of clients) client.close();
	await server?.dispose();
});

type ArchivedQuestion = {
	notes: { id: string; text: string; history: { previous: string }[] }[];
	closedVote: { rankings: string[][] } | null;
	withheld: { notes: number; ballots: number };
};
type ArchivedGroup = {
	session: { participants: { name: string }[]; questions: ArchivedQuestion[] } | null;
};

async function download(path: string): Promise<string> {
	const response = await get(server, path, seed.organiserCookie);
	expect(response.status).toBe(200);
	return response.text();
}

describe('the organiser’s JSON archive, taken mid-writing and mid-vote', () => {
	let text: string;
	let question: (group: Group) => ArchivedQuestion;

	beforeAll(async () => {
		text = await download(
			`/organiser/conferences/${seed.conferenceId}/export/download?format=json`
		);
		const archive = JSON.parse(text) as { rounds: { groups: ArchivedGroup[] }[] };
		question = (group) => {
			const found = archive.rounds[0]!.groups.find((g) =>
				g.session?.participants.some((p) => p.name === group.names[0])
			);
			return found!.session!.questions[0]!;
		};
	});

	it('carries no note text that is not yet revealed, only how many there are', () => {
		expect(text).not.toContain('WRITING-A');
		expect(text).not.toContain('WRITING-TYPO');
		expect(text).not.toContain('WRITING-C');
		expect(question(writing).notes).toEqual([]);
		expect(question(writing).withheld.notes).toBe(3);
	});

	it('carries no draft an author edited away, but keeps the facilitator’s typo fix', () => {
		expect(text).not.toContain('DRAFT');
		const fixed = question(voting).notes.find((n) => n.text === 'VOTING-FIXED')!;
		expect(fixed.history.map((h) => h.previous)).toEqual(['VOTING-TYPO']);
		expect(question(voting).notes.find((n) => n.text === 'VOTING-A')!.history).toEqual([]);
	});

	it('carries no ballot of an open vote, only how many were cast', () => {
		expect(question(voting).closedVote).toBeNull();
		expect(question(voting).withheld.ballots).toBe(3);
		for (const ranking of voting.rankings) expect(text).not.toContain(JSON.stringify(ranking));
	});

	it('keeps a closed vote’s ranked lists, with no voter anywhere in the file', () => {
		expect(text).not.toContain('voterId');
		expect(question(closed).withheld).toEqual({ notes: 0, ballots: 0 });
		const lists = question(closed).closedVote!.rankings.map((b) => JSON.stringify(b));
		expect(lists.sort()).toEqual(closed.rankings.map((r) => JSON.stringify(r)).sort());
	});
});

describe('the per-person download, taken mid-writing and mid-vote', () => {
	type Personal = {
		about: string;
		rounds: {
			questions: {
				notes: { text: string; textBeforeCorrections: string[] }[];
				notesNotYetRevealed: number;
				vote: { open: boolean; voted?: boolean } | null;
			}[];
		}[];
	};
	const personal = async (id: string) => {
		const text = await download(`/organiser/conferences/${seed.conferenceId}/privacy/${id}`);
		return { text, data: JSON.parse(text) as Personal };
	};

	it('says that the organiser downloads it to answer an access request', async () => {
		const { data } = await personal(writing.memberIds[0]!);
		// In the person's own language: the seeded participants speak Norwegian.
		expect(data.about).toMatch(/Arrangøren lastet den ned/);
		expect(data.about).toMatch(/innsyn/);
	});

	it('mid-writing: no text of the person’s unrevealed notes and no draft, only a count', async () => {
		const { text, data } = await personal(writing.memberIds[0]!);
		expect(text).not.toContain('WRITING-A');
		expect(text).not.toContain('DRAFT');
		expect(data.rounds[0]!.questions[0]).toMatchObject({ notes: [], notesNotYetRevealed: 1 });
	});

	it('mid-vote: revealed notes and corrections, whether they voted, never their ballot', async () => {
		const author = await personal(voting.memberIds[1]!);
		expect(author.data.rounds[0]!.questions[0]!.notes).toEqual([
			{ text: 'VOTING-FIXED', textBeforeCorrections: ['VOTING-TYPO'] }
		]);
		const { text, data } = await personal(voting.memberIds[0]!);
		expect(text).not.toContain('DRAFT');
		expect(data.rounds[0]!.questions[0]!.vote).toEqual({ open: true, voted: true });
		for (const id of voting.notes.values()) expect(text).not.toContain(`n:${id}`);
	});

	it('after the vote: that they voted (stored), no ballot, and nothing says whose it was', async () => {
		const { text, data } = await personal(closed.memberIds[2]!);
		expect(data.rounds[0]!.questions[0]!.vote).toEqual({ open: false, voted: true });
		for (const id of closed.notes.values()) expect(text).not.toContain(`n:${id}`);
	});
});
