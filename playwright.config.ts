import { defineConfig, devices } from '@playwright/test';
import { join } from 'node:path';
import { e2eRunDir } from './tests/e2e/helpers/paths';

// One fresh database per run; workers inherit the id from the main process through the env.
process.env.SAMRAD_E2E_RUN ??= `${Date.now()}-${process.pid}`;
const port = Number(process.env.E2E_PORT ?? 4173);
const runDir = e2eRunDir(process.env.SAMRAD_E2E_RUN);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	fullyParallel: true,
	forbidOnly: true,
	retries: 0,
	workers: 2,
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 5_000 },
	globalTeardown: './tests/e2e/global-teardown.ts',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		actionTimeout: 10_000,
		navigationTimeout: 15_000,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-dev-shm-usage',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run'
					]
				}
			}
		}
	],
	webServer: {
		// Builds first only when the sources changed since the last build.
		command: 'node scripts/build-when-stale.js && node build/server.js',
		url: `http://127.0.0.1:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			HOST: '127.0.0.1',
			PORT: String(port),
			DATABASE_PATH: join(runDir, 'samrad.sqlite'),
			LOG_LEVEL: 'warn'
		}
	}
});
