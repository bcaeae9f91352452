/** Production entry: SvelteKit's handler and socket.io on one HTTP server, one port. */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appOrExit, configOrExit, start, stop } from './boot';
import { baseSecurityHeaders, fallbackCsp } from './http/security';
import { describeError, log } from './log';

type Handler = (
	req: import('node:http').IncomingMessage,
	res: import('node:http').ServerResponse,
	next?: () => void
) => void;

async function main(): Promise<void> {
	const buildDir = dirname(fileURLToPath(import.meta.url));
	const root = dirname(buildDir);
	const config = configOrExit();
	const app = appOrExit(config, root);

	const httpServer = createServer();
	const realtime = start(app, httpServer);
	// Imported after the app is registered: SvelteKit's server code finds it on first request.
	const { handler } = (await import(pathToFileURL(join(buildDir, 'handler.js')).href)) as {
		handler: Handler;
	};
	httpServer.on('request', (req, res) => {
		// socket.io answers its own path; everything else is SvelteKit's.
		if (req.url?.startsWith('/socket.io/')) return;
		for (const [name, value] of Object.entries(baseSecurityHeaders)) res.setHeader(name, value);
		res.setHeader('Content-Security-Policy', fallbackCsp);
		handler(req, res);
	});

	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.info('signal.received', { signal });
		const force = setTimeout(() => process.exit(1), 10_000);
		force.unref();
		stop(app, realtime)
			.then(() => process.exit(0))
			.catch((error: unknown) => {
				log.error('shutdown.failed', { error: describeError(error) });
				process.exit(1);
			});
	};
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));

	httpServer.listen(config.port, config.host);
}

main().catch((error: unknown) => {
	process.stderr.write(`Samråd cannot start: ${describeError(error)}\n`);
	process.exit(1);
});
