/**
 * The one-time setup code of a fresh installation (as Grafana and Jenkins have): printed in the
 * server's log at start-up while there is no organiser account, and asked for on the setup page
 * unless the request comes from this machine and no proxy is trusted. Whoever reaches a new
 * server first over the network does not become its organiser.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { App } from './app';
import type { Config } from './config';
import type { Db } from './db/database';
import { countOrganisers } from './db/organisers';
import { deleteSetting, readSetting, writeSetting } from './db/settings';
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
export function currentSetupCode(db: Db): string | null {
	if (countOrganisers(db) > 0) {
		forgetSetupCode(db);
		return null;
	}
	let code = readSetting(db, settingKey);
	if (!code) {
		code = newCode();
		writeSetting(db, settingKey, code);
	}
	return code;
}

/** Drops the code: the first account exists. */
export function forgetSetupCode(db: Db): void {
	deleteSetting(db, settingKey);
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
export function setupCodeMatches(db: Db, given: string): boolean {
	const code = readSetting(db, settingKey);
	if (!code || given.length > 100) return false;
	const digest = (text: string) => createHash('sha256').update(normalise(text)).digest();
	return timingSafeEqual(digest(code), digest(given));
}
