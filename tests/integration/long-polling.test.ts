/**
 * With WebSocket blocked (proxies in public offices, hotel Wi-Fi), every device runs on HTTP
 * long-polling. A group runs a whole question through many small changes with every device on
 * polling only, and after each step every socket's last view equals what a fresh load shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceView } from '$lib/realtime/conference-views';
import type { Handshake, ViewEnvelope } from '$lib/realtime/contract';
import type { FacilitatorView, ParticipantView } from '$lib/domain/session/views';
import { connect, newId, type TestClient } from './helpers/client';
import { seedConference, type SeededConference } from './helpers/conference';
import { TestServer } from './helpers/server';

const polling = { transports: ['polling' as const] };

let server: TestServer;
let seed: SeededConference;
const clients: TestClient[] = [];

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 5 });
	await server.start();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
});

/** A device: its live socket and how to load it afresh. */
interface Device {
	label: string;
	live: TestClient;
	auth: Partial<Handshake>;
	headers?: Record<string, string>;
	/** Which views it shows: a session's, the conference's, or both (a member's phone). */
	session: boolean;
	conference: boolean;
}

async function open(
	label: string,
	auth: Partial<Handshake>,
	kinds: { session: boolean; conference: boolean },
	headers?: Record<string, string>
): Promise<Device> {
	const live = await connect(server, { ...polling, auth, headers });
	clients.push(live);
	return { label, live, auth, headers, ...kinds };
}

function lastConferenceView(client: TestClient): ConferenceView | undefined {
	const frame = client.frames.findLast((f) => f.kind === 'event' && f.name === 'conference.view');
	return (frame?.args[0] as { view: ConferenceView } | undefined)?.view;
}

/** A view envelope without its send time (the only field two loads may differ in). */
function timeless(envelope: ViewEnvelope | undefined): Omit<ViewEnvelope, 'serverTime'> | null {
	if (!envelope) return null;
	const { serverTime: _, ...rest } = envelope;
	return rest;
}

/** Waits for a fresh socket's first view of each kind the device shows. */
async function freshLoad(device: Device) {
	const fresh = await connect(server, { ...polling, auth: device.auth, headers: device.headers });
	try {
		const session = device.session ? timeless(await fresh.waitForView()) : null;
		await expect
			.poll(() => !device.conference || lastConferenceView(fresh) !== undefined)
			.toBe(true);
		return { session, conference: device.conference ? lastConferenceView(fresh)! : null };
	} finally {
		fresh.close();
	}
}

/** Every device ends up showing exactly what a fresh load of it shows now. */
async function expectEveryoneCurrent(devices: Device[]): Promise<void> {
	for (const device of devices) {
		const expected = await freshLoad(device);
		if (device.session) {
			await expect
				.poll(() => timeless(device.live.view), { timeout: 5_000, message: device.label })
				.toEqual(expected.session);
		}
		if (device.conference) {
			await expect
				.poll(() => lastConferenceView(device.live), { timeout: 5_000, message: device.label })
				.toEqual(expected.conference);
		}
	}
}

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
	return ack;
}

describe('every device on long-polling only', () => {
	it('follows a question through many small changes to its final state', async () => {
		const group = seed.groups[0]!;
		const session = { session: true, conference: false };
		const watcher = { session: false, conference: true };
		const console = await open(
			'console',
			{ role: 'facilitator', token: group.facilitatorToken },
			session
		);
		const devices = [
			console,
			await open('screen', { role: 'screen', token: group.screenToken }, session),
			await open(
				'organiser overview',
				{ role: 'organiser', conferenceId: seed.conferenceId },
				watcher,
				{ cookie: seed.organiserCookie }
			),
			await open('plenum', { role: 'plenum', token: seed.plenumToken }, watcher)
		];
		const phones: Device[] = [];
		for (const memberId of group.memberIds) {
			const member = seed.members.find((m) => m.id === memberId)!;
			phones.push(
				await open(
					`phone of ${member.name}`,
					{ role: 'member', token: member.token },
					{ session: true, conference: true }
				)
			);
		}
		devices.push(...phones);
		for (const phone of phones) {
			// Each phone really stays on polling: no upgrade was allowed.
			expect(phone.live.socket.io.engine.transport.name).toBe('polling');
			await phone.live.waitForView((v) => v.view.role === 'participant');
		}
		await expectEveryoneCurrent(devices);

		const questionId = (await console.live.waitForView()).view.currentQuestionId;
		await ok(console.live, 'phase.advance', { questionId, from: 'lobby' });
		// Writing: three small notes each, one at a time, then an edit and a deletion each.
		const noteIds = new Map<Device, string[]>();
		for (let k = 1; k <= 3; k++) {
			for (const phone of phones) {
				const noteId = newId();
				noteIds.set(phone, [...(noteIds.get(phone) ?? []), noteId]);
				await ok(phone.live, 'note.add', { questionId, noteId, text: `idea ${k}` });
			}
		}
		for (const phone of phones) {
			const [first, , third] = noteIds.get(phone)!;
			await ok(phone.live, 'note.edit', { questionId, noteId: first, text: 'idea 1, edited' });
			await ok(phone.live, 'note.delete', { questionId, noteId: third });
		}
		await expectEveryoneCurrent(devices);

		// Round-robin, one note at a time.
		await ok(console.live, 'phase.advance', { questionId, from: 'write' });
		for (let i = 0; i < phones.length * 2; i++)
			await ok(console.live, 'reveal.next', { questionId });
		await expectEveryoneCurrent(devices);

		// Clarify: a heading over two notes, renamed.
		await ok(console.live, 'phase.advance', { questionId, from: 'reveal' });
		const notes = (console.live.view!.view as FacilitatorView).runs[0]!.notes;
		expect(notes).toHaveLength(phones.length * 2);
		const clusterId = newId();
		await ok(console.live, 'cluster.create', {
			questionId,
			clusterId,
			heading: 'SAMARBEID',
			noteIds: [notes[0]!.id, notes[1]!.id]
		});
		await ok(console.live, 'cluster.rename', { questionId, clusterId, heading: 'SAMARBEID!' });
		await expectEveryoneCurrent(devices);

		// Vote: every phone ranks, the first changes its mind.
		await ok(console.live, 'phase.advance', { questionId, from: 'clarify' });
		for (const phone of phones) {
			const view = (await phone.live.waitForView((v) => v.view.runs[0]!.phase === 'vote'))
				.view as ParticipantView;
			const ranking = view.runs[0]!.vote!.items.slice(0, 3).map((item) => item.id);
			await ok(phone.live, 'ballot.cast', { questionId, ranking });
		}
		const items = (phones[0]!.live.view!.view as ParticipantView).runs[0]!.vote!.items;
		await ok(phones[0]!.live, 'ballot.cast', { questionId, ranking: [items.at(-1)!.id] });
		await expectEveryoneCurrent(devices);

		await ok(console.live, 'phase.advance', { questionId, from: 'vote' });
		await expectEveryoneCurrent(devices);
		for (const device of devices.filter((d) => d.session))
			expect(device.live.view!.view.runs[0]!.phase, device.label).toBe('results');
	});
});
