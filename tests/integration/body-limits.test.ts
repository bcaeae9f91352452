/**
 * Request-body limits from both sides of each threshold, as an outsider sends them: 128 kB for
 * anyone, 1 MB for a signed-in organiser's forms, 4 MB for the CSV imports (README, "Request
 * bodies are limited per route"). Each body is sent once with Content-Length (refused before it
 * is read) and once chunked, without one (counted while it is read). "At the limit" is the
 * largest body that passes the size check: the route then answers it, whatever it thinks of
 * it; one byte more gets the 413 that names the limit.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConference, type SeededConference } from './helpers/conference';
import { TestServer } from './helpers/server';

const kB = 1024;
const MB = 1024 * kB;

const limits = { anyone: 128 * kB, organiser: 1 * MB, csvImport: 4 * MB } as const;

let server: TestServer;
let seed: SeededConference;

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath);
	await server.start();
});

afterAll(async () => {
	await server?.dispose();
});

interface Answer {
	status: number;
	type: string;
	text: string;
	location: string | undefined;
	setCookie: string[];
}

interface SendOptions {
	type: string;
	/** Transfer-Encoding: chunked, no Content-Length. */
	chunked: boolean;
	cookie?: string;
	accept?: string;
}

/**
 * POSTs `body` on a connection of its own, in 16 kB pieces, and reads the whole answer. A
 * refusal may come before the body is sent: the rest is then not sent. The connection is
 * kept alive, as a browser's is (HTTP/1.1's default).
 */
function send(path: string, body: Buffer, options: SendOptions): Promise<Answer> {
	const { type, chunked, cookie, accept = 'text/html' } = options;
	return new Promise((resolve, reject) => {
		let answered = false;
		const req = request(`${server.url}${path}`, {
			method: 'POST',
			agent: false,
			headers: {
				'content-type': type,
				accept,
				'accept-language': 'en',
				connection: 'keep-alive',
				origin: server.url,
				...(chunked
					? { 'transfer-encoding': 'chunked' }
					: { 'content-length': String(body.length) }),
				...(cookie ? { cookie } : {})
			}
		});
		req.on('response', (res) => {
			answered = true;
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('error', reject);
			res.on('end', () => {
				resolve({
					status: res.statusCode ?? 0,
					type: res.headers['content-type'] ?? '',
					text: Buffer.concat(chunks).toString('utf8'),
					location: res.headers.location,
					setCookie: res.headers['set-cookie'] ?? []
				});
				req.destroy();
			});
		});
		req.on('error', (error) => {
			// Writing into a connection that has already been answered may fail; that is fine.
			if (!answered) reject(error);
		});
		const piece = 16 * kB;
		let offset = 0;
		const pump = () => {
			while (!answered && offset < body.length) {
				const part = body.subarray(offset, offset + piece);
				offset += part.length;
				if (!req.write(part)) return void req.once('drain', pump);
			}
			if (!answered) req.end();
		};
		pump();
	});
}

/** An urlencoded form of exactly `size` bytes: `fields`, then a `pad` field that fills it up. */
function form(size: number, fields: Record<string, string>): Buffer {
	const head = `${new URLSearchParams({ ...fields, pad: '' }).toString()}`;
	expect(head.length).toBeLessThan(size);
	return Buffer.from(head + 'x'.repeat(size - head.length));
}

/** JSON of exactly `size` bytes: `value`, then white space (which JSON allows after it). */
function json(size: number, value: unknown): Buffer {
	const text = JSON.stringify(value);
	expect(text.length).toBeLessThan(size);
	return Buffer.from(text + ' '.repeat(size - text.length));
}

const boundary = 'samrad-body-limit-boundary';
const multipartType = `multipart/form-data; boundary=${boundary}`;

/** A multipart form of exactly `size` bytes: one CSV file, filled with rows of "a". */
function csvUpload(size: number): Buffer {
	const head =
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\n` +
		'Content-Type: text/csv\r\n\r\n';
	const tail = `\r\n--${boundary}--\r\n`;
	const fill = size - head.length - tail.length;
	expect(fill).toBeGreaterThan(0);
	return Buffer.concat([Buffer.from(head), Buffer.alloc(fill, 'a'), Buffer.from(tail)]);
}

/** The hook's refusal in English, as plain text for a page and as JSON for the API. */
const refusal = (kilobytes: number) =>
	`This request is too large: at most ${kilobytes} kB can be sent here.`;

function expectRefusedAsText(answer: Answer, kilobytes: number) {
	expect(answer.status).toBe(413);
	expect(answer.type).toMatch(/^text\/plain/);
	expect(answer.text).toBe(refusal(kilobytes));
}

/** Past the size check: whatever the route answers, it is not the size refusal. */
function expectPastTheSizeCheck(answer: Answer) {
	expect(answer.text).not.toContain('This request is too large');
	expect(answer.text).not.toMatch(/"code":\s*"too_large"/);
	expect(answer.status).not.toBe(400);
}

const modes = [
	{ name: 'with Content-Length', chunked: false },
	{ name: 'chunked, without Content-Length', chunked: true }
] as const;

describe.each(modes)('128 kB for anyone, $name', ({ chunked }) => {
	const urlencoded = 'application/x-www-form-urlencoded';
	const fields = { lang: 'sv', redirect: '/privacy' };

	it('the language form takes 128 kB and refuses one byte more, in words', async () => {
		const atLimit = await send('/lang', form(limits.anyone, fields), { type: urlencoded, chunked });
		expectPastTheSizeCheck(atLimit);
		// The form did its work: the language is set and the browser goes back.
		expect(atLimit.status).toBe(303);
		expect(atLimit.location).toBe('/privacy');
		expect(atLimit.setCookie.join('\n')).toMatch(/^lang=sv;/m);

		const over = await send('/lang', form(limits.anyone + 1, fields), {
			type: urlencoded,
			chunked
		});
		expectRefusedAsText(over, 128);
		expect(over.setCookie.join('\n')).not.toContain('lang=');
	});

	it('the session API takes 128 kB of JSON and refuses one byte more with a JSON error', async () => {
		const input = { title: 'Edge of the limit', questions: ['What helps?'], language: 'en' };
		const atLimit = await send('/api/sessions', json(limits.anyone, input), {
			type: 'application/json',
			accept: 'application/json',
			chunked
		});
		expectPastTheSizeCheck(atLimit);
		expect(atLimit.status).toBe(201);
		expect(JSON.parse(atLimit.text)).toMatchObject({ joinCode: expect.any(String) });

		const over = await send('/api/sessions', json(limits.anyone + 1, input), {
			type: 'application/json',
			accept: 'application/json',
			chunked
		});
		expect(over.status).toBe(413);
		expect(over.type).toMatch(/^application\/json/);
		expect(JSON.parse(over.text)).toEqual({
			error: { code: 'too_large', message: refusal(128) }
		});
	});

	it("an organiser's routes give no more than 128 kB to someone who is not signed in", async () => {
		const setup = `/organiser/conferences/${seed.conferenceId}/setup?/save`;
		const csv = `/organiser/conferences/${seed.conferenceId}/participants/import?/check`;
		const forged = 'samrad_organiser=not-a-real-session-token-at-all';
		// Up to the limit the route answers (it sends the visitor to sign in, or refuses).
		const atLimit = await send(setup, form(limits.anyone, { title: 'x' }), {
			type: urlencoded,
			chunked
		});
		expectPastTheSizeCheck(atLimit);
		expect(atLimit.status).not.toBe(413);
		for (const cookie of [undefined, forged]) {
			const overForm = await send(setup, form(limits.anyone + 1, { title: 'x' }), {
				type: urlencoded,
				chunked,
				cookie
			});
			expectRefusedAsText(overForm, 128);
			const overCsv = await send(csv, csvUpload(limits.anyone + 1), {
				type: multipartType,
				chunked,
				cookie
			});
			expectRefusedAsText(overCsv, 128);
		}
	});
});

describe.each(modes)("1 MB for a signed-in organiser's forms, $name", ({ chunked }) => {
	it("the conference's details form takes 1 MB and refuses one byte more, in words", async () => {
		const path = `/organiser/conferences/${seed.conferenceId}/setup?/save`;
		const details = {
			title: 'Nordisk dialog om supported employment',
			startDate: '2026-05-06',
			endDate: '2026-05-06',
			language: 'nb',
			languages: 'nb'
		};
		const options = {
			type: 'application/x-www-form-urlencoded',
			chunked,
			cookie: seed.organiserCookie
		};
		const atLimit = await send(path, form(limits.organiser, details), options);
		expectPastTheSizeCheck(atLimit);
		// The page answers the form itself (saved, or its fields refused), as a page.
		expect([200, 422]).toContain(atLimit.status);
		expect(atLimit.type).toMatch(/^text\/html/);

		const over = await send(path, form(limits.organiser + 1, details), options);
		expectRefusedAsText(over, 1024);
	});
});

describe.each(modes)('4 MB for the CSV imports, $name', ({ chunked }) => {
	it('the participants import reads a 4 MB upload and says in words the file is too large', async () => {
		const path = `/organiser/conferences/${seed.conferenceId}/participants/import?/check`;
		const signedIn = { type: multipartType, chunked, cookie: seed.organiserCookie };
		const atLimit = await send(path, csvUpload(limits.csvImport), signedIn);
		expectPastTheSizeCheck(atLimit);
		// The page's own answer (its files may be 1 MB): a page in words, not the bare refusal.
		expect(atLimit.type).toMatch(/^text\/html/);
		expect(atLimit.text).toMatch(/The file is [^<]+; at most [^<]+ can be imported\./);

		const over = await send(path, csvUpload(limits.csvImport + 1), signedIn);
		expectRefusedAsText(over, 4096);
	});

	it('the glossary import reads a 4 MB upload and says in words the file is too large', async () => {
		const path = `/organiser/conferences/${seed.conferenceId}/glossary/import?/check`;
		const signedIn = { type: multipartType, chunked, cookie: seed.organiserCookie };
		const atLimit = await send(path, csvUpload(limits.csvImport), signedIn);
		expectPastTheSizeCheck(atLimit);
		expect(atLimit.status).toBe(422);
		expect(atLimit.type).toMatch(/^text\/html/);
		expect(atLimit.text).toMatch(/The file is [^<]+; it can be at most [^<]+\./);

		const over = await send(path, csvUpload(limits.csvImport + 1), signedIn);
		expectRefusedAsText(over, 4096);
	});
});
