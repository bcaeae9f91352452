import type { Timer } from '$lib/domain/session/types';

/** Milliseconds left on an advisory timer at server time `now` (negative when over time). */
export function remainingMs(timer: Timer, now: number): number {
	const running = timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt);
	return timer.durationMs - timer.elapsedMs - running;
}

/** m:ss (or h:mm:ss) of a non-negative duration, rounded up to whole seconds. */
export function formatDuration(ms: number): string {
	const total = Math.ceil(Math.abs(ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const ss = String(s).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
