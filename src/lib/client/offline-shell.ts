import { dev } from '$app/environment';
import { isImmutableAsset, offlineCachePrefix, type ShellMessage } from './offline-pages';

/**
 * Installs the offline shell's worker from a phone page and asks it to keep this page, so a
 * reload without a connection still opens it. Without service workers the phone works online.
 */
export function keepPageOffline(): void {
	if (!('serviceWorker' in navigator)) return;
	let registration: ServiceWorkerRegistration | null = null;
	const keep = (worker: ServiceWorker | null | undefined) => {
		// Its person is gone: nothing more is kept from this page (the next load keeps it again).
		if (forgotten) return;
		// An outgoing worker is left alone: every event it handles delays the new one's activation.
		if (registration?.installing || registration?.waiting) return;
		const message: ShellMessage = { type: 'keep-page', files: loadedAppFiles() };
		worker?.postMessage(message);
	};
	// A new build's worker took over (a deploy): it starts with an empty cache.
	navigator.serviceWorker.addEventListener('controllerchange', () =>
		keep(navigator.serviceWorker.controller)
	);
	navigator.serviceWorker
		.register('/service-worker.js', { type: dev ? 'module' : 'classic' })
		.then(() => navigator.serviceWorker.ready)
		.then((ready) => {
			registration = ready;
			keep(ready.active);
			urgeWaitingWorker(ready);
			return watchLoads(ready, keep);
		})
		.catch(() => {
			// No worker (private mode, storage refused): nothing is kept, the phone works online.
		});
}

/** How often a page asks a new build's waiting worker again to take over. */
const urgeEveryMs = 1_000;

/**
 * A new build's worker skips waiting (install), but it only takes over once the outgoing one has
 * stopped. Chromium asks the outgoing worker to stop once, when the new one has installed; a
 * request from this page (a view, a poll) that reaches the outgoing worker while it stops starts
 * it again and that request is forgotten: the new worker stayed waiting, and the old build's cache
 * with it, until the outgoing one next went idle (30 s without a request, never while a debugger
 * is attached). Each skipWaiting() of the waiting worker asks again, so the page asks a waiting
 * worker to call skipWaiting() every second. It looks on a timer rather than listening for the
 * new worker: a worker that was already installing when the page first looked (its updatefound
 * fired before the page listened) was never urged, and stayed waiting.
 */
function urgeWaitingWorker(registration: ServiceWorkerRegistration): void {
	const message: ShellMessage = { type: 'skip-waiting' };
	setInterval(() => registration.waiting?.postMessage(message), urgeEveryMs);
}

/**
 * Views fetched later (after usable, at idle) may arrive before the worker controls the page:
 * tell the active worker (never an outgoing one) again whenever the page loads more of the app.
 */
function watchLoads(
	registration: ServiceWorkerRegistration,
	keep: (worker: ServiceWorker | null | undefined) => void
): void {
	if (typeof PerformanceObserver === 'undefined') return;
	let pending: ReturnType<typeof setTimeout> | undefined;
	new PerformanceObserver((list) => {
		const more = list.getEntries().some((entry) => isImmutableAsset(new URL(entry.name).pathname));
		if (!more || pending) return;
		pending = setTimeout(() => {
			pending = undefined;
			keep(registration.active);
		}, 200);
	}).observe({ type: 'resource' });
}

/** Set once this page's person is gone: the page asks its worker to keep nothing more. */
let forgotten = false;

/**
 * The person is gone (removed, erased, session deleted): the kept copy of this page goes too,
 * and stays gone. A keep asked before (the page loads more of the app after, say, the "removed"
 * view) could otherwise put it back: the page asks no more, and the worker drops a keep it is
 * still fetching (seen once in a fresh-clone run: the page kept again 15 s after removal).
 */
export function forgetPageOffline(pathname: string = location.pathname): void {
	forgotten = true;
	const message: ShellMessage = { type: 'forget-page' };
	if ('serviceWorker' in navigator) navigator.serviceWorker.controller?.postMessage(message);
	if (typeof caches === 'undefined') return;
	void (async () => {
		for (const name of await caches.keys()) {
			if (name.startsWith(offlineCachePrefix)) await (await caches.open(name)).delete(pathname);
		}
	})().catch(() => {
		// Storage unavailable: nothing was kept.
	});
}

/** The app files this page loaded before its worker could see them (its first visit). */
function loadedAppFiles(): string[] {
	return performance
		.getEntriesByType('resource')
		.map((entry) => new URL(entry.name).pathname)
		.filter(isImmutableAsset);
}
