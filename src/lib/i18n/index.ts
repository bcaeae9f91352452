// The server's i18n: every language and namespace, loaded at start-up (pages, socket errors,
// reports). Browser code imports shared.ts, translator.ts and load.ts instead, never this file.
import { languages } from './shared';
import { addAllTexts } from './translator';
import { resources } from './locales';

export * from './shared';
export { fixedT } from './translator';
export { resources };

for (const lang of languages) addAllTexts(lang, resources[lang]);
