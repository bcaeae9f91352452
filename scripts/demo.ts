// npm run demo [language]: adds the demo conference to the app's database and prints its links.
import { fileURLToPath } from 'node:url';
import { createApp } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { countOrganisers, oldestAdminId } from '$lib/server/db/organisers';
import { createDemoConference } from '$lib/server/demo';
import { setLogLevel } from '$lib/server/log';
import { languages, type Language } from '$lib/domain/session/types';

const root = fileURLToPath(new URL('..', import.meta.url));
const wanted = process.argv[2] ?? 'nb';
if (!(languages as readonly string[]).includes(wanted)) {
	console.error(`Usage: npm run demo [${languages.join('|')}]  (got "${wanted}")`);
	process.exit(64);
}

const config = readConfig();
setLogLevel('warn');
const app = await createApp(config, root);
try {
	// The administrator's; before the first account exists, that account adopts it.
	const conference = await createDemoConference(
		app,
		wanted as Language,
		Date.now(),
		oldestAdminId(app.db)
	);
	const origin = config.publicOrigin ?? `http://localhost:${config.port}`;
	console.log(`Demo conference created: ${conference.title}`);
	console.log(`  Organiser:     ${origin}/organiser/conferences/${conference.id}`);
	console.log(`  Plenum screen: ${origin}/plenum/${conference.plenumToken}`);
	console.log(`  Join code:     ${conference.joinCode} (${origin}/k/${conference.joinCode})`);
	if (countOrganisers(app.db) === 0) {
		console.log(`No organiser account yet: create one at ${origin}/organiser/setup`);
	}
} finally {
	app.db.close();
}
