import { afterEach, describe, expect, it } from 'vitest';
import {
	checkCredentials,
	createOrganiser,
	hashPassword,
	organiserForToken,
	startOrganiserSession
} from './auth';
import { tempApp } from './report/test-conference';

const opened: Awaited<ReturnType<typeof tempApp>>[] = [];
afterEach(() => {
	while (opened.length > 0) opened.pop()!.close();
});

describe('signing in', () => {
	it('starts no session with a password that was replaced while it was being checked', async () => {
		const scratch = await tempApp('samrad-auth-unit');
		opened.push(scratch);
		const { app } = scratch;
		const old = 'the old long password';
		const account = await createOrganiser(
			app.stores.organisers,
			{ username: 'kari', displayName: 'Kari', password: old },
			Date.now()
		);
		const replacement = await hashPassword('the new long password');

		// The sign-in reads the old hash, then spends ~50 ms in scrypt; the reset lands meanwhile.
		const checking = checkCredentials(app, 'kari', old);
		await app.stores.transaction(async (tx) => {
			await tx.organisers.updatePasswordHash(account.id, replacement);
			await tx.organisers.removeSessionsOf(account.id, null);
		});
		const proof = await checking;
		const token = proof
			? await startOrganiserSession(app.stores, account.id, Date.now(), proof)
			: null;

		expect(
			token === null || (await organiserForToken(app.stores.organisers, token, Date.now())) === null
		).toBe(true);
	});
});
