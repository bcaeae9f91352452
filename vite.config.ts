import { sveltekit } from '@sveltejs/kit/vite';
import type { Server as HttpServer } from 'node:http';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Attaches the same socket.io setup as production to Vite's dev server. */
function samradRealtime(): Plugin {
	return {
		name: 'samrad-realtime',
		apply: 'serve',
		configureServer(server) {
			const httpServer = server.httpServer;
			if (!httpServer) return;
			httpServer.once('listening', () => {
				server
					.ssrLoadModule('/src/lib/server/dev.ts')
					.then((mod) =>
						(mod as typeof import('./src/lib/server/dev')).startDev(httpServer as HttpServer)
					)
					.catch((error: unknown) => {
						server.config.logger.error(`samrad: could not start realtime: ${String(error)}`);
					});
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), samradRealtime()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/integration/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: true
				}
			}
		]
	}
});
