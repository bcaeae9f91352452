import { afterEach, describe, expect, it } from 'vitest';
import { conferenceTie, findOrganiser } from './db/organisers';
import { createDemoConference } from './demo';
import { createAccount } from './organiser-accounts';
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
