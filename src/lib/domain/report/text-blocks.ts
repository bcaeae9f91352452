/** A piece of long text: a paragraph (may hold line breaks) or a bulleted list. */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const bullet = /^\s*[-*•–]\s+/;

/**
 * Splits free text the way organisers type it: blank lines separate paragraphs, lines that
 * start with "- ", "* ", "• " or "– " are list items. Everything else is kept as written.
 */
export function textBlocks(text: string): TextBlock[] {
	const blocks: TextBlock[] = [];
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	let paragraph: string[] = [];
	let list: string[] = [];
	const flush = () => {
		if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
		if (list.length > 0) blocks.push({ kind: 'list', items: list });
		paragraph = [];
		list = [];
	};
	for (const raw of lines) {
		const line = raw.trim();
		if (line === '') {
			flush();
		} else if (bullet.test(raw)) {
			if (paragraph.length > 0) flush();
			list.push(raw.replace(bullet, '').trim());
		} else {
			if (list.length > 0) flush();
			paragraph.push(line);
		}
	}
	flush();
	return blocks;
}
