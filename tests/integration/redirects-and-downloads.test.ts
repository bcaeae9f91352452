/**
 * Small holes an outsider reaches over HTTP: the sign-in's "next page" must stay on this site
 * however the path is dressed up, and a participant's data download names its file in a header
 * every client parses the same way (RFC 6266 with RFC 5987's strict encoding).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConference, withApp } from './helpers/conference';
import { TestServer } from './helpers/server';

let server: TestServer;
let organiserCookie: string;
let conferenceId: string;
let participantId: string;
const participantName = "Ó'Brien (Kari) *Þórsdóttir* 100% ja!";

beforeAll(async () => {
	server = new TestServer();
	const seed = await seedConference(server.databasePath);
	organiserCookie = seed.organiserCookie;
	conferenceId = seed.conferenceId;
	await withApp(server.databasePath, async (app) => {
		const added = await app.conferences.addParticipants(conferenceId, [
			{
				name: participantName,
				country: 'IS',
				role: 'worker',
				organisation: '',
				language: 'is',
				coordinator: false
			}
		]);
		if (!added.ok) throw new Error(JSON.stringify(added.error));
		participantId = (await app.conferences.participants(conferenceId)).find(
			(p) => p.name === participantName
		)!.id;
	});
	await server.start();
});

afterAll(async () => {
	await server.dispose();
});

describe('signing in never sends the browser to another site', () => {
	const crafted = [
		'//evil.example/steal',
		'/\\evil.example',
		'/..//evil.example',
		'/.//evil.example',
		'/%2e%2e//evil.example',
		'/a/../..//evil.example/x?y#z',
		'/%2E//evil.example'
	];

	it.each(crafted)('next=%s', async (next) => {
		const response = await fetch(`${server.url}/organiser/login`, {
			method: 'POST',
			body: new URLSearchParams({
				username: 'organiser',
				password: 'a long enough password',
				next
			}),
			headers: { origin: server.url, accept: 'text/html' },
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		const location = response.headers.get('location')!;
		expect(location.startsWith('/')).toBe(true);
		expect(location).not.toMatch(/^\/[/\\]/);
		// Where a browser goes from this page.
		expect(new URL(location, `${server.url}/organiser/login`).origin).toBe(server.url);
	});

	it('the login page does not offer such a next page either', async () => {
		const page = await fetch(
			`${server.url}/organiser/login?next=${encodeURIComponent('/..//evil.example')}`
		);
		const html = await page.text();
		expect(html).not.toContain('//evil.example');
	});
});

describe('a participant’s data download', () => {
	it('names its file in a strictly encoded filename*', async () => {
		const response = await fetch(
			`${server.url}/organiser/conferences/${conferenceId}/privacy/${participantId}`,
			{ headers: { cookie: organiserCookie } }
		);
		expect(response.status).toBe(200);
		const disposition = response.headers.get('content-disposition')!;
		const match = /^attachment; filename="([\x20-\x7e]+)"; filename\*=UTF-8''(.+)$/.exec(
			disposition
		);
		expect(match, disposition).not.toBeNull();
		const [, ascii, encoded] = match!;
		// RFC 5987: attr-char as it is, everything else as %XX.
		expect(encoded).toMatch(/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+$/);
		// The name as it is, but for characters no file system takes in a name (here *).
		expect(decodeURIComponent(encoded!)).toBe("samrad-Ó'Brien (Kari) Þórsdóttir 100% ja!.json");
		expect(ascii).not.toMatch(/["\\]/);
		expect(((await response.json()) as { participant: { name: string } }).participant.name).toBe(
			participantName
		);
	});
});
