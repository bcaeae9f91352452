/** Development: attach the same realtime setup to Vite's HTTP server (see vite.config.ts). */
import type { Server as HttpServer } from 'node:http';
import { appOrExit, configOrExit, start } from './boot';
import { isAttached } from './realtime/io';

export function startDev(httpServer: HttpServer): void {
	if (isAttached(httpServer)) return;
	const config = configOrExit();
	const app = appOrExit(config, process.cwd());
	start(app, httpServer);
}
