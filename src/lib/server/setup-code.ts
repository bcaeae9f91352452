/**
 * The one-time setup code of a fresh installation (as Grafana and Jenkins have): printed in the
 * server's log at start-up while there is no organiser account, and asked for on the setup page
 * unless the request comes from this machine and no proxy is trusted. Whoever reaches a new
 * server first over the network does not become its organiser.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { App } from './app';
import type { Config } from './config';
import type { StoreSet } from './stores';
import { randomCode } from './tokens';

const settingKey = 'setup_code';
/** Four groups of four from the join codes' unambiguous alphabet: about 80 bits. */
const groups = 4;
const groupLength = 4;

function newCode(): string {
	return Array.from({ length: groups }, () => randomCode(groupLength)).join('-');
}

/**
 * The setup code while the installation has no account (made once and kept, so that several
 * processes print the same one); null once an account exists.
 */
export function currentSetupCode(stores: App['stores']): Promise<string | null> {
	return stores.transaction(async (tx) => {
		if ((await tx.organisers.count()) > 0) {
			await forgetSetupCode(tx);
			return null;
		}
		let code = await tx.settings.read(settingKey);
		if (!code) {
			code = newCode();
			await tx.settings.write(settingKey, code);
		}
		return code;
	});
}

/** Drops the code: the first account exists. */
export function forgetSetupCode(stores: Pick<StoreSet, 'settings'>): Promise<void> {
	return stores.settings.remove(settingKey);
}

/** Whether a trusted proxy sits in front (TRUST_PROXY names at least one hop or address). */
export function proxyTrusted(trustProxy: Config['trustProxy']): boolean {
	return 'hops' in trustProxy ? trustProxy.hops > 0 : trustProxy.proxies.length > 0;
}

function isLoopbackAddress(address: string): boolean {
	const plain = address.replace(/^::ffff:/i, '');
	return plain.startsWith('127.') || plain === '::1';
}

/** Whether a setup request must carry the code: anything but this machine with no proxy trusted. */
export function setupCodeRequired(app: Pick<App, 'config'>, clientAddress: string): boolean {
	return proxyTrusted(app.config.trustProxy) || !isLoopbackAddress(clientAddress);
}

/** The code as typed: case, spaces and dashes do not matter. */
function normalise(code: string): string {
	return code.toUpperCase().replace(/[\s-]+/g, '');
}

/** Whether `given` is the installation's setup code (compared in constant time). */
export async function setupCodeMatches(app: Pick<App, 'stores'>, given: string): Promise<boolean> {
	const code = await app.stores.settings.read(settingKey);
	if (!code || given.length > 100) return false;
	const digest = (text: string) => createHash('sha256').update(normalise(text)).digest();
	return timingSafeEqual(digest(code), digest(given));
}
