import { localeTags } from '$lib/i18n';
import { formatDateRange } from '$lib/organiser/format';
import { useApp } from '$lib/server/app';
import { conferencePermissions } from '$lib/server/conference-access';
import { requireConference, requireOrganiser } from '$lib/server/organiser-access';
import { randomToken } from '$lib/server/tokens';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const organiser = await requireOrganiser(event);
	return {
		/** The id of the next command a form on the page sends; each load makes a new one. */
		commandId: randomToken(18),
		/** What the signed-in organiser may do here: pages show only what they may use. */
		may: await conferencePermissions(useApp(), organiser, conference.id),
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
