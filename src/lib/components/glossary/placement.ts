/** Where a popover goes: left, top and size in viewport pixels. */
export interface PopoverPlacement {
	top: number;
	left: number;
	width: number;
	maxHeight: number;
}

/** Space kept between the popover and the viewport's edges, and between it and its term. */
const margin = 8;
const gap = 6;
/** Widest a popover gets (24 rem at 16 px). */
const maxWidth = 384;

/**
 * Places a popover under its term, or above it when there is more room there, never past the
 * viewport's edges: on a 360 px phone it spans the width less the margins. Pure, for tests.
 */
export function placePopover(
	anchor: { top: number; bottom: number; left: number },
	contentHeight: number,
	viewportWidth: number,
	viewportHeight: number
): PopoverPlacement {
	const width = Math.max(0, Math.min(maxWidth, viewportWidth - 2 * margin));
	const left = Math.min(
		Math.max(margin, anchor.left),
		Math.max(margin, viewportWidth - width - margin)
	);
	const below = viewportHeight - anchor.bottom - gap - margin;
	const above = anchor.top - gap - margin;
	const fitsBelow = contentHeight <= below;
	if (fitsBelow || below >= above) {
		return { top: anchor.bottom + gap, left, width, maxHeight: Math.max(120, below) };
	}
	const height = Math.min(contentHeight, above);
	return { top: Math.max(margin, anchor.top - gap - height), left, width, maxHeight: above };
}
