import { localeTags } from '$lib/i18n';
import { formatDateRange } from '$lib/organiser/format';
import { requireConference } from '$lib/server/organiser-access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const conference = requireConference(event);
	return {
		conference: {
			id: conference.id,
			title: conference.title,
			subtitle: conference.subtitle,
			venue: conference.venue,
			startDate: conference.startDate,
			endDate: conference.endDate,
			// Formatted here: browsers' date data may lack a language (Icelandic in some builds).
			when: formatDateRange(conference.startDate, conference.endDate, localeTags[event.locals.lang])
		}
	};
};
