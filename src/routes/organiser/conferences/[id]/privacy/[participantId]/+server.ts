import { error, json } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { personalData } from '$lib/server/data-protection';
import { requireConference } from '$lib/server/organiser-access';
import { contentDisposition } from '$lib/server/report/filename';
import type { RequestHandler } from './$types';

/** One participant's data as a JSON download (their right of access). */
export const GET: RequestHandler = async (event) => {
	const conference = await requireConference(event, 'personal_data');
	const data = await personalData(useApp(), conference.id, event.params.participantId);
	if (!data) error(404);
	return json(data, {
		headers: {
			'content-disposition': contentDisposition(`samrad-${data.participant.name}`, 'json', {
				fallback: 'samrad-participant'
			}),
			'cache-control': 'no-store'
		}
	});
};
