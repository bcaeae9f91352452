/**
 * No lost input, in a real browser: a phone that cannot reach the server keeps its notes in
 * its outbox (shown as waiting), keeps them across a reload, and sends each exactly once when
 * the connection comes back; the server can even crash in between.
 */
import { expect, test } from '@playwright/test';
import { connect, newId } from '../integration/helpers/client';
import { TestServer } from '../integration/helpers/server';
import { createSession } from '../integration/helpers/session';

test('notes written offline survive a reload and a server crash, and arrive exactly once', async ({
	browser
}) => {
	test.setTimeout(90_000);
	// A server of its own: this test kills it.
	const server = new TestServer();
	await server.start();
	try {
		const session = await createSession(server, { questions: ['What must never be lost?'] });
		const console = await connect(server, {
			auth: { role: 'facilitator', token: session.facilitatorToken }
		});
		const view = await console.waitForView();
		const questionId = view.view.currentQuestionId;

		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true,
			locale: 'en-GB',
			baseURL: server.url
		});
		const phone = await context.newPage();
		await phone.goto(`/j/${session.joinCode}`);
		await phone.getByLabel('Your name').fill('Aino');
		await phone.getByRole('button', { name: 'Join', exact: true }).click();
		await expect(phone.getByRole('heading', { name: 'Welcome, Aino!' })).toBeVisible();
		expect(
			(await console.command('phase.advance', { id: newId(), questionId, from: 'lobby' })).ok
		).toBe(true);
		await expect(phone.getByLabel('New note')).toBeVisible();

		// The connection goes: socket.io cannot get through any more.
		await phone.route('**/socket.io/**', (route) => route.abort());
		await server.kill();
		await expect(phone.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible({
			timeout: 30_000
		});
		for (const text of ['Written offline one', 'Written offline two']) {
			await phone.getByLabel('New note').fill(text);
			await phone.getByRole('button', { name: 'Add note' }).click();
		}
		await expect(phone.getByText('Waiting to send')).toHaveCount(2);
		await expect(phone.getByText(/2 changes are kept on this device/)).toBeVisible();

		// A reload while still offline: the outbox is still there (the page itself loads from a
		// restarted server, but the socket stays blocked).
		await server.start();
		await phone.reload();
		await expect(phone.getByText('Written offline one', { exact: true })).toBeVisible();
		await expect(phone.getByText('Waiting to send')).toHaveCount(2);

		// The connection comes back: everything is sent, once.
		await phone.unroute('**/socket.io/**');
		await expect(phone.getByText('Saved')).toHaveCount(2, { timeout: 30_000 });
		await expect(phone.getByText('Waiting to send')).toHaveCount(0);
		await phone.reload();
		await expect(phone.getByText('Saved')).toHaveCount(2);

		const fresh = await connect(server, {
			auth: { role: 'facilitator', token: session.facilitatorToken }
		});
		const after = await fresh.waitForView();
		// Anonymous: the console counts notes without saying whose.
		const counts = (after.view as { runs: { progress: number[] }[] }).runs[0]!.progress;
		expect(counts).toEqual([2]);
		fresh.close();
		console.close();
		await context.close();
	} finally {
		await server.dispose();
	}
});
