/** Counts user-perceived characters the way the limits do: by code point, after normalisation. */
export function charCount(text: string): number {
	// Text without surrogates has one code point per unit: every note.add counts its question's
	// notes, so the common case must not walk each text (an engine-native search instead).
	if (!surrogate.test(text)) return text.length;
	let n = 0;
	for (const _ of text) n++;
	return n;
}

const surrogate = /[\uD800-\uDFFF]/;

// C0/C1 control characters other than newline and tab, and bidi overrides that can spoof text.
// eslint-disable-next-line no-control-regex
const unsafeChars = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Normalises free text: NFC (so å typed as a + ring is one letter), no control characters, trimmed. */
export function cleanText(text: string, { multiline }: { multiline: boolean }): string {
	// Line endings first: a lone \r (old Mac, some paste sources) is a control character too.
	let out = text.normalize('NFC').replace(/\r\n?/g, '\n');
	out = out.replace(unsafeChars, '').replace(/\t/g, ' ');
	if (multiline) {
		out = out
			.split('\n')
			.map((line) => line.replace(/ +$/g, ''))
			.join('\n')
			.replace(/\n{3,}/g, '\n\n');
	} else {
		out = out.replace(/\s+/g, ' ');
	}
	return out.trim();
}

/** Normalises a join code as people type or paste it: upper case, no spaces or dashes. */
export function normaliseJoinCode(input: string): string {
	return input
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s-]+/g, '');
}
