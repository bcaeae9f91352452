import { sveltekit } from '@sveltejs/kit/vite';
import type { Server as HttpServer } from 'node:http';
import { availableParallelism } from 'node:os';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';

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

/**
 * Lists which client chunk holds each locale file (_app/locale-chunks.json), so that the
 * server can modulepreload a page's texts from its HTML (src/lib/server/http/locale-preloads.ts),
 * and each chunk's static imports (_app/chunk-imports.json, src/lib/server/http/preload-closure.ts).
 */
function localeChunks(): Plugin {
	return {
		name: 'samrad-locale-chunks',
		apply: 'build',
		generateBundle(_options, bundle) {
			if (this.environment.config.build.ssr) return;
			const files: Record<string, string[]> = {};
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk' || !chunk.facadeModuleId) continue;
				const locale = /\/src\/lib\/i18n\/locales\/(\w+)\/(\w+)\.json$/.exec(chunk.facadeModuleId);
				if (locale) files[`${locale[1]}/${locale[2]}`] = [chunk.fileName, ...chunk.imports];
			}
			this.emitFile({
				type: 'asset',
				fileName: '_app/locale-chunks.json',
				source: JSON.stringify(files)
			});
			// Each chunk's static imports: the server completes a page's modulepreload list with them.
			const imports: Record<string, string[]> = {};
			for (const chunk of Object.values(bundle)) {
				if (chunk.type === 'chunk' && chunk.imports.length) imports[chunk.fileName] = chunk.imports;
			}
			this.emitFile({
				type: 'asset',
				fileName: '_app/chunk-imports.json',
				source: JSON.stringify(imports)
			});
		}
	};
}

/**
 * Vitest's default is one worker fewer than cores: one worker on a two-core machine, where the
 * test files spend much of their time importing or waiting on servers and sockets.
 */
const cores = Math.max(2, availableParallelism());

export default defineConfig({
	plugins: [sveltekit(), samradRealtime(), localeChunks()],
	// Svelte's runtime, i18next with our translator, and socket.io's client each in one chunk:
	// every page needs them whole, and as some 30 small files they cost a crowded venue Wi-Fi
	// a round trip each (six at a time over HTTP/1.1), and compressed worse apart.
	build: {
		rollupOptions: {
			output: {
				experimentalMinChunkSize: 500,
				manualChunks(id) {
					if (id.includes('/node_modules/svelte/src/internal/')) return 'svelte';
					if (/\/node_modules\/i18next\/|\/src\/lib\/i18n\/[\w.-]+\.ts$/.test(id)) return 'i18n';
					if (
						/\/node_modules\/(socket\.io-client|engine\.io-client|socket\.io-parser|@socket\.io|engine\.io-parser)\//.test(
							id
						)
					)
						return 'socket';
				}
			}
		}
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: [...configDefaults.exclude, 'src/lib/domain/**'],
					environment: 'node',
					// Reports, archives and PDFs are real work: at load 10 on two cores several took
					// 4-5 s of vitest's default 5 s; at load 13-17 four failed in a run and passed alone.
					testTimeout: 30_000,
					maxWorkers: cores
				}
			},
			{
				extends: true,
				test: {
					// The pure core's tests share their modules within a worker instead of loading
					// them again for each file (isolated, loading was two thirds of their work): the
					// core keeps no state between calls (no I/O, no clock; its module-level maps are
					// constant tables or caches keyed by the object they describe), and its tests
					// mock nothing. They pass in shuffled file orders too.
					name: 'domain',
					include: ['src/lib/domain/**/*.test.ts'],
					environment: 'node',
					isolate: false,
					maxWorkers: cores
				}
			},
			{
				extends: true,
				test: {
					// The store contract and what only several processes show, on a throw-away cluster.
					name: 'postgres',
					include: ['tests/postgres/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/postgres/global-setup.ts'],
					// As the integration project: it runs the integration suites on PostgreSQL too.
					testTimeout: 60_000,
					hookTimeout: 120_000,
					maxWorkers: cores
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
					fileParallelism: true,
					// Each file mostly waits on its own server processes: one more file than cores.
					maxWorkers: cores + 1
				}
			}
		]
	}
});
