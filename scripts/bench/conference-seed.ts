// Seeds the bench's conference on the server's database file before the server starts: a roster,
// round 1 allocated by role and started (every group has its session), round 2 allocated by
// country and waiting to be started during the run, and a signed-in organiser who owns it.
// Bundled and run by scripts/bench.js: node conference-seed.js <root> <database> <people>, where
// <database> is the SQLite file or, for --workers-server, a postgres:// URL.
// Prints one JSON line with what the load generator needs.
import { createServerApp } from '$lib/server/app';
import { createOrganiser, startOrganiserSession } from '$lib/server/auth';
import { readConfig } from '$lib/server/config';
import { defaultRoleIds } from '$lib/domain/conference/roles';
import type { Result } from '$lib/server/conferences';
import { conferenceDetails } from '$lib/testing/conference-details';

const [root, databasePath, people] = process.argv.slice(2);
if (!root || !databasePath || !people) throw new Error('usage: <root> <database> <people>');
const countries = ['NO', 'SE', 'DK', 'FI', 'IS'];

function value<T>(result: Result<T>, what: string): T {
	if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result.error)}`);
	return result.value;
}

const database = databasePath.startsWith('postgres://')
	? { DATABASE_URL: databasePath }
	: { DATABASE_PATH: databasePath };
const app = await createServerApp(readConfig({ ...database, LOG_LEVEL: 'warn' }), root);
try {
	const conferences = app.conferences;
	const conference = value(
		await conferences.create(
			conferenceDetails({
				title: 'Nordisk dialogkonferanse om å beholde jobben',
				subtitle: 'Benk',
				languages: ['nb', 'sv', 'da', 'is', 'fi']
			})
		),
		'create'
	);
	const conferenceId = conference.id;
	value(
		await conferences.addParticipants(
			conferenceId,
			Array.from({ length: Number(people) }, (_, i) => ({
				name: `Medlem ${i + 1}`,
				country: countries[i % countries.length]!,
				role: defaultRoleIds[i % defaultRoleIds.length]!,
				organisation: '',
				language: 'nb',
				coordinator: false
			}))
		),
		'addParticipants'
	);
	const round = async (title: string, rule: 'role' | 'country') => {
		const saved = value(
			await conferences.saveRound(conferenceId, null, {
				title,
				theme: 'Jobbfastholdelse',
				rule,
				maxGroupSize: 10,
				questions: ['Hva hindrer folk i å beholde jobben?', 'Hva hjelper?']
			}),
			'saveRound'
		);
		value(await conferences.allocate(conferenceId, saved.id), 'allocate');
		return saved.id;
	};
	const firstRoundId = await round('Grupper etter rolle', 'role');
	value(await conferences.startRound(conferenceId, firstRoundId), 'startRound');
	const secondRoundId = await round('Grupper etter land', 'country');
	const organiser = await createOrganiser(
		app.stores.organisers,
		{
			username: 'organiser',
			displayName: 'Organiser',
			password: 'bench password 1234',
			admin: true
		},
		Date.now()
	);
	await app.stores.organisers.setTie(conferenceId, organiser.id, 'owner', Date.now());
	const signIn = await startOrganiserSession(app.stores, organiser.id, Date.now());
	const detail = (await conferences.roundDetail(conferenceId, firstRoundId, 'nb'))!;
	const groups = [];
	for (const group of detail.groups) {
		const session = group.sessionId ? await app.sessions.get(group.sessionId) : null;
		if (!session) continue;
		groups.push({
			groupId: group.id,
			sessionId: session.access.id,
			joinCode: session.access.joinCode,
			facilitatorToken: session.access.facilitatorToken,
			screenToken: session.access.screenToken,
			memberIds: group.memberIds,
			size: group.memberIds.length
		});
	}
	const members = (await conferences.participants(conferenceId)).map((p) => ({
		id: p.id,
		token: p.personalToken
	}));
	process.stdout.write(
		`${JSON.stringify({
			conferenceId,
			plenumToken: conference.plenumToken,
			organiserCookie: `samrad_organiser=${signIn}`,
			firstRoundId,
			secondRoundId,
			members,
			groups
		})}\n`
	);
} finally {
	await app.storage.close();
}
