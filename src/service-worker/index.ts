/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The participants' offline shell. It answers only GET requests for the app's immutable files
 * (cache first) and for the phone pages (network first, the kept copy only without a
 * connection); everything else (socket.io, organiser, console, screen, exports, /lang, any
 * POST) goes to the network untouched. One cache per build version; older ones are deleted.
 */
import { build, version } from '$service-worker';
import {
	isImmutableAsset,
	isOfflinePage,
	offlineCachePrefix,
	type ShellMessage
} from '$lib/client/offline-pages';

const worker = self as unknown as ServiceWorkerGlobalScope;
const cacheName = `${offlineCachePrefix}${version}`;
const appFiles = new Set(build.filter(isImmutableAsset));

worker.addEventListener('install', (event) => {
	// A new build takes over at once: pages are fetched fresh anyway, and the outbox lives in
	// localStorage, which a worker update does not touch.
	event.waitUntil(Promise.all([caches.open(cacheName), worker.skipWaiting()]));
});

/**
 * This build's cache, or null once a newer build deleted it: an outgoing worker still finishing
 * a fetch or a message must not bring its cache back.
 */
async function ownCache(): Promise<Cache | null> {
	return (await caches.has(cacheName)) ? caches.open(cacheName) : null;
}

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name !== cacheName) await caches.delete(name);
			await worker.clients.claim();
		})()
	);
});

worker.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;
	if (isImmutableAsset(url.pathname)) event.respondWith(appFile(request));
	else if (request.mode === 'navigate' && isOfflinePage(url.pathname)) {
		event.respondWith(phonePage(request, url.pathname));
	}
});

worker.addEventListener('message', (event) => {
	const message = event.data as ShellMessage | null;
	const source = event.source;
	// A page asks again while this build waits (see urgeWaitingWorker in offline-shell.ts).
	if (message?.type === 'skip-waiting') return void worker.skipWaiting();
	if (!(source instanceof WindowClient)) return;
	// The page's own address, never one named in the message.
	const pathname = new URL(source.url).pathname;
	if (!isOfflinePage(pathname)) return;
	if (message?.type === 'forget-page') return event.waitUntil(forgetPage(pathname));
	if (message?.type !== 'keep-page') return;
	// Only files of this build: a message cannot make the worker keep anything else.
	const files = Array.isArray(message.files) ? message.files.filter((f) => appFiles.has(f)) : [];
	event.waitUntil(Promise.all([keepPage(pathname), keepAppFiles(files)]));
});

/** Keeps the app files a page loaded (from the browser's HTTP cache when they are still there). */
async function keepAppFiles(files: string[]): Promise<void> {
	const cache = await ownCache();
	if (!cache) return;
	await Promise.all(
		files.map(async (path) => {
			if (await cache.match(path)) return;
			try {
				const response = await fetch(path);
				if (response.ok) await cache.put(path, response);
			} catch {
				// Offline already: kept when a page next asks for it.
			}
		})
	);
}

async function appFile(request: Request): Promise<Response> {
	const cache = await ownCache();
	const kept = await cache?.match(request);
	if (kept) return kept;
	const response = await fetch(request);
	if (response.ok) await cache?.put(request, response.clone());
	return response;
}

/** The page as the server makes it now; the kept copy only when the server cannot be reached. */
async function phonePage(request: Request, pathname: string): Promise<Response> {
	const cache = await ownCache();
	let response: Response;
	try {
		response = await fetch(request);
	} catch {
		return (await cache?.match(pathname)) ?? Response.error();
	}
	if (response.ok && response.type === 'basic' && !response.redirected) {
		await cache?.put(pathname, response.clone());
	} else if (response.status === 404 || response.status === 410) {
		// The session or the link is gone: its copy must not open offline either.
		await cache?.delete(pathname);
	}
	return response;
}

/** How often each page was forgotten: a keep fetched before the last forget puts nothing. */
const forgets = new Map<string, number>();

async function forgetPage(pathname: string): Promise<void> {
	forgets.set(pathname, (forgets.get(pathname) ?? 0) + 1);
	await (await ownCache())?.delete(pathname);
}

/** Keeps the page this browser opened before the worker controlled it (its first visit). */
async function keepPage(pathname: string): Promise<void> {
	const forgotten = forgets.get(pathname) ?? 0;
	const cache = await ownCache();
	if (!cache || (await cache.match(pathname))) return;
	try {
		const response = await fetch(pathname, { credentials: 'same-origin', redirect: 'manual' });
		if ((forgets.get(pathname) ?? 0) !== forgotten) return;
		if (response.ok && response.type === 'basic') await cache.put(pathname, response);
	} catch {
		// Offline already: kept on the next load.
	}
}
