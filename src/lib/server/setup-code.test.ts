import { afterEach, describe, expect, it } from 'vitest';
import { createAccount } from './organiser-accounts';
import { tempApp } from './report/test-conference';
import { currentSetupCode, proxyTrusted, setupCodeMatches, setupCodeRequired } from './setup-code';

const opened: ReturnType<typeof tempApp>[] = [];
afterEach(() => {
	while (opened.length > 0) opened.pop()!.close();
});

describe('when the setup page asks for the code', () => {
	const app = (trustProxy: unknown) => ({ config: { trustProxy } }) as never;

	it('not in a browser on this machine when no proxy is trusted', () => {
		for (const address of ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'])
			expect(setupCodeRequired(app(false), address), address).toBe(false);
	});

	it('from any other address', () => {
		for (const address of ['192.0.2.2', '10.0.0.7', '::ffff:192.168.1.4', 'fd00::2'])
			expect(setupCodeRequired(app(false), address), address).toBe(true);
	});

	it('always when a proxy is trusted, however the setting is written', () => {
		for (const setting of [true, 1, 2, ['10.0.0.1'], 'loopback'])
			expect(setupCodeRequired(app(setting), '127.0.0.1'), String(setting)).toBe(true);
		for (const setting of [false, 0, [], '', null, undefined])
			expect(proxyTrusted(setting), String(setting)).toBe(false);
	});
});

describe('the setup code', () => {
	it('is kept while there is no account, matches however it is typed, and goes with the first account', async () => {
		const scratch = tempApp('samrad-setup-code');
		opened.push(scratch);
		const { db } = scratch.app;
		const code = currentSetupCode(db)!;
		expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
		expect(currentSetupCode(db)).toBe(code);
		expect(setupCodeMatches(db, code)).toBe(true);
		expect(setupCodeMatches(db, ` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(true);
		expect(setupCodeMatches(db, code.slice(0, -1))).toBe(false);
		expect(setupCodeMatches(db, '')).toBe(false);

		const first = await createAccount(
			scratch.app,
			{ username: 'first', displayName: 'First' },
			'a long password',
			{ firstOnly: true }
		);
		expect(first.ok).toBe(true);
		expect(setupCodeMatches(db, code)).toBe(false);
		expect(currentSetupCode(db)).toBeNull();
	});
});
