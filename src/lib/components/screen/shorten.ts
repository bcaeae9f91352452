/** What a screen shows of a long note; the facilitator's console can show the whole note. */
export const screenLimits = {
	/** Characters of a note shown on a screen. */
	chars: 280,
	/** Lines of a note shown on a screen (a note of many short lines is tall too). */
	lines: 8
} as const;

export interface ScreenText {
	text: string;
	/** Part of the note is left out: the screen says so. */
	shortened: boolean;
}

/** A note's first 280 characters (and at most 8 lines), whole when it is shorter. */
export function screenText(text: string): ScreenText {
	const chars = [...text];
	let end = Math.min(chars.length, screenLimits.chars);
	let lines = 1;
	for (let i = 0; i < end; i++) {
		if (chars[i] !== '\n') continue;
		if (++lines > screenLimits.lines) end = i;
	}
	if (end === chars.length) return { text, shortened: false };
	return { text: chars.slice(0, end).join('').trimEnd(), shortened: true };
}
