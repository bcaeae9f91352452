import { afterEach, describe, expect, it } from 'vitest';
import { readConfig, type Config } from './config';
import { createAccount } from './organiser-accounts';
import { tempApp } from './report/test-conference';
import { currentSetupCode, proxyTrusted, setupCodeMatches, setupCodeRequired } from './setup-code';

const opened: Awaited<ReturnType<typeof tempApp>>[] = [];
afterEach(() => {
	while (opened.length > 0) opened.pop()!.close();
});

describe('when the setup page asks for the code', () => {
	const none = { hops: 0 } as const;
	const app = (trustProxy: Config['trustProxy']) => ({ config: { trustProxy } }) as never;

	it('not in a browser on this machine when no proxy is trusted', () => {
		for (const address of ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'])
			expect(setupCodeRequired(app(none), address), address).toBe(false);
	});

	it('from any other address', () => {
		for (const address of ['192.0.2.2', '10.0.0.7', '::ffff:192.168.1.4', 'fd00::2'])
			expect(setupCodeRequired(app(none), address), address).toBe(true);
	});

	it('always when a proxy is trusted, however TRUST_PROXY is written', () => {
		const env = (value: string) => readConfig({ TRUST_PROXY: value }).trustProxy;
		for (const setting of ['true', '1', '2', '10.0.0.1', '127.0.0.1, 10.0.0.0/8'])
			expect(setupCodeRequired(app(env(setting)), '127.0.0.1'), setting).toBe(true);
		for (const setting of ['false', '0', ''])
			expect(proxyTrusted(env(setting)), setting).toBe(false);
	});
});

describe('the setup code', () => {
	it('is kept while there is no account, matches however it is typed, and goes with the first account', async () => {
		const scratch = await tempApp('samrad-setup-code');
		opened.push(scratch);
		const { stores } = scratch.app;
		const code = (await currentSetupCode(stores))!;
		expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
		expect(await currentSetupCode(stores)).toBe(code);
		expect(await setupCodeMatches(scratch.app, code)).toBe(true);
		expect(await setupCodeMatches(scratch.app, ` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(
			true
		);
		expect(await setupCodeMatches(scratch.app, code.slice(0, -1))).toBe(false);
		expect(await setupCodeMatches(scratch.app, '')).toBe(false);

		const first = await createAccount(
			scratch.app,
			{ username: 'first', displayName: 'First' },
			'a long password',
			{ firstOnly: true }
		);
		expect(first.ok).toBe(true);
		expect(await setupCodeMatches(scratch.app, code)).toBe(false);
		expect(await currentSetupCode(stores)).toBeNull();
	});
});
