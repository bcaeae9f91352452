import { describe, expect, it } from 'vitest';
import { joinCodeAlphabet, joinCodeLength, limits } from './limits';
import { charCount, cleanText, normaliseJoinCode } from './text';

const multi = (text: string) => cleanText(text, { multiline: true });
const single = (text: string) => cleanText(text, { multiline: false });

describe('charCount', () => {
	it('counts code points, not UTF-16 units', () => {
		expect(charCount('')).toBe(0);
		expect(charCount('Samråd')).toBe(6);
		expect(charCount('😀')).toBe(1);
		expect('😀'.length).toBe(2);
		expect(charCount('a😀b')).toBe(3);
	});

	it('counts a lone surrogate as one, alone or next to a pair', () => {
		expect(charCount('\uD83D')).toBe(1);
		expect(charCount('a\uDE00b')).toBe(3);
		expect(charCount('😀\uD83D😀')).toBe(3);
		expect(charCount('Tekst i fri form '.repeat(100) + '😀')).toBe(1_701);
	});

	it('counts a decomposed letter as two until it is normalised', () => {
		const decomposed = 'a\u030a'; // a + combining ring
		expect(charCount(decomposed)).toBe(2);
		expect(charCount(decomposed.normalize('NFC'))).toBe(1);
		expect(charCount(multi(decomposed))).toBe(1);
	});
});

describe('cleanText', () => {
	it('normalises to NFC so that å typed two ways is one letter', () => {
		expect(single('Samra\u030ad')).toBe('Samråd');
		expect(single('Samra\u030ad')).toBe('Samr\u00e5d');
	});

	it('removes control characters and bidi overrides', () => {
		expect(single('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg')).toBe('abcdefg');
		expect(single('evil\u202etxt.exe\u202c')).toBe('eviltxt.exe');
		expect(single('\u2066x\u2067y\u2068z\u2069')).toBe('xyz');
		expect(multi('a\u000bb\u000cc')).toBe('abc');
	});

	it('keeps letters from all six languages and emoji', () => {
		const text = 'Þórður Ærø Åsa Öljy Jyväskylä 😀';
		expect(single(text)).toBe(text);
	});

	it('turns every line break into one space on one line', () => {
		expect(single('  Kari \n\n Nordmann\t ')).toBe('Kari Nordmann');
		expect(single('a\r\nb')).toBe('a b');
		expect(single('a\rb')).toBe('a b');
		expect(single('a\u00a0\u00a0b')).toBe('a b');
	});

	it('keeps lines in multi-line text, with \\n for every kind of line ending', () => {
		expect(multi('one\r\ntwo\nthree\rfour')).toBe('one\ntwo\nthree\nfour');
	});

	it('drops trailing spaces per line, keeps indentation, and allows at most one empty line', () => {
		expect(multi('first   \n  second\t\n\n\n\n\nthird')).toBe('first\n  second\n\nthird');
		expect(multi('a\n   \n   \nb')).toBe('a\n\nb');
	});

	it('turns tabs into spaces and trims the whole text', () => {
		expect(multi('\n\n\ta\tb  \n\n')).toBe('a b');
	});

	it('gives an empty string for white space and control characters only', () => {
		expect(single(' \t\n\r ')).toBe('');
		expect(multi('\u0000\u202e\n\n')).toBe('');
	});

	it('is idempotent', () => {
		const samples = ['  a \r\n\r\n\r\n b\t', 'x\u202ey', 'Samra\u030ad  \n\n\n  ok  '];
		for (const sample of samples) {
			expect(multi(multi(sample))).toBe(multi(sample));
			expect(single(single(sample))).toBe(single(sample));
		}
	});
});

describe('normaliseJoinCode', () => {
	it('takes codes as people type or paste them', () => {
		expect(normaliseJoinCode('abc-def')).toBe('ABCDEF');
		expect(normaliseJoinCode(' ab c\tde f ')).toBe('ABCDEF');
		expect(normaliseJoinCode('AB--CD  EF')).toBe('ABCDEF');
	});

	it('folds full-width characters from phone keyboards', () => {
		expect(normaliseJoinCode('ＡＢＣ２３４')).toBe('ABC234');
	});
});

describe('limits', () => {
	it('are the agreed numbers', () => {
		expect(limits).toEqual({
			noteChars: 2_000,
			notesPerPersonPerQuestion: 100,
			nameChars: 60,
			titleChars: 120,
			questionChars: 500,
			questions: 10,
			participantsPerSession: 80,
			headingChars: 80,
			clustersPerQuestion: 60,
			topN: 10,
			timerSeconds: 10_800,
			reflectionChars: 10_000,
			claimsWaitingPerPerson: 3,
			devicesPerPerson: 6,
			reflectionsPerGroup: 30,
			reflectionTitleChars: 120,
			discussionChars: 10_000,
			notesPerQuestion: 500,
			noteCharsPerQuestion: 200_000,
			noteCharsPerPersonPerQuestion: 40_000,
			subheadingsPerHeading: 12
		});
	});

	it('make join codes that can be read aloud: no 0/O, 1/I/L, no repeats', () => {
		expect(joinCodeLength).toBe(6);
		expect(joinCodeAlphabet).toHaveLength(31);
		expect(new Set(joinCodeAlphabet).size).toBe(31);
		for (const confusable of ['0', 'O', '1', 'I', 'L']) {
			expect(joinCodeAlphabet).not.toContain(confusable);
		}
		expect(normaliseJoinCode(joinCodeAlphabet.toLowerCase())).toBe(joinCodeAlphabet);
	});
});
