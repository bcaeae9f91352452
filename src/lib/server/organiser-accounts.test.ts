import { afterEach, describe, expect, it } from 'vitest';
import { shareConference, unshareConference } from './conference-access';
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

describe('deleting an account that owns a conference', () => {
	it('hands it to its longest-standing co-organiser, by when each was added', async () => {
		const scratch = await tempApp('samrad-accounts-unit');
		opened.push(scratch);
		const { app } = scratch;
		const account = async (username: string, first = false) => {
			const made = await createAccount(app, values(username), 'a long password', {
				firstOnly: first
			});
			if (!made.ok) throw new Error(made.reason);
			return made.id;
		};
		const admin = await account('admin', true);
		const leaving = await account('leaving');
		// The accounts are made in this order; the conference is shared in another.
		const ann = await account('ann');
		const ben = await account('ben');
		const cleo = await account('cleo');
		const dag = await account('dag');
		const T = Date.now();
		const conference = await createDemoConference(app, 'en', T, leaving);
		expect(conferenceTie(app.db, conference.id, leaving)).toBe('owner');
		const share = async (username: string, at: number) =>
			expect(await shareConference(app, conference.id, username, at)).toMatchObject({ ok: true });
		// Ben was added first, but was taken off and added again last: he stands the shortest.
		await share('ben', T + 500);
		await share('cleo', T + 1_000);
		await share('ann', T + 2_000);
		await share('dag', T + 3_000);
		expect(await unshareConference(app, conference.id, ben)).toBe(true);
		await share('ben', T + 4_000);
		const adminAccount = (await app.stores.organisers.find(admin))!;
		const owner = () =>
			[admin, ann, ben, cleo, dag].find(
				(id) => conferenceTie(app.db, conference.id, id) === 'owner'
			);

		expect(await deleteAccount(app, adminAccount, leaving)).toMatchObject({ ok: true, toAdmin: 0 });
		expect(owner()).toBe(cleo);
		expect([ann, ben, dag].map((id) => conferenceTie(app.db, conference.id, id))).toEqual([
			'co_organiser',
			'co_organiser',
			'co_organiser'
		]);
		// Each next owner leaves in turn: the conference goes down the order of adding.
		expect(await deleteAccount(app, adminAccount, cleo)).toMatchObject({ ok: true, toAdmin: 0 });
		expect(owner()).toBe(ann);
		expect(await deleteAccount(app, adminAccount, ann)).toMatchObject({ ok: true, toAdmin: 0 });
		expect(owner()).toBe(dag);
		expect(await deleteAccount(app, adminAccount, dag)).toMatchObject({ ok: true, toAdmin: 0 });
		expect(owner()).toBe(ben);
		// Nobody left to take it: the administrator who deletes the last one gets it.
		expect(await deleteAccount(app, adminAccount, ben)).toMatchObject({ ok: true, toAdmin: 1 });
		expect(owner()).toBe(admin);
	});
});
