/**
 * The first organiser account of a fresh installation. Whoever reaches a new server first must
 * not become its organiser: from any other address than this machine, or through a proxy, the
 * setup page asks for the one-time code the server prints in its log at start-up.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lanAddress } from '$lib/server/network';
import {
	accountA,
	accountB,
	get,
	post,
	setUpFirstAccount,
	type Site
} from './helpers/organiser-http';
import { join } from 'node:path';
import { freshDir, runUntilExit, startServer, type TestServer } from './helpers/server';

const servers: TestServer[] = [];

afterAll(async () => {
	await Promise.all(servers.map((s) => s.dispose()));
});

async function fresh(env: Record<string, string> = {}): Promise<TestServer> {
	const server = await startServer({ env });
	servers.push(server);
	return server;
}

const fields = (extra: Record<string, string> = {}) => ({
	username: accountA.username,
	displayName: accountA.displayName,
	password: accountA.password,
	confirm: accountA.password,
	...extra
});

/** The code from the server's log: one line, event organiser.setup_code. */
async function setupCode(server: TestServer): Promise<string> {
	const line = await server.waitForLog('organiser.setup_code');
	expect(line.code).toMatch(/^[A-Z0-9-]{12,}$/);
	return String(line.code);
}

/** Whether the installation still has no account (the organiser pages send everyone to setup). */
async function stillEmpty(site: Site): Promise<boolean> {
	const response = await get(site, '/organiser');
	return response.headers.get('location') === '/organiser/setup';
}

describe('the setup code in a quiet log', () => {
	it('is printed as a warning, so that it shows at LOG_LEVEL=warn, where info lines do not', async () => {
		const exit = await runUntilExit(
			{
				DATABASE_PATH: join(freshDir('setup-code-warn'), 'samrad.sqlite'),
				LOG_LEVEL: 'warn',
				TRUST_PROXY: 'true'
			},
			30_000,
			undefined,
			'organiser.setup_code'
		);
		const lines = `${exit.stdout}\n${exit.stderr}`
			.split('\n')
			.filter((line) => line.startsWith('{'))
			.map((line) => JSON.parse(line) as { level: string; event: string; code?: string });
		const code = lines.find((line) => line.event === 'organiser.setup_code');
		expect(code, `${exit.stdout}\n${exit.stderr}`).toMatchObject({ level: 'warn' });
		expect(code!.code).toMatch(/^[A-Z0-9-]{12,}$/);
		// Nothing below warn was written: the level was in force.
		expect(lines.filter((line) => line.level === 'info' || line.level === 'debug')).toEqual([]);
	});
});

describe('a fresh installation behind a proxy (TRUST_PROXY on)', () => {
	it('refuses the first account from another address without the code, or with a wrong one', async () => {
		const server = await fresh({ TRUST_PROXY: 'true' });
		const from = { 'x-forwarded-for': '198.51.100.23' };
		const none = await post(server, '/organiser/setup', fields(), { headers: from });
		expect(none.status).toBe(403);
		expect(await none.text()).toContain('setup code');
		expect(await stillEmpty(server)).toBe(true);
		const code = await setupCode(server);

		const wrong = await post(server, '/organiser/setup', fields({ setupCode: 'WRONG-CODE-0000' }), {
			headers: from
		});
		expect(wrong.status).toBe(403);
		expect(await stillEmpty(server)).toBe(true);

		// Even from this machine: a trusted proxy makes every request look local.
		const local = await post(server, '/organiser/setup', fields());
		expect(local.status).toBe(403);
		expect(await stillEmpty(server)).toBe(true);

		const right = await post(server, '/organiser/setup', fields({ setupCode: code }), {
			headers: from
		});
		expect(right.status).toBe(303);
		expect(await stillEmpty(server)).toBe(false);
	});

	it('the code is good once: with an account, setup is closed and the code no longer printed', async () => {
		const server = await fresh({ TRUST_PROXY: 'true' });
		const code = await setupCode(server);
		await setUpFirstAccount(server, accountA, { setupCode: code });
		const again = await post(
			server,
			'/organiser/setup',
			{
				username: accountB.username,
				displayName: accountB.displayName,
				password: accountB.password,
				confirm: accountB.password,
				setupCode: code
			},
			{ headers: { 'x-forwarded-for': '198.51.100.23' } }
		);
		expect(again.status).toBe(303);
		expect(again.headers.get('location')).toBe('/organiser/login');
		const login = await post(server, '/organiser/login', {
			username: accountB.username,
			password: accountB.password
		});
		expect(login.status).toBe(400);
		await server.restart();
		await server.waitForLog('server.listening');
		const lines = server.logs().filter((l) => l.event === 'organiser.setup_code');
		expect(lines).toHaveLength(1);
	});
});

describe('a fresh installation reached over the network (no proxy)', () => {
	const lan = lanAddress();

	it.skipIf(lan === null)(
		'refuses the first account from a phone or laptop on the network without the code',
		async () => {
			const server = await fresh({ HOST: lan! });
			const site = { url: `http://${lan}:${server.port}` };
			const none = await post(site, '/organiser/setup', fields());
			expect(none.status).toBe(403);
			expect(await stillEmpty(site)).toBe(true);
			const code = await setupCode(server);
			await setUpFirstAccount(site, accountA, { setupCode: code });
			expect(await stillEmpty(site)).toBe(false);
		}
	);

	it('lets this machine create it without a code when no proxy is trusted', async () => {
		const server = await fresh();
		await setupCode(server);
		await setUpFirstAccount(server, accountA);
		expect(await stillEmpty(server)).toBe(false);
	});
});
