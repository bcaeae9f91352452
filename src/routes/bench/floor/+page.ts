import type { PageLoad } from './$types';

export type FloorTexts = typeof import('./texts/en.json');

// One lazy chunk per language: the floor page loads only the language it renders in.
const texts = import.meta.glob<FloorTexts>('./texts/*.json', { import: 'default' });

export const load: PageLoad = async ({ parent }) => {
	const { lang } = await parent();
	const load = texts[`./texts/${lang}.json`] ?? texts['./texts/en.json']!;
	return { texts: await load() };
};
