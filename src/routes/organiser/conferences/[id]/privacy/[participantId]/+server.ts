import { error, json } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { personalData } from '$lib/server/data-protection';
import { requireConference } from '$lib/server/organiser-access';
import type { RequestHandler } from './$types';

/** One participant's data as a JSON download (their right of access). */
export const GET: RequestHandler = (event) => {
	const conference = requireConference(event, 'personal_data');
	const data = personalData(useApp(), conference.id, event.params.participantId);
	if (!data) error(404);
	const slug =
		data.participant.name
			.normalize('NFKD')
			.replace(/[^\w-]+/g, '-')
			.replace(/^-|-$/g, '') || 'participant';
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="samrad-${slug}.json"; filename*=UTF-8''${encodeURIComponent(`samrad-${data.participant.name}.json`)}`,
			'cache-control': 'no-store'
		}
	});
};
