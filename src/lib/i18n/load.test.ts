import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadTexts, pageNamespaces } from './load';
import { fixedT, hasTexts } from './translator';

afterEach(() => {
	vi.restoreAllMocks();
});

describe('loadTexts', () => {
	it('loads only the namespaces asked for, in one language', async () => {
		await loadTexts('nb', ['common', 'session']);
		expect(hasTexts('nb', 'session')).toBe(true);
		expect(hasTexts('nb', 'organiser')).toBe(false);
		expect(hasTexts('sv', 'common')).toBe(false);
		expect(fixedT('nb')('session.write.add')).toBe('Legg til lapp');
	});

	it('reports a key of a namespace that was not loaded, instead of showing it silently', async () => {
		await loadTexts('da', ['common']);
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		expect(fixedT('da')('organiser.home.title')).toBe('organiser.home.title');
		expect(errors).toHaveBeenCalledWith('i18n: missing text "organiser.home.title" in da');
	});

	it('says nothing for a key that is there', async () => {
		await loadTexts('fi', ['common']);
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		fixedT('fi')('language.label');
		expect(errors).not.toHaveBeenCalled();
	});
});

describe('pageNamespaces', () => {
	it.each([
		'/j/[code]',
		'/k/[code]',
		'/c/[token]',
		'/c/d/[token]',
		'/screen/[token]',
		'/console/[token]',
		'/plenum/[token]'
	])('%s gets no organiser, report or privacy texts', (route) => {
		const namespaces = pageNamespaces(route);
		expect(namespaces).toContain('common');
		for (const namespace of ['organiser', 'report', 'privacy'] as const)
			expect(namespaces).not.toContain(namespace);
	});

	it.each([
		'/organiser/conferences/[id]/export',
		'/privacy',
		'/new',
		'/j/[code]',
		'/console/[token]'
	])('%s asks only for texts a browser can fetch', async (route) => {
		await expect(loadTexts('is', pageNamespaces(route))).resolves.toBeUndefined();
	});

	it('gives the organiser pages and the privacy page their own texts', () => {
		expect(pageNamespaces('/organiser/conferences/[id]/export')).toContain('organiser');
		expect(pageNamespaces('/privacy')).toContain('privacy');
	});
});
