/**
 * Switching language on a live page: the socket stays connected and gets its conference view
 * again in the new language (group names are made per language on the server), over WebSocket
 * and long-polling; a bad language is refused in words, in the language the socket had.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedT } from '$lib/i18n';
import type {
	ConferenceOverview,
	ConferenceView,
	MemberView
} from '$lib/realtime/conference-views';
import { conferenceViews, connect, type TestClient } from './helpers/client';
import { seedConference, type SeededConference } from './helpers/conference';
import { TestServer } from './helpers/server';

let server: TestServer;
let seed: SeededConference;
const clients: TestClient[] = [];

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'role', maxGroupSize: 7 });
	await server.start();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
});

/** Waits for a conference view that satisfies `predicate`, among those received so far or later. */
async function conferenceView<T extends ConferenceView>(
	client: TestClient,
	predicate: (view: T) => boolean,
	timeoutMs = 5_000
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const match = conferenceViews<T>(client).find(predicate);
		if (match) return match;
		if (Date.now() > deadline) {
			throw new Error(`no matching conference.view: ${JSON.stringify(conferenceViews(client))}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

/** An employer in one of the employers' groups, and that group's number suffix (" I", " II" or ""). */
function anEmployer() {
	const group = seed.groups.find((g) => g.name.startsWith('Employers'))!;
	const member = seed.members.find((m) => group.memberIds.includes(m.id))!;
	return { member, suffix: group.name.slice('Employers'.length) };
}

describe('a phone that switches language', () => {
	for (const transport of ['websocket', 'polling'] as const) {
		it(`gets its group's name in the new language without reconnecting (${transport})`, async () => {
			const { member, suffix } = anEmployer();
			const phone = await connect(server, {
				auth: { role: 'member', token: member.token, lang: 'is' },
				transports: [transport]
			});
			clients.push(phone);
			const socketId = phone.socket.id;
			await conferenceView<MemberView>(
				phone,
				(v) => v.kind === 'member' && v.group?.name === `Atvinnurekendur${suffix}`
			);

			expect(await phone.send('language.set', { lang: 'fi' })).toEqual({ ok: true });
			await conferenceView<MemberView>(
				phone,
				(v) => v.kind === 'member' && v.group?.name === `Työnantajat${suffix}`
			);
			expect(phone.socket.id).toBe(socketId);
			expect(phone.socket.connected).toBe(true);

			// Refusals now come in Finnish, too.
			const refused = (await phone.send('note.add', { id: 'x' })) as {
				ok: false;
				error: { code: string; message: string; params: Record<string, string> };
			};
			expect(refused.error.code).toBe('invalid_payload');
			expect(refused.error.message).toBe(
				fixedT('fi')('errors.invalid_payload', refused.error.params)
			);

			// And back: the name follows again.
			const again = conferenceViews<MemberView>(phone).length;
			expect(await phone.send('language.set', { lang: 'is' })).toEqual({ ok: true });
			await conferenceView<MemberView>(
				phone,
				(v) =>
					conferenceViews(phone).indexOf(v) >= again && v.group?.name === `Atvinnurekendur${suffix}`
			);
		});
	}

	it('is told in its own language that a language Samråd does not have is not one', async () => {
		const { member } = anEmployer();
		const phone = await connect(server, {
			auth: { role: 'member', token: member.token, lang: 'sv' }
		});
		clients.push(phone);
		await conferenceView(phone, (v) => v.kind === 'member');
		for (const payload of [{ lang: 'xx' }, { lang: 'fi', extra: 1 }, 'fi', null]) {
			const answer = (await phone.send('language.set', payload)) as {
				ok: boolean;
				error?: { code: string; message: string; params?: Record<string, string> };
			};
			expect(answer.ok, JSON.stringify(payload)).toBe(false);
			expect(answer.error?.code).toBe('invalid_payload');
			expect(answer.error?.message).toBe(
				fixedT('sv')('errors.invalid_payload', answer.error?.params ?? {})
			);
		}
		const views = conferenceViews<MemberView>(phone).length;
		await new Promise((resolve) => setTimeout(resolve, 200));
		// Nothing changed, so nothing was sent again.
		expect(conferenceViews(phone)).toHaveLength(views);
	});

	it('the organiser’s overview names the groups in the new language too', async () => {
		const organiser = await connect(server, {
			auth: { role: 'organiser', conferenceId: seed.conferenceId, lang: 'en' },
			headers: { cookie: seed.organiserCookie }
		});
		clients.push(organiser);
		const names = (v: ConferenceOverview) => v.groups.map((g) => g.name);
		await conferenceView<ConferenceOverview>(
			organiser,
			(v) => v.kind === 'overview' && names(v).some((n) => n.startsWith('Employers'))
		);
		expect(await organiser.send('language.set', { lang: 'sv' })).toEqual({ ok: true });
		await conferenceView<ConferenceOverview>(
			organiser,
			(v) => v.kind === 'overview' && names(v).some((n) => n.startsWith('Arbetsgivare'))
		);
	});
});
