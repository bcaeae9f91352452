/** The played demo conference as on the day, for the pages that show a conference. */
import type { App } from '$lib/server/app';
import { seedPlayedDemo } from '$lib/server/report/test-conference';

/**
 * The demo conference after the day (its last group still voting, the first group on the
 * plenum screen), and a further round just started, so its groups wait in the lobby.
 */
export async function demoDayWithNextRound(app: App) {
	const conference = await seedPlayedDemo(app, { openVote: true, lang: 'en' });
	const conferences = app.conferences;
	const played = (await conferences.rounds(conference.id))[0]!;
	const playedGroups = (await conferences.roundDetail(conference.id, played.id, 'en'))!.groups;
	await conferences.present(conference.id, played.id, playedGroups[0]!.id);
	const next = await conferences.saveRound(conference.id, null, {
		title: 'Afternoon',
		theme: 'Next steps',
		rule: 'mixed',
		maxGroupSize: 8,
		questions: ['What do we do first?']
	});
	if (!next.ok) throw new Error(JSON.stringify(next.error));
	for (const step of [
		await conferences.allocate(conference.id, next.value.id),
		await conferences.startRound(conference.id, next.value.id)
	])
		if (!step.ok) throw new Error(JSON.stringify(step.error));
	const lobbyGroups = (await conferences.roundDetail(conference.id, next.value.id, 'en'))!.groups;
	const members = (await conferences.participants(conference.id)).map((p) => ({
		name: p.name,
		token: p.personalToken
	}));
	return { conference, played, playedGroups, lobbyGroups, members };
}
