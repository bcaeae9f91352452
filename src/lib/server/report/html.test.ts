import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReportHtml } from './html';
import { hostile, hostileReport } from './test-report';

describe('escapeHtml', () => {
	it('escapes the five characters that matter in text and attributes', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;'
		);
		expect(escapeHtml('Guðrún Øystein Árni')).toBe('Guðrún Øystein Árni');
	});
});

describe('HTML report', () => {
	const report = hostileReport();
	const html = renderReportHtml(report);

	it('is a complete, print-ready A4 document in the report language', () => {
		expect(html.startsWith('<!doctype html>')).toBe(true);
		expect(html).toContain('<html lang="nb-NO">');
		expect(html).toContain('<meta charset="utf-8">');
		expect(html).toMatch(/@page\s*\{\s*size: A4;/);
		expect(html).toContain('@top-center');
		expect(html).toMatch(/\.chapter, \.round \{ break-before: page; \}/);
		expect(html.trimEnd().endsWith('</html>')).toBe(true);
	});

	it('has a contents list whose links all reach a section', () => {
		for (const entry of report.contents) {
			expect(html).toContain(`href="#${entry.anchor}"`);
			expect(html.split(`id="${entry.anchor}"`)).toHaveLength(2);
		}
		expect(html).toContain('<h2 id="contents-heading">Innhold</h2>');
	});

	it('has every chapter of the reference report', () => {
		for (const heading of [
			'Om konferansen',
			'Program',
			'Deltakere',
			'Innledning',
			'Vedlegg: Språkhjelp'
		]) {
			expect(html).toContain(`<h2>${heading}</h2>`);
		}
		expect(html).toContain('<h2>Første gruppearbeid</h2>');
		expect(html).toContain('<h3>Gruppe 1: Arbeidstakere</h3>');
		expect(html).toContain('<h5>Gruppens prioriteringer</h5>');
		expect(html).toContain('<h4>Gruppeledernes refleksjon</h4>');
		expect(html).toContain('<h2>Oppsummering i plenum</h2>');
	});

	it('prints user text as text, never as markup', () => {
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toContain('<b>mangler</b>');
		expect(html).not.toContain('<i>tagger</i>');
		expect(html).toContain(escapeHtml(hostile.script));
		expect(html).toContain('SPRÅK &#38; &#60;KULTUR&#62;');
		expect(html).toContain('Blandet &#60;gruppe&#62;');
		// Long words may carry soft hyphens (see below); the line break stays a line break.
		expect(html.replaceAll('\u00AD', '')).toContain('Første linje<br>Andre linje');
	});

	it('keeps the title from closing the style sheet in the running header', () => {
		expect(html.match(/<\/style>/g)).toHaveLength(1);
		const style = html.slice(html.indexOf('<style>') + '<style>'.length, html.indexOf('</style>'));
		expect(style).not.toContain('<');
		expect(style).toContain(
			'@top-center { content: "Nordisk dialog \\22 2025\\22  \\3c \\2f style\\3e '
		);
	});

	it('loads nothing from outside the document', () => {
		expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
		expect(html).not.toMatch(/(src|href)="(?!#)/);
	});

	it('keeps Nordic letters intact', () => {
		for (const name of [
			'Guðrún Jónsdóttir',
			'Øystein Sørmark',
			'Árni Már Björnsson',
			'Þórdís Ásgeirsdóttir'
		]) {
			expect(html).toContain(name);
		}
	});

	it('shows ranks with ties, points and votes in the results tables', () => {
		expect(html).toContain('<td class="number">1 (delt)</td>');
		expect(html).toMatch(/<th class="number">Poeng<\/th><th class="number">Stemmer<\/th>/);
	});

	it('leaves names and the leader column out when names are excluded', () => {
		const anonymous = renderReportHtml(hostileReport({ includeNames: false }));
		expect(anonymous).not.toContain('Guðrún Jónsdóttir');
		expect(anonymous).not.toContain('Øystein Sørmark');
		expect(anonymous).not.toContain('<th>Gruppeleder</th>');
		expect(anonymous).toContain('<th>Rolle</th>');
	});
});

describe('hyphenation in the HTML the PDF is printed from', () => {
	const html = renderReportHtml(hostileReport());
	const words = (text: string) => text.split(/[\s<>()]+/);
	const softHyphen = '\u00AD';

	it('breaks long words in what people wrote with soft hyphens, and changes no letter', () => {
		for (const word of ['Arbetsförmedlingen', 'jobbkonsulenten', 'Saksbehandlerne']) {
			const found = words(html).find((w) => w.replaceAll(softHyphen, '') === word);
			expect(found, word).toBeDefined();
			expect(found, word).toContain(softHyphen);
		}
	});

	it('leaves markup, anchors and the title alone', () => {
		const head = html.slice(0, html.indexOf('<body'));
		expect(head).not.toContain(softHyphen);
		expect(html).not.toMatch(/(id|href|class)="[^"]*\u00AD/);
	});
});
