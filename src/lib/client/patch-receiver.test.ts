import { describe, expect, it } from 'vitest';
import { join, newSession } from '$lib/domain/session/test-fixtures';
import { viewFor, type SessionView } from '$lib/domain/session/views';
import type { PatchEnvelope, ViewEnvelope } from '$lib/realtime/contract';
import { diff } from '$lib/realtime/view-patch';
import { PatchReceiver } from './patch-receiver';

/** The screen's views of a session as people join, one version each. */
function screenViews(count: number): SessionView[] {
	const views: SessionView[] = [];
	let state = newSession();
	views.push(viewFor(state, { role: 'screen' })!);
	for (let i = 1; i < count; i++) {
		state = join(state, [`p${i}`], 10_000 * i);
		views.push(viewFor(state, { role: 'screen' })!);
	}
	return views;
}

const whole = (view: SessionView, version: number): ViewEnvelope => ({
	view,
	version,
	serverTime: 0,
	joinCode: 'ABC123',
	joinUrl: null,
	online: [],
	notice: null
});

const patchOf = (views: SessionView[], from: number, to: number): PatchEnvelope => ({
	from,
	to,
	ops: diff(views[from], views[to]),
	serverTime: to
});

describe('the patch code, loaded after patches have come', () => {
	it('applies them in order from the last whole view, asking for nothing', () => {
		const views = screenViews(4);
		expect(views[3]).not.toEqual(views[0]);
		let asked = 0;
		const receiver = new PatchReceiver(() => asked++);
		// The client held version 0 whole when the first patch came; three came while loading.
		let latest: ViewEnvelope = whole(views[0]!, 0);
		for (const [from, to] of [
			[0, 1],
			[1, 2],
			[2, 3]
		] as const) {
			const made = receiver.patch(patchOf(views, from, to), latest);
			expect(made).not.toBeNull();
			latest = made!;
		}
		expect(latest.view).toEqual(views[3]);
		expect(latest.version).toBe(3);
		expect(latest.joinCode).toBe('ABC123');
		expect(asked).toBe(0);
	});

	it('starts again from a whole view that came meanwhile, and ignores a patch it overtook', () => {
		const views = screenViews(4);
		let asked = 0;
		const receiver = new PatchReceiver(() => asked++);
		receiver.patch(patchOf(views, 0, 1), whole(views[0]!, 0));
		// A reconnect brought version 2 whole; a late patch 1 → 2 then changes nothing.
		const reconnected = whole(views[2]!, 2);
		expect(receiver.patch(patchOf(views, 1, 2), reconnected)).toBeNull();
		const made = receiver.patch(patchOf(views, 2, 3), reconnected);
		expect(made?.view).toEqual(views[3]);
		expect(asked).toBe(0);
	});

	it('asks for the whole view once when a version is missing, and waits for it', () => {
		const views = screenViews(4);
		let asked = 0;
		const receiver = new PatchReceiver(() => asked++);
		const held = whole(views[0]!, 0);
		expect(receiver.patch(patchOf(views, 1, 2), held)).toBeNull();
		expect(receiver.patch(patchOf(views, 2, 3), held)).toBeNull();
		expect(asked).toBe(1);
		// The whole view comes: patches apply again.
		expect(receiver.patch(patchOf(views, 2, 3), whole(views[2]!, 2))?.view).toEqual(views[3]);
	});
});
