import js from '@eslint/js';
import promise from 'eslint-plugin-promise';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const sqlMessage = 'SQL lives in src/lib/server/db: call a store or a service instead.';
/** Ways to reach SQLite: the driver, prepared statements, pragmas and SQL given to exec. */
const sqlOutsideStores = [
	{ selector: "ImportDeclaration[source.value='better-sqlite3']", message: sqlMessage },
	{ selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]', message: sqlMessage },
	{
		selector:
			"CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
		message: sqlMessage
	}
];

/**
 * What the pure core may import: itself and libraries that do no I/O. No realtime, server,
 * components, client state, i18next or framework: the core is tested and reused alone.
 */
const domainImports = (extra = '') => ({
	'no-restricted-imports': [
		'error',
		{
			patterns: [
				{
					regex: `^(?!\\.|\\$lib/domain/|(valibot|csv-parse(/sync)?|iconv-lite|eld/small|@orama/stemmers/[a-z]+|stopword)$${extra})`,
					message: 'src/lib/domain is the pure core: it imports only the domain and pure libraries.'
				},
				{
					regex: '^(\\.\\./)+(realtime|server|components|client|i18n|routes)(/|$)',
					message: 'src/lib/domain is the pure core: it imports only the domain and pure libraries.'
				}
			]
		}
	]
});

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench-results/',
			'tests/.tmp/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	promise.configs['flat/recommended'],
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			'svelte/no-at-html-tags': 'error',
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// SQL stays in src/lib/server/db (tests may read the file on disk as an outsider would).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/server/db/**', '**/*.test.ts'],
		rules: { 'no-restricted-syntax': ['error', ...sqlOutsideStores] }
	},
	{
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/db', '$lib/server/db/*', '**/server/db', '**/server/db/*'],
							message: 'Routes reach storage through the services in $lib/server.'
						}
					]
				}
			],
			'no-restricted-syntax': [
				'error',
				...sqlOutsideStores,
				{
					selector: "MemberExpression[property.name='db'], ObjectPattern > Property[key.name='db']",
					message: 'Routes reach storage through the services in $lib/server, never the database.'
				}
			]
		}
	},
	{
		// Services reach storage through the store interfaces (stores.ts), so that another engine
		// can stand in for SQLite; only the wiring (app, boot, stores) opens the database itself.
		files: ['src/lib/server/**/*.ts'],
		ignores: [
			'src/lib/server/db/**',
			'src/lib/server/app.ts',
			'src/lib/server/boot.ts',
			'src/lib/server/stores.ts',
			// Test fixtures make and remove a database file of their own.
			'src/lib/server/report/test-*.ts',
			'**/*.test.ts'
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['./db/*', '../db/*', '../../db/*', '$lib/server/db', '$lib/server/db/*'],
							message: 'Services reach storage through the stores (src/lib/server/stores.ts).'
						}
					]
				}
			],
			'no-restricted-syntax': [
				'error',
				...sqlOutsideStores,
				{
					selector: "MemberExpression[object.name='app'][property.name='db']",
					message: 'Services reach storage through the stores, never the database.'
				}
			]
		}
	},
	{
		files: ['src/lib/domain/**/*.ts'],
		ignores: ['src/lib/domain/**/*.test.ts'],
		rules: domainImports()
	},
	{
		// Tests of the core may also use the test runner, seeded randomness and the real texts.
		files: ['src/lib/domain/**/*.test.ts'],
		rules: domainImports('|vitest$|\\$lib/testing/|\\$lib/i18n$')
	},
	{
		// Outside the tsconfig's include list (SvelteKit generates it): lint without type information.
		files: ['playwright.config.ts', 'scripts/**/*.ts'],
		...ts.configs.disableTypeChecked
	},
	{
		files: ['scripts/**/*.js', '*.js'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	}
);
