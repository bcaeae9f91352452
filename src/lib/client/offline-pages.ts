/** Names of the caches the offline shell's worker keeps; the version follows the prefix. */
export const offlineCachePrefix = 'samrad-offline-';

/**
 * Phone pages the worker keeps for reopening without a connection: a session joined by code
 * (`/j/<code>`), a member's personal link (`/c/<token>`) and a member's device (`/c/d/<token>`).
 * Picking a name (`/k/<code>`) lists other people and needs the server anyway: not kept.
 */
export function isOfflinePage(pathname: string): boolean {
	return (
		/^\/j\/[A-Za-z0-9_-]{1,64}$/.test(pathname) ||
		/^\/c\/(d\/)?[A-Za-z0-9_-]{16,64}$/.test(pathname)
	);
}

/** The app's own files: named by their content hash, the same for everyone, never changed. */
export function isImmutableAsset(pathname: string): boolean {
	return pathname.startsWith('/_app/immutable/');
}

/**
 * What a page asks its worker: keep this page and the app files it loaded (their paths); forget
 * this page (its person is gone), also if a keep is still on its way; or, asked of a new build's
 * waiting worker, take over now.
 */
export type ShellMessage =
	{ type: 'keep-page'; files: string[] } | { type: 'forget-page' } | { type: 'skip-waiting' };
