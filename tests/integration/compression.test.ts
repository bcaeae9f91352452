/**
 * What the server compresses on the wire, read as raw bytes with node:http (fetch would undo
 * the encoding): a phone's page and its page data shrink; organiser pages are sent as they are
 * (they mix personal data with text a request can put there), and socket.io's own answers are
 * left to socket.io.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConference, type SeededConference } from './helpers/conference';
import { rawRequest, type RawAnswer } from './helpers/raw-http';
import { TestServer } from './helpers/server';
import { createSession } from './helpers/session';

let server: TestServer;
let seed: SeededConference;

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath);
	await server.start();
});

afterAll(async () => {
	await server.dispose();
});

function get(path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
	return rawRequest(`${server.url}${path}`, { headers });
}

describe('compression on the wire', () => {
	it("sends a phone's page gzipped to a browser that takes it, and whole to one that does not", async () => {
		const session = await createSession(server);
		const path = `/j/${session.joinCode}`;
		const plain = await get(path);
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		const zipped = await get(path, { 'accept-encoding': 'gzip' });
		expect(zipped.status).toBe(200);
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(zipped.headers.vary).toMatch(/accept-encoding/i);
		const html = gunzipSync(zipped.body).toString('utf8');
		expect(html).toContain('<html');
		expect(html.length).toBeGreaterThan(plain.body.length * 0.9);
		expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
		// The page's security headers survive the encoding.
		expect(zipped.headers['content-security-policy']).toContain("script-src 'self'");
	});

	it("compresses a member's page and the glossary it fetches (its page data is under 1 KB)", async () => {
		const member = seed.members[0]!;
		const page = await get(`/c/${member.token}`, { 'accept-encoding': 'gzip, br' });
		expect(page.status).toBe(200);
		expect(page.headers['content-encoding']).toMatch(/^(gzip|br)$/);
		const data = await get(`/c/${member.token}/glossary`, { 'accept-encoding': 'gzip' });
		expect(data.status).toBe(200);
		expect(data.headers['content-type']).toContain('application/json');
		expect(data.headers['content-encoding']).toBe('gzip');
		expect(JSON.parse(gunzipSync(data.body).toString('utf8'))).toHaveProperty('concepts');
	});

	it('sends organiser pages uncompressed, signed in or not', async () => {
		const signedOut = await get('/organiser/login', { 'accept-encoding': 'gzip' });
		expect(signedOut.status).toBe(200);
		expect(signedOut.headers['content-encoding']).toBeUndefined();
		const signedIn = await get(`/organiser/conferences/${seed.conferenceId}/participants`, {
			'accept-encoding': 'gzip',
			cookie: seed.organiserCookie
		});
		expect(signedIn.status).toBe(200);
		expect(signedIn.body.toString('utf8')).toContain(seed.members[0]!.name);
		expect(signedIn.headers['content-encoding']).toBeUndefined();
	});

	it("keeps static scripts precompressed and socket.io's long-polling its own", async () => {
		const session = await createSession(server);
		const html = (await get(`/j/${session.joinCode}`)).body.toString('utf8');
		const script = html.match(/\/_app\/immutable\/[^"]+\.js/)?.[0];
		expect(script).toBeDefined();
		const js = await get(script!, { 'accept-encoding': 'br, gzip' });
		expect(js.headers['content-encoding']).toBe('br');
		const polling = await get('/socket.io/?EIO=4&transport=polling', {
			'accept-encoding': 'gzip',
			origin: server.url
		});
		expect(polling.status).toBe(200);
		expect(polling.body.toString('utf8')).toMatch(/^0\{"sid"/);
	});
});
