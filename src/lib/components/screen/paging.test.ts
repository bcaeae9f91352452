import { describe, expect, it } from 'vitest';
import {
	columnCount,
	packColumns,
	pageOf,
	paginate,
	spots,
	turn,
	type MeasuredBlock
} from './paging';

const note = (key: string, height = 100, group: string | null = null): MeasuredBlock => ({
	key,
	height,
	heading: false,
	group
});
const heading = (key: string, height = 40): MeasuredBlock => ({
	key,
	height,
	heading: true,
	group: null
});
const keys = (columns: ReturnType<typeof packColumns>) =>
	columns.map((c) => c.map((b) => (b.continued ? `${b.key}+` : b.key)));

describe('packColumns', () => {
	it('fills a column top to bottom with gaps between blocks, then starts the next', () => {
		// 3 × 100 + 2 × 10 = 320 fits in 330; a fourth does not.
		const columns = packColumns([note('a'), note('b'), note('c'), note('d')], 330, 10);
		expect(keys(columns)).toEqual([['a', 'b', 'c'], ['d']]);
	});

	it('uses every pixel: a block that ends exactly at the foot stays', () => {
		expect(keys(packColumns([note('a'), note('b')], 210, 10))).toEqual([['a', 'b']]);
		expect(keys(packColumns([note('a'), note('b')], 209, 10))).toEqual([['a'], ['b']]);
	});

	it('never leaves a heading alone at the foot of a column', () => {
		const blocks = [note('x', 250), heading('H'), note('h1', 100, 'H')];
		// The heading would fit under x (250 + 10 + 40 = 300), its first note would not.
		expect(keys(packColumns(blocks, 330, 10))).toEqual([['x'], ['H', 'h1']]);
	});

	it('repeats a heading above the rest of its group in the next column', () => {
		const blocks = [heading('H'), note('h1', 100, 'H'), note('h2', 100, 'H'), note('h3', 100, 'H')];
		expect(keys(packColumns(blocks, 270, 10))).toEqual([
			['H', 'h1', 'h2'],
			['H+', 'h3']
		]);
	});

	it('does not repeat a heading over blocks of another group', () => {
		const blocks = [heading('H'), note('h1', 200, 'H'), note('loose', 200)];
		expect(keys(packColumns(blocks, 260, 10))).toEqual([['H', 'h1'], ['loose']]);
	});

	it('gives a block taller than a column a column of its own', () => {
		expect(keys(packColumns([note('a'), note('tall', 900), note('b')], 300, 10))).toEqual([
			['a'],
			['tall'],
			['b']
		]);
	});

	it('leaves out the repeated heading when it and the next block do not fit together', () => {
		const blocks = [heading('H'), note('h1', 200, 'H'), note('h2', 280, 'H')];
		expect(keys(packColumns(blocks, 300, 10))).toEqual([['H', 'h1'], ['h2']]);
	});

	it('places every block exactly once (repeated headings aside), in order', () => {
		const blocks: MeasuredBlock[] = [];
		for (let h = 0; h < 12; h++) {
			blocks.push(heading(`H${h}`, 30 + (h % 3) * 20));
			for (let n = 0; n < 1 + (h % 5); n++)
				blocks.push(note(`H${h}n${n}`, 60 + ((h * n) % 7) * 25, `H${h}`));
		}
		for (let n = 0; n < 20; n++) blocks.push(note(`loose${n}`, 50 + (n % 4) * 40));
		const columns = packColumns(blocks, 420, 12);
		const placed = columns
			.flat()
			.filter((b) => !b.continued)
			.map((b) => b.key);
		expect(placed).toEqual(blocks.map((b) => b.key));
		const heights = new Map(blocks.map((b) => [b.key, b]));
		for (const column of columns) {
			const height = column.reduce(
				(sum, b, i) => sum + (i > 0 ? 12 : 0) + heights.get(b.key)!.height,
				0
			);
			expect(height).toBeLessThanOrEqual(420);
		}
	});
});

describe('paginate, columnCount, pageOf and turn', () => {
	const columns = keys(
		packColumns([note('a'), note('b'), note('c'), note('d'), note('e')], 100, 10)
	);

	it('puts columns side by side, as many as fit per page', () => {
		const pages = paginate(
			packColumns([note('a'), note('b'), note('c'), note('d'), note('e')], 100, 10),
			2
		);
		expect(columns).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
		expect(pages.map((p) => p.map((c) => c.map((b) => b.key)))).toEqual([
			[['a'], ['b']],
			[['c'], ['d']],
			[['e']]
		]);
		expect(pageOf(pages, 'd')).toBe(1);
		expect(pageOf(pages, 'missing')).toBe(-1);
	});

	it('fits as many columns of the minimum width as the width allows, at least one', () => {
		// 4 × 400 + 3 × 20 = 1660 ≤ 1700 < 5 × 400 + 4 × 20.
		expect(columnCount(1700, 400, 20)).toBe(4);
		expect(columnCount(1659, 400, 20)).toBe(3);
		expect(columnCount(200, 400, 20)).toBe(1);
	});

	it('turns pages round at both ends', () => {
		expect(turn(0, 1, 3)).toBe(1);
		expect(turn(2, 1, 3)).toBe(0);
		expect(turn(0, -1, 3)).toBe(2);
		expect(turn(1, -7, 3)).toBe(0);
		expect(turn(0, 1, 0)).toBe(0);
	});
});

describe('spots', () => {
	it('lays pages side by side on one strip, columns and blocks a gap apart', () => {
		const blocks = [heading('H'), note('a', 100, 'H'), note('b', 100, 'H'), note('c', 100, 'H')];
		const pages = paginate(packColumns(blocks, 270, 10), 1);
		const heights = new Map(blocks.map((b) => [b.key, b.height]));
		const placed = spots(pages, heights, { pageWidth: 500, columnWidth: 500, gap: 10 });
		expect(Object.fromEntries(placed.blocks)).toEqual({
			H: { left: 0, top: 0 },
			a: { left: 0, top: 50 },
			b: { left: 0, top: 160 },
			c: { left: 510, top: 50 }
		});
		expect(placed.continued).toEqual([{ key: 'H', left: 510, top: 0 }]);
	});
});
