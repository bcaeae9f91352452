// npm run demo [language] [-- --played]: adds the demo conference to the app's database and
// prints its links. With --played, its rounds are started and every group has played its
// questions (as after the day), so that the report shows what groups write. On SQLite, or on
// PostgreSQL when DATABASE_URL is set, as the server would be.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServerApp } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { createDemoConference } from '$lib/server/demo';
import { seedPlayedDemo } from '$lib/server/demo-played';
import { setLogLevel } from '$lib/server/log';
import { languages, type Language } from '$lib/domain/session/types';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({
	options: { played: { type: 'boolean', default: false } },
	allowPositionals: true
});
const wanted = positionals[0] ?? 'nb';
if (!(languages as readonly string[]).includes(wanted)) {
	console.error(`Usage: npm run demo [${languages.join('|')}] [-- --played]  (got "${wanted}")`);
	process.exit(64);
}

const config = readConfig();
setLogLevel('warn');
const app = await createServerApp(config, root);
try {
	// The administrator's; before the first account exists, that account adopts it.
	const ownerId = await app.stores.organisers.oldestAdminId();
	const lang = wanted as Language;
	const conference = values.played
		? await seedPlayedDemo(app, { lang, ownerId })
		: await createDemoConference(app, lang, Date.now(), ownerId);
	const origin = config.publicOrigin ?? `http://localhost:${config.port}`;
	console.log(
		`Demo conference created: ${conference.title}${values.played ? ' (played through)' : ''}`
	);
	console.log(`  Organiser:     ${origin}/organiser/conferences/${conference.id}`);
	console.log(`  Plenum screen: ${origin}/plenum/${conference.plenumToken}`);
	console.log(`  Join code:     ${conference.joinCode} (${origin}/k/${conference.joinCode})`);
	if ((await app.stores.organisers.count()) === 0) {
		console.log(`No organiser account yet: create one at ${origin}/organiser/setup`);
	}
} finally {
	await app.storage.close();
}
