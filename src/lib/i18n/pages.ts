import { namespaces, type Namespace } from './translator';

/** Every namespace but the landing page's, which only the server renders. */
const browserNamespaces = namespaces.filter((namespace) => namespace !== 'landing');
const participant: Namespace[] = ['common', 'session', 'session-later', 'glossary'];
/**
 * A phone's: the glossary's texts and those of phases after writing come after it is usable
 * (phone/later-views.svelte.ts).
 */
const phone: Namespace[] = ['common', 'session'];

/**
 * The namespaces each page renders, by route id. Phones, screens and consoles never get the
 * organiser's, the report's or the privacy texts.
 */
export function pageNamespaces(routeId: string | null): readonly Namespace[] {
	if (!routeId) return ['common'];
	if (routeId.startsWith('/organiser')) return browserNamespaces;
	if (routeId === '/privacy') return ['common', 'privacy'];
	// The landing page ships no script: the server renders its texts (landing.json).
	if (routeId === '/') return ['common'];
	if (routeId === '/new') return ['common', 'session', 'session-later'];
	if (routeId.startsWith('/j/')) return phone;
	// A conference group's screen fetches the notices' texts once usable (screen/ScreenApp.svelte).
	if (routeId.startsWith('/screen/')) return participant;
	// The console's conference, report and glossary texts come with its side panels
	// (console/side-panels.svelte.ts).
	if (routeId.startsWith('/console/')) return [...phone, 'session-later', 'console'];
	if (/^\/(k|c)\//.test(routeId)) return [...phone, 'conference'];
	if (routeId.startsWith('/plenum/')) return [...participant, 'conference'];
	return ['common'];
}
