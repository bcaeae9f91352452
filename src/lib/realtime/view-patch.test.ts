import { describe, expect, it } from 'vitest';
import { PatchedView } from './patched-view';
import { applyPatch, diff, type DiffMemo, type PatchOp, type VersionedPatch } from './view-patch';

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

function randomValue(r: () => number, depth: number): unknown {
	const pick = r();
	if (depth === 0 || pick < 0.3) {
		const kinds = [null, true, false, Math.floor(r() * 5), `t${Math.floor(r() * 4)}`, 'a/b~c'];
		return kinds[Math.floor(r() * kinds.length)];
	}
	if (pick < 0.6)
		return Array.from({ length: Math.floor(r() * 5) }, () => randomValue(r, depth - 1));
	const object: Record<string, unknown> = {};
	for (const key of ['a', 'b', 'c/d', 'e~f', 'g'])
		if (r() < 0.5) object[key] = randomValue(r, depth - 1);
	return object;
}

/** Changes a value the way a new state changes a view: most parts kept, some replaced. */
function mutate(r: () => number, value: unknown, depth: number): unknown {
	if (r() < 0.15 || depth === 0) return randomValue(r, 2);
	if (Array.isArray(value)) {
		const next = value.map((item) => (r() < 0.3 ? mutate(r, item, depth - 1) : item));
		if (r() < 0.3) next.push(randomValue(r, 2));
		if (r() < 0.3) next.splice(Math.floor(r() * next.length), 1);
		return next;
	}
	if (typeof value === 'object' && value !== null) {
		const next: Record<string, unknown> = { ...value };
		for (const key of Object.keys(next)) if (r() < 0.3) next[key] = mutate(r, next[key], depth - 1);
		if (r() < 0.2) delete next[Object.keys(next)[0]!];
		if (r() < 0.2) next.h = randomValue(r, 2);
		return next;
	}
	return randomValue(r, 2);
}

describe('view patches', () => {
	it('a diff applied to the old value gives the new one, for 2,000 random pairs', () => {
		const r = random(15);
		for (let i = 0; i < 2000; i++) {
			const before = randomValue(r, 4);
			const after = mutate(r, before, 4);
			const frozen = JSON.stringify(before);
			const ops = JSON.parse(JSON.stringify(diff(before, after))) as PatchOp[];
			expect(applyPatch(before, ops)).toEqual(JSON.parse(JSON.stringify(after)));
			expect(JSON.stringify(before), 'the old value is left as it was').toBe(frozen);
		}
	});

	it('equal references are not walked, and unchanged parts keep their identity when applied', () => {
		const shared = { notes: [{ id: 'n1', text: 'Byråkrati' }] };
		const before = { runs: [shared], timer: null };
		const after = { runs: [shared], timer: { endsAt: 5 } };
		const ops = diff(before, after);
		expect(ops).toEqual([{ op: 'replace', path: '/timer', value: { endsAt: 5 } }]);
		const applied = applyPatch(before, ops);
		expect(applied.runs[0]).toBe(shared);
	});

	it('a shared array is diffed once for several viewers, with each viewer’s own path', () => {
		const notesBefore = [{ id: 'n1' }];
		const notesAfter = [{ id: 'n1' }, { id: 'n2' }];
		const memo: DiffMemo = new WeakMap();
		const first = diff({ me: 'a', notes: notesBefore }, { me: 'a', notes: notesAfter }, memo);
		const second = diff({ notes: notesBefore }, { notes: notesAfter, me: 'b' }, memo);
		expect(first).toEqual([{ op: 'add', path: '/notes/1', value: { id: 'n2' } }]);
		expect(second).toEqual([
			{ op: 'add', path: '/notes/1', value: { id: 'n2' } },
			{ op: 'add', path: '/me', value: 'b' }
		]);
	});

	it('a patch that does not fit is refused whole, leaving the document as it was', () => {
		const document = { a: [1, 2] };
		expect(() =>
			applyPatch(document, [
				{ op: 'replace', path: '/a/0', value: 9 },
				{ op: 'remove', path: '/b' }
			])
		).toThrow();
		expect(() => applyPatch(document, [{ op: 'add', path: '/a/7', value: 1 }])).toThrow();
		expect(() => applyPatch(document, [{ op: 'add', path: '/__proto__', value: {} }])).toThrow();
		expect(document).toEqual({ a: [1, 2] });
	});
});

describe('a client’s patched view', () => {
	it('applies patches in order, ignores one it already has, and reports a missed version', () => {
		const held = new PatchedView<{ n: number }>();
		const patch = (p: VersionedPatch) => held.patch(p, applyPatch);
		expect(patch({ from: 1, to: 2, ops: [] }), 'no full view yet').toBe('gap');
		held.full({ n: 1 }, 4);
		expect(patch({ from: 4, to: 6, ops: [{ op: 'replace', path: '/n', value: 2 }] })).toBe(
			'applied'
		);
		expect(patch({ from: 4, to: 6, ops: [{ op: 'replace', path: '/n', value: 2 }] })).toBe('stale');
		expect(patch({ from: 2, to: 4, ops: [] }), 'an older patch delivered late').toBe('stale');
		expect(patch({ from: 6, to: 6, ops: [] }), 'only the envelope changed').toBe('applied');
		expect(patch({ from: 8, to: 9, ops: [] }), 'version 7–8 never came').toBe('gap');
		expect(patch({ from: 9, to: 10, ops: [] }), 'the full view asked for is awaited').toBe(
			'waiting'
		);
		expect(held.view).toEqual({ n: 2 });
		expect(held.version).toBe(6);
		held.full({ n: 3 }, 10);
		expect(patch({ from: 10, to: 11, ops: [{ op: 'remove', path: '/x' }] })).toBe('broken');
		expect(held.view).toEqual({ n: 3 });
	});
});
