import { describe, expect, it } from 'vitest';
import { contentDisposition } from './filename';

/** The filename* value, decoded as a client reads it. */
function unicodeName(header: string): string {
	const match = /filename\*=UTF-8''(.+)$/.exec(header);
	return decodeURIComponent(match![1]!);
}

function asciiName(header: string): string {
	return /filename="([^"]*)"/.exec(header)![1]!;
}

describe('contentDisposition', () => {
	it('names the file after the title, in ASCII and in full', () => {
		const header = contentDisposition('Nordisk dialog om supported employment', 'pdf');
		expect(header).toBe(
			'attachment; filename="Nordisk dialog om supported employment.pdf"; filename*=UTF-8\'\'Nordisk%20dialog%20om%20supported%20employment.pdf'
		);
	});

	it('spells out Nordic letters in the ASCII name and keeps them in filename*', () => {
		const title = 'Þórður, Ærøskøbing og Åsa på Færøerne – Sigtuna 2010';
		const header = contentDisposition(title, 'docx');
		expect(asciiName(header)).toBe('Thordur, AEroskobing og Asa pa Faeroerne Sigtuna 2010.docx');
		expect(unicodeName(header)).toBe(`${title}.docx`);
		expect(header).toMatch(/^[\x20-\x7e]+$/);
	});

	it('keeps quotes, slashes and control characters out of both names', () => {
		const header = contentDisposition('Ra"pport\\ 1/2: <svar>?\r\nSet-Cookie: x=1', 'md');
		expect(header).not.toMatch(/[\r\n]/);
		expect(asciiName(header)).toBe('Ra pport 1 2 svar Set-Cookie x=1.md');
		expect(unicodeName(header)).toBe('Ra pport 1 2 svar Set-Cookie x=1.md');
		// Characters RFC 5987 does not allow unencoded.
		expect(contentDisposition("Kari's (ny) rapport", 'csv')).toContain(
			"filename*=UTF-8''Kari%27s%20%28ny%29%20rapport.csv"
		);
	});

	it('falls back to a name when the title leaves nothing', () => {
		expect(asciiName(contentDisposition('???', 'html'))).toBe('samrad.html');
		expect(asciiName(contentDisposition('Ⅻ 日本', 'json'))).toBe('XII.json');
		expect(asciiName(contentDisposition('日本', 'json'))).toBe('samrad.json');
		expect(unicodeName(contentDisposition('日本', 'json'))).toBe('日本.json');
	});

	it('shortens very long titles and can ask for inline display', () => {
		const header = contentDisposition('Å'.repeat(300), 'html', { inline: true });
		expect(header.startsWith('inline; ')).toBe(true);
		expect([...unicodeName(header)]).toHaveLength(105);
	});
});
