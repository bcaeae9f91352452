// npm start: builds when the build is missing or out of date, then runs the production server.
import { spawn } from 'node:child_process';
import { buildIsStale, root, run } from './lib.js';

if (buildIsStale()) {
	console.log('Samråd: building the app (first start or changed sources)…');
	const code = await run('npm', ['run', 'build']);
	if (code !== 0) {
		console.error('Samråd: the build failed; see the messages above.');
		process.exit(code);
	}
}

const server = spawn(process.execPath, ['build/server.js'], { stdio: 'inherit', cwd: root });
// Pass stop signals on, so the server shuts down cleanly (closes sockets and the database).
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) {
	process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
