// The one text folding module: glossary matching folds case, Unicode form and the Nordic letter
// variants (ö/ø, ä/æ); searches of people and the glossary fold looser on top of that.

/** Letters, combining marks and digits make up words; everything else is a boundary. */
export const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;

/** What may stand between the words of a multi-word term: spaces, line breaks, hyphens, dashes. */
export const gapPattern = /^[\s\u00AD\-\u2010-\u2015]+$/u;

// Swedish/Finnish/Icelandic ö and ä are the same letters as Danish/Norwegian ø and æ, and people
// in a mixed room write them either way (the 2010 report has "arbeidsförmedling", "sysselsætning").
const nordicVariants: Readonly<Record<string, string>> = { ö: 'ø', ä: 'æ' };
const nordicVariantPattern = /[öä]/g;

/** Folds a term or a query: NFC, lower case, ö→ø and ä→æ; length may change. */
export function foldText(text: string): string {
	return text
		.normalize('NFC')
		.toLowerCase()
		.replace(nordicVariantPattern, (c) => nordicVariants[c] ?? c);
}

/** Folded text plus where each folded UTF-16 unit came from in the original. */
export interface FoldedText {
	/** The folded text. */
	text: string;
	/**
	 * Original index of each folded index (one extra entry for the end);
	 * null when folding kept every index where it was, the common case.
	 */
	map: Int32Array | null;
}

const combiningMark = /\p{M}/u;

/** Folds note text while remembering offsets, so matches can be cut from the original text. */
export function foldWithMap(text: string): FoldedText {
	const lower = text.toLowerCase();
	if (lower.length === text.length && !combiningMark.test(text)) {
		return { text: lower.replace(nordicVariantPattern, (c) => nordicVariants[c] ?? c), map: null };
	}
	// Slow path: a letter whose lower case has another length (İ), or decomposed letters (a + ring).
	let out = '';
	const map: number[] = [];
	let i = 0;
	while (i < text.length) {
		let end = i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
		while (end < text.length && combiningMark.test(String.fromCodePoint(text.codePointAt(end)!))) {
			end += text.codePointAt(end)! > 0xffff ? 2 : 1;
		}
		const folded = foldText(text.slice(i, end));
		for (let k = 0; k < folded.length; k++) map.push(i);
		out += folded;
		i = end;
	}
	map.push(text.length);
	return { text: out, map: Int32Array.from(map) };
}

/** Maps a folded index back to the original text. */
export function originalIndex(folded: FoldedText, index: number): number {
	return folded.map ? folded.map[index]! : index;
}

const looseLetters: Readonly<Record<string, string>> = {
	ø: 'o',
	æ: 'a',
	œ: 'o',
	ð: 'd',
	þ: 'th',
	ß: 'ss',
	ı: 'i'
};

/**
 * A loose skeleton for search only, for people on a keyboard without Nordic letters or with
 * another Nordic language's: folds as above, then ø/ö→o, æ/ä→a, ð→d, þ→th, strips accents
 * (á→a, å→a), and the usual ASCII spellings aa→a, oe→o, ae→a.
 */
export function looseSkeleton(text: string): string {
	return foldText(text)
		.replace(/[øæœðþßı]/g, (c) => looseLetters[c] ?? c)
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/aa|ae/g, 'a')
		.replace(/oe/g, 'o');
}

/** What a search compares, made once per name: the loose skeleton with single spaces. */
export function searchKey(text: string): string {
	return looseSkeleton(text).replace(/\s+/g, ' ').trim();
}

/**
 * Whether a search query finds a text, given the text's `searchKey`: every word of the query
 * occurs in it, in any order ("ode" and "ödegård bjorn" find "Bjørn Ødegård"). A blank query
 * finds everything.
 */
export function matchesSearch(key: string, query: string): boolean {
	const words = searchKey(query).split(' ');
	return words.every((word) => key.includes(word));
}

/** True when the text has no letters beyond ASCII: the writer may not have had Nordic keys. */
export function isAsciiOnly(text: string): boolean {
	// eslint-disable-next-line no-control-regex
	return /^[\u0000-\u007F]*$/.test(text);
}
