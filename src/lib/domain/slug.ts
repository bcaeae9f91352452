// Ids and file names from what people typed: one folding of Nordic letters to ASCII for all.

/** Letters NFKD does not take apart into a base letter and a mark. */
const spelledOut: Record<string, string> = {
	æ: 'ae',
	Æ: 'AE',
	ø: 'o',
	Ø: 'O',
	ð: 'd',
	Ð: 'D',
	þ: 'th',
	Þ: 'Th',
	ß: 'ss',
	œ: 'oe',
	Œ: 'OE',
	ł: 'l',
	Ł: 'L',
	đ: 'd',
	Đ: 'D'
};

/**
 * A text in ASCII letters where it can be: æ → ae, ø and ö → o (as Nordic addresses write
 * them, not the German oe), þ → th, ð → d, ß → ss, and other marks dropped (å → a, é → e).
 * Case is kept; characters with no ASCII form are left for the caller.
 */
export function asciiFold(text: string): string {
	return [...text.normalize('NFC')]
		.map((c) => spelledOut[c] ?? c)
		.join('')
		.normalize('NFKD')
		.replace(/\p{M}/gu, '');
}

export interface SlugOptions {
	/** Most characters (the slug is cut at a hyphen-free end). */
	max: number;
	/** The slug when nothing of the text is left. */
	fallback: string;
}

/** A kebab-case ASCII slug: "Þjónusta ráðgjafa" → thjonusta-radgjafa, "Straße" → strasse. */
export function slug(text: string, { max, fallback }: SlugOptions): string {
	const folded = asciiFold(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, max)
		.replace(/-+$/, '');
	return folded || fallback;
}

/** The slug itself, or with -2, -3, … after it, whichever `taken` does not hold first. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}
