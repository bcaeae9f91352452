/**
 * Pages for a screen that cannot scroll: measured blocks (notes, headings, result rows) are
 * packed top to bottom into columns of a fixed height, and columns into pages. Pure: heights
 * come from the browser, the answer is the same for the same heights.
 */

/** One block as measured at the column width. */
export interface MeasuredBlock {
	key: string;
	/** Height in px, margins included. */
	height: number;
	/** A heading starts a group: it is never left alone at the foot of a column. */
	heading: boolean;
	/** Key of the heading this block belongs to, if any; repeated above a continuation. */
	group: string | null;
}

/** A block placed in a column; a repeated heading is marked continued. */
export interface PlacedBlock {
	key: string;
	continued: boolean;
}

export type Column = PlacedBlock[];
export type Page = Column[];

/**
 * Packs blocks into columns of `columnHeight` px with `gap` px between blocks. A heading moves
 * to the next column when its first block would not fit under it; a group continued in a new
 * column gets its heading again. A block taller than a column gets a column of its own.
 */
export function packColumns(
	blocks: readonly MeasuredBlock[],
	columnHeight: number,
	gap: number
): Column[] {
	const byKey = new Map(blocks.map((b) => [b.key, b]));
	const columns: Column[] = [];
	let column: Column = [];
	let used = 0;
	const placed = new Set<string>();
	const place = (key: string, height: number, continued = false) => {
		column.push({ key, continued });
		placed.add(key);
		used += (column.length > 1 ? gap : 0) + height;
	};
	const fits = (height: number) => column.length === 0 || used + gap + height <= columnHeight;
	const newColumn = () => {
		columns.push(column);
		column = [];
		used = 0;
	};
	for (const [i, block] of blocks.entries()) {
		const next = blocks[i + 1];
		const keepWith =
			block.heading && next && !next.heading && next.group === block.key ? gap + next.height : 0;
		if (!fits(block.height + keepWith)) newColumn();
		const heading = block.group === null ? undefined : byKey.get(block.group);
		// A group that began in an earlier column gets its heading again, if both fit.
		if (column.length === 0 && !block.heading && heading && placed.has(heading.key)) {
			if (heading.height + gap + block.height <= columnHeight)
				place(heading.key, heading.height, true);
		}
		place(block.key, block.height);
	}
	if (column.length > 0) columns.push(column);
	return columns;
}

/** Columns side by side, `perPage` at a time. */
export function paginate(columns: readonly Column[], perPage: number): Page[] {
	const pages: Page[] = [];
	const size = Math.max(1, Math.floor(perPage));
	for (let i = 0; i < columns.length; i += size) pages.push(columns.slice(i, i + size));
	return pages;
}

/** How many columns of at least `minWidth` px fit side by side in `width` px. */
export function columnCount(width: number, minWidth: number, gap: number): number {
	if (minWidth <= 0) return 1;
	return Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
}

/** The page that holds a block, or -1. */
export function pageOf(pages: readonly Page[], key: string): number {
	return pages.findIndex((page) => page.some((column) => column.some((b) => b.key === key)));
}

/** Page index k + step, going round at either end. */
export function turn(page: number, step: number, pages: number): number {
	if (pages <= 0) return 0;
	return (((page + step) % pages) + pages) % pages;
}

/** Where a block goes on the strip of pages laid side by side, in px. */
export interface Spot {
	left: number;
	top: number;
}

/**
 * Spots for every block of every page on one strip: page k starts at k × (page width + gap),
 * columns `columnWidth + gap` apart, blocks `gap` apart. Repeated headings get spots of their own.
 */
export function spots(
	pages: readonly Page[],
	heights: ReadonlyMap<string, number>,
	{ pageWidth, columnWidth, gap }: { pageWidth: number; columnWidth: number; gap: number }
): { blocks: Map<string, Spot>; continued: (Spot & { key: string })[] } {
	const blocks = new Map<string, Spot>();
	const continued: (Spot & { key: string })[] = [];
	pages.forEach((page, p) => {
		page.forEach((column, c) => {
			let top = 0;
			const left = p * (pageWidth + gap) + c * (columnWidth + gap);
			for (const placed of column) {
				if (placed.continued) continued.push({ key: placed.key, left, top });
				else blocks.set(placed.key, { left, top });
				top += (heights.get(placed.key) ?? 0) + gap;
			}
		});
	});
	return { blocks, continued };
}
