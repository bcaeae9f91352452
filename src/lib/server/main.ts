/** Production entry: SvelteKit's handler and socket.io on one HTTP server, one port. */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appOrExit, configOrExit, start, stop } from './boot';
import { limitHeapGrowth } from './heap';
import { compressAnswers } from './http/compression';
import { baseSecurityHeaders, nonPageCsp } from './http/security';
import { describeError, log } from './log';
import { clientAddress, requestProtocol } from './network';
import {
	holdConnections,
	isPrimaryOfWorkers,
	isWorker,
	runPrimary,
	serveFromPrimary
} from './workers';

type Handler = (
	req: import('node:http').IncomingMessage,
	res: import('node:http').ServerResponse,
	next?: () => void
) => void;

async function main(): Promise<void> {
	const buildDir = dirname(fileURLToPath(import.meta.url));
	const root = dirname(buildDir);
	const config = configOrExit();
	if (isPrimaryOfWorkers(config)) return runPrimary(config);
	limitHeapGrowth();
	holdConnections();
	const app = await appOrExit(config, root);

	// adapter-node takes the protocol from PROTOCOL_HEADER or else assumes https; over plain HTTP
	// (a venue's LAN) SvelteKit would then refuse every same-origin form post as cross-site and
	// set Secure cookies the browser drops. We know the protocol: tell it in our own header.
	const protocolHeader = 'x-samrad-protocol';
	const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (ownProtocol) process.env.PROTOCOL_HEADER = protocolHeader;

	// Pages must see the same client address as sockets (clientAddress: X-Forwarded-For only
	// behind a trusted proxy), or limits per address count a whole venue behind the proxy as one.
	const addressHeader = 'x-samrad-address';
	const ownAddress = !process.env.ADDRESS_HEADER;
	if (ownAddress) process.env.ADDRESS_HEADER = addressHeader;

	// The largest upload, a conference archive (20 MB), must reach its page, which checks its own
	// limit and answers in words; adapter-node would refuse it at 512 kB with a bare 413. Every
	// other route has a smaller limit of its own (http/body-limit.ts, checked in the handle hook).
	process.env.BODY_SIZE_LIMIT ??= '21M';

	const httpServer = createServer();
	const realtime = start(app, httpServer);
	// Imported after the app is registered: SvelteKit's server code finds it on first request.
	const { handler } = (await import(pathToFileURL(join(buildDir, 'handler.js')).href)) as {
		handler: Handler;
	};
	const compress = compressAnswers();
	httpServer.on('request', (req, res) => {
		// socket.io answers its own path; everything else is SvelteKit's.
		if (req.url?.startsWith('/socket.io/')) return;
		if (ownProtocol) {
			req.headers[protocolHeader] = requestProtocol(
				req.headers['x-forwarded-proto'],
				req.socket.remoteAddress,
				config.trustProxy
			);
		}
		if (ownAddress) {
			req.headers[addressHeader] = clientAddress(
				req.socket.remoteAddress,
				req.headers['x-forwarded-for'],
				config.trustProxy
			);
		}
		for (const [name, value] of Object.entries(baseSecurityHeaders)) res.setHeader(name, value);
		res.setHeader('Content-Security-Policy', nonPageCsp(req.url));
		compress(req, res, () => handler(req, res));
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

	if (isWorker()) await serveFromPrimary(httpServer, realtime);
	else httpServer.listen(config.port, config.host);
}

main().catch((error: unknown) => {
	process.stderr.write(`Samråd cannot start: ${describeError(error)}\n`);
	process.exit(1);
});
