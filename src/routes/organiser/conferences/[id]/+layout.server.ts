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
			endDate: conference.endDate
		}
	};
};
