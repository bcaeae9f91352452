import { countries, countryName } from '$lib/domain/conference/countries';
import { roleLabel } from '$lib/domain/conference/roles';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { linkOrigin, requireConference } from '$lib/server/organiser-access';
import type { PageServerLoad } from './$types';

/** Badges speak the conference's language: everyone in the room reads them. */
export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const app = useApp();
	const lang = conference.language;
	const roles = await app.conferences.roles(conference.id);
	const origin = linkOrigin(event.url);
	const order = new Map(countries.map((c, i) => [c.code, i]));
	const collator = new Intl.Collator(lang, { sensitivity: 'base' });
	const everyone = await app.conferences.participants(conference.id);
	const only = event.url.searchParams.get('country') ?? '';
	const people = everyone
		.filter((p) => only === '' || p.country === only)
		.sort(
			(a, b) =>
				(order.get(a.country) ?? 999) - (order.get(b.country) ?? 999) ||
				a.country.localeCompare(b.country) ||
				collator.compare(a.name, b.name)
		);
	const t = fixedT(lang);
	return {
		lang,
		joinCode: conference.joinCode,
		origin,
		words: {
			scan: t('organiser.badges.scan'),
			orCode: t('organiser.badges.orCode', { host: origin.replace(/^https?:\/\//, '') }),
			qrLabel: t('organiser.badges.qrLabel')
		},
		only,
		countries: [...new Set(everyone.map((p) => p.country))]
			.sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b))
			.map((code) => ({ code, name: countryName(code, event.locals.lang) })),
		badges: people.map((p) => ({
			id: p.id,
			name: p.name,
			country: countryName(p.country, lang),
			role: p.coordinator ? t('organiser.badges.coordinator') : roleLabel(roles, p.role, lang),
			organisation: p.organisation,
			link: `${origin}/c/${p.personalToken}`
		}))
	};
};
