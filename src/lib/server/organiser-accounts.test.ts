import { afterEach, describe, expect, it } from 'vitest';
import { conferenceTie, findOrganiser } from './db/organisers';
import { createDemoConference } from './demo';
import { createAccount, deleteAccount } from './organiser-accounts';
import { tempApp } from './report/test-conference';

const opened: Awaited<ReturnType<typeof tempApp>>[] = [];
afterEach(() => {
	while (opened.length > 0) opened.pop()!.close();
});

const values = (username: string) => ({ username, displayName: username });

describe('the first account', () => {
	it('administers the others and adopts the conferences made before it existed', async () => {
		const scratch = await tempApp('samrad-accounts-unit');
		opened.push(scratch);
		const { app } = scratch;
		// npm run demo on a fresh installation: nobody owns it yet.
		const early = await createDemoConference(app, 'en');
		const first = await createAccount(app, values('first'), 'a long password', { firstOnly: true });
		if (!first.ok) throw new Error(first.reason);
		expect(findOrganiser(app.db, first.id)).toMatchObject({ admin: true, disabled: false });
		expect(conferenceTie(app.db, early.id, first.id)).toBe('owner');

		const again = await createAccount(app, values('sneaky'), 'a long password', {
			firstOnly: true
		});
		expect(again).toEqual({ ok: false, reason: 'not_first' });
		const second = await createAccount(app, values('second'), 'a long password');
		if (!second.ok) throw new Error(second.reason);
		expect(findOrganiser(app.db, second.id)).toMatchObject({ admin: false });
		expect(conferenceTie(app.db, early.id, second.id)).toBeNull();
	});
});

describe('two browsers at once', () => {
	it('delete one account once: the second finds it gone and hands nothing on', async () => {
		const scratch = await tempApp('samrad-accounts-unit');
		opened.push(scratch);
		const { app } = scratch;
		const admin = await createAccount(app, values('admin'), 'a long password', { firstOnly: true });
		const leaving = await createAccount(app, values('leaving'), 'a long password');
		if (!admin.ok || !leaving.ok) throw new Error('accounts');
		const adminAccount = (await app.stores.organisers.find(admin.id))!;

		const answers = await Promise.all([
			deleteAccount(app, adminAccount, leaving.id),
			deleteAccount(app, adminAccount, leaving.id)
		]);

		expect(answers.map((answer) => answer.ok).sort()).toEqual([false, true]);
		expect(answers.find((answer) => !answer.ok)).toEqual({ ok: false, problem: 'not_found' });
	});

	it('create one user name once: the other browser hears it is taken', async () => {
		const scratch = await tempApp('samrad-accounts-unit');
		opened.push(scratch);
		const { app } = scratch;
		await createAccount(app, values('admin'), 'a long password', { firstOnly: true });

		const answers = await Promise.all([
			createAccount(app, values('same.name'), 'a long password'),
			createAccount(app, values('same.name'), 'another long password')
		]);

		expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
		expect(answers.find((answer) => !answer.ok)).toEqual({ ok: false, reason: 'taken' });
		expect((await app.stores.organisers.list()).map((o) => o.username).sort()).toEqual([
			'admin',
			'same.name'
		]);
	});
});
