/**
 * A phone's glossary leaves its page: /j, /c and /c/d carry no glossary in their HTML or page
 * data, and fetch it once usable from <page>/glossary, compressed, under the page's own
 * authorisation. An outsider tries crafted codes and tokens, a group's code, another device's
 * name link and a waiting name; guessing codes through the glossary counts against the
 * same limit as the pages.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGlossary } from '$lib/domain/glossary/default-glossary';
import type { GlossaryData } from '$lib/domain/glossary/types';
import type { CreatedSession } from '$lib/server/http/new-session';
import { seedConference, type SeededConference } from './helpers/conference';
import { Device, rosterEntry, userAgents } from './helpers/device';
import { rawRequest } from './helpers/raw-http';
import { TestServer } from './helpers/server';
import { createSession } from './helpers/session';

let server: TestServer;
let seed: SeededConference;
let session: CreatedSession;

// A sentence only the glossary carries.
const explanation = defaultGlossary[0]!.explanation!.en!;

beforeAll(async () => {
	server = new TestServer({
		env: { RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '3', TRUST_PROXY: 'true' }
	});
	seed = await seedConference(server.databasePath);
	await server.start();
	session = await createSession(server);
});

afterAll(async () => {
	await server.dispose();
});

/** Raw bytes as they cross the wire (fetch would undo the encoding). */
async function raw(path: string, headers: Record<string, string> = {}) {
	const answer = await rawRequest(`${server.url}${path}`, { headers });
	return { ...answer, encoding: answer.headers['content-encoding'] };
}

/** A name picked on the roster by `device`: the /c/d link it was given. */
async function pickName(device: Device, conference: SeededConference, name: string) {
	const roster = await device.get(`/k/${conference.joinCode}`);
	const answer = await device.post(`/k/${conference.joinCode}`, rosterEntry(roster.body, name));
	expect(answer.status).toBe(303);
	return answer.location!;
}

const fromAddress = (address: string) => ({ 'x-forwarded-for': address });

describe("a phone's glossary", () => {
	it('is in none of the phone pages and their data, and comes compressed from each page', async () => {
		const device = new Device(server, userAgents.iphone);
		const deviceLink = await pickName(device, seed, seed.members[1]!.name);
		const pages = [`/j/${session.joinCode}`, `/c/${seed.members[0]!.token}`, deviceLink];
		for (const path of pages) {
			const page = await device.get(path);
			expect(page.status, path).toBe(200);
			expect(page.body, path).not.toContain(explanation);
			const data = await device.get(`${path}/__data.json`);
			expect(data.status, path).toBe(200);
			expect(data.body, path).not.toContain(explanation);

			const headers = { 'accept-encoding': 'gzip', cookie: device.cookieHeader };
			const glossary = await raw(`${path}/glossary`, headers);
			expect(glossary.status, path).toBe(200);
			expect(glossary.encoding, path).toBe('gzip');
			const body = JSON.parse(gunzipSync(glossary.body).toString('utf8')) as GlossaryData;
			expect(body.concepts.map((c) => c.id)).toEqual(defaultGlossary.map((c) => c.id));
		}
	});

	it('gives a crafted code or token, a conference group by its code, another device and a waiting name nothing', async () => {
		const owner = new Device(server, userAgents.iphone);
		const ownerLink = await pickName(owner, seed, seed.members[2]!.name);
		const thief = new Device(server, userAgents.android);
		// The same name asked for from a second device: its link waits until someone lets it in.
		const waitingLink = await pickName(thief, seed, seed.members[2]!.name);
		const crafted = [
			'/j/ZZZZZZ/glossary',
			`/j/${seed.groups[0]!.joinCode}/glossary`,
			'/c/not-a-badge-token-at-all/glossary',
			`/c/${seed.members[0]!.token.slice(0, -2)}xx/glossary`,
			'/c/d/not-a-device-link/glossary',
			`${ownerLink}/glossary`,
			`${waitingLink}/glossary`,
			`/c/${seed.members[0]!.token}/glossary/../../d/${ownerLink.split('/').at(-1)}/glossary`
		];
		for (const path of crafted) {
			const answer = await thief.get(path);
			expect(answer.status, path).toBe(404);
			expect(answer.body, path).not.toContain(explanation);
		}
		// The owner's own device gets it.
		expect((await owner.get(`${ownerLink}/glossary`)).status).toBe(200);
	});

	it("counts unknown codes asked for a glossary against the address's limit, like the page", async () => {
		const guesser = '192.0.2.91';
		for (const code of ['QQQQQQ', 'WWWWWW', 'RRRRRR']) {
			const answer = await raw(`/j/${code}/glossary`, fromAddress(guesser));
			expect(answer.status).toBe(404);
		}
		// Past the cap, the right code is refused on the glossary and on the page alike.
		expect((await raw(`/j/${session.joinCode}/glossary`, fromAddress(guesser))).status).toBe(429);
		expect((await raw(`/j/${session.joinCode}`, fromAddress(guesser))).status).toBe(429);
		// Someone else is not locked out.
		expect((await raw(`/j/${session.joinCode}/glossary`, fromAddress('192.0.2.92'))).status).toBe(
			200
		);
	});
});
