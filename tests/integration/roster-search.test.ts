/**
 * The roster /k searched as an outsider would, over plain HTTP with no script running: the
 * server answers a query with the names it finds, brings crafted text back as text, cuts a huge
 * query, ships no script, and a name picked from a searched page is claimed as from the full list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesSearch, searchKey } from '$lib/domain/fold';
import { seedConference, type SeededConference } from './helpers/conference';
import { Device, rosterEntry, userAgents } from './helpers/device';
import { TestServer } from './helpers/server';

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

const namesOn = (html: string) => html.match(/name="participant"/g)?.length ?? 0;
const roster = (device: Device, query: string) =>
	device.get(`/k/${seed.joinCode}?q=${encodeURIComponent(query)}`);

describe('the roster search', () => {
	it('answers a query with exactly the names it finds, without a script', async () => {
		const phone = new Device(server, userAgents.iphone);
		const everyone = await phone.get(`/k/${seed.joinCode}`);
		expect(everyone.status).toBe(200);
		expect(namesOn(everyone.body)).toBe(seed.members.length);
		expect(everyone.body).not.toMatch(/<script/i);

		const person = seed.members[0]!;
		const query = person.name.split(' ')[0]!.slice(0, 3);
		const found = await roster(phone, query);
		expect(found.status).toBe(200);
		const expected = seed.members.filter((m) => matchesSearch(searchKey(m.name), query));
		expect(expected.length).toBeLessThan(seed.members.length);
		expect(namesOn(found.body)).toBe(expected.length);
		for (const member of expected) expect(found.body).toContain(member.name);
		expect(found.body).toMatch(new RegExp(`<input[^>]*name="q"[^>]*value="${query}"`));
		expect(found.body).not.toMatch(/<script/i);
	});

	it('brings crafted text back as text and cuts a huge query', async () => {
		const phone = new Device(server, userAgents.android);
		const crafted = await roster(phone, '"><img src=x onerror=alert(1)>');
		expect(crafted.status).toBe(200);
		// In the field, quoted; in the status line, text: never an element of the page.
		expect(crafted.body).not.toContain('"><img');
		expect(crafted.body.replace(/value="[^"]*"/g, '')).not.toContain('<img');
		expect(crafted.body).toContain('&lt;img src=x onerror=alert(1)>');
		expect(namesOn(crafted.body)).toBe(0);

		// As long as an address can be (Node refuses longer headers with 431 before any page runs).
		const huge = await roster(phone, 'å'.repeat(2_000));
		expect(huge.status).toBe(200);
		const value = /<input[^>]*name="q"[^>]*value="([^"]*)"/.exec(huge.body)?.[1];
		expect(value).toBe('å'.repeat(100));
	});

	it('claims a name picked from a searched page, and a thousand searches lock nobody out', async () => {
		const phone = new Device(server, userAgents.iphone);
		const person = seed.members[1]!;
		for (let i = 0; i < 1000; i++) await roster(phone, `x${i}`);
		const searched = await roster(phone, person.name);
		expect(searched.status).toBe(200);
		const answer = await phone.post(
			`/k/${seed.joinCode}?q=${encodeURIComponent(person.name)}`,
			rosterEntry(searched.body, person.name)
		);
		expect(answer.status).toBe(303);
		expect(answer.location).toMatch(/^\/c\/d\//);
	});
});
