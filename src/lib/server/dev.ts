/** Development: attach the same realtime setup to Vite's HTTP server (see vite.config.ts). */
import type { Server as HttpServer } from 'node:http';
import { appOrExit, configOrExit, start } from './boot';
import { isAttached } from './realtime/io';

export async function startDev(httpServer: HttpServer): Promise<void> {
	if (isAttached(httpServer)) return;
	const config = configOrExit();
	const app = await appOrExit(config, process.cwd());
	// Another call may have attached while the database opened.
	if (!isAttached(httpServer)) start(app, httpServer);
}
