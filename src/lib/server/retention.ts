/**
 * Automatic deletion (RETENTION_DAYS): runs at start and every six hours, and by hand with
 * `npm run retention`. What is due is decided in the domain (last activity, postponement,
 * kept for good); this module reads the facts, deletes, and logs each deletion by id.
 */
import {
	deletionTime,
	dueForDeletion,
	isoDay,
	isWarned,
	postponedUntil
} from '$lib/domain/retention';
import type { App } from './app';
import { mayOnConference } from './conference-access';
import { log } from './log';
import type {
	ConferenceRetentionFacts,
	Organiser,
	SessionRetentionFacts,
	StoreSet
} from './stores';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'config' | 'stores' | 'conferences' | 'sessions' | 'bus'> &
	Parameters<typeof mayOnConference>[0];

/** What automatic deletion would delete now. */
export interface RetentionPlan {
	conferences: ConferenceRetentionFacts[];
	sessions: SessionRetentionFacts[];
}

/** The conferences and stand-alone sessions that are due now; nothing is changed. */
export async function planRetention(
	stores: Pick<StoreSet, 'conferences' | 'sessions'>,
	days: number | null,
	now: number
): Promise<RetentionPlan> {
	if (days === null) return { conferences: [], sessions: [] };
	return {
		conferences: dueForDeletion(await stores.conferences.retention(), days, now),
		sessions: dueForDeletion(await stores.sessions.retention(), days, now)
	};
}

/**
 * Deletes what is due, each logged as `retention.deleted` with its id (never a title). Answers
 * null, deleting nothing, while another process of the installation is doing it.
 */
export function applyRetention(
	app: Uses,
	now: number = Date.now()
): Promise<{ conferences: number; sessions: number } | null> {
	return app.stores.alone('retention', () => deleteDue(app, now));
}

async function deleteDue(
	app: Uses,
	now: number
): Promise<{ conferences: number; sessions: number }> {
	const days = app.config.retentionDays;
	const plan = await planRetention(app.stores, days, now);
	const logDeleted = (id: { conferenceId: string } | { sessionId: string }, lastActivity: number) =>
		log.info('retention.deleted', { ...id, lastActivity: isoDay(lastActivity), days });
	for (const conference of plan.conferences) {
		await app.conferences.delete(conference.id);
		logDeleted({ conferenceId: conference.id }, conference.lastActivity);
	}
	if (plan.sessions.length > 0) {
		await app.stores.transaction(async (tx) => {
			for (const session of plan.sessions) await tx.sessions.removeStandalone(session.id);
		});
		await app.stores.erase();
		for (const session of plan.sessions) {
			app.sessions.evict(session.id);
			// Phones, screens and consoles still open on it are told, here and on other processes.
			app.bus.publish({ type: 'session', sessionId: session.id, deleted: true });
			logDeleted({ sessionId: session.id }, session.lastActivity);
		}
	}
	return { conferences: plan.conferences.length, sessions: plan.sessions.length };
}

/** Runs retention now and then every six hours (the timer does not keep the process alive). */
export function scheduleRetention(app: Uses): () => Promise<void> {
	let running: Promise<void> = Promise.resolve();
	const run = async () => {
		try {
			await applyRetention(app);
		} catch (error) {
			log.error('retention.failed', {
				error: error instanceof Error ? error.message : String(error)
			});
		}
	};
	running = run();
	const timer = setInterval(() => void (running = run()), 6 * 60 * 60 * 1000);
	timer.unref();
	// Stopping waits for a run under way: the database must not close under it.
	return () => {
		clearInterval(timer);
		return running;
	};
}

/** A conference's automatic deletion, as the organiser's pages show it. */
export interface DeletionSchedule {
	/** The day it will be deleted (yyyy-mm-dd, UTC); null when it never will. */
	deleteOn: string | null;
	kept: boolean;
	/** Deletion is close: the organiser's home page warns. */
	warn: boolean;
}

/** Every conference's deletion schedule, by conference id. */
export async function deletionSchedules(
	app: Uses,
	now: number
): Promise<Map<string, DeletionSchedule>> {
	const days = app.config.retentionDays;
	return new Map(
		(await app.stores.conferences.retention()).map((facts) => {
			const at = deletionTime(facts, days);
			return [
				facts.id,
				{
					deleteOn: at === null ? null : isoDay(at),
					kept: facts.kept,
					warn: isWarned(facts, days, now)
				}
			];
		})
	);
}

/** The day a postponement made now would move the deletion to; null with retention off. */
export function postponedDay(app: Uses, now: number): string | null {
	const days = app.config.retentionDays;
	return days === null ? null : isoDay(postponedUntil(days, now));
}

/** Postpones a conference's deletion by a whole retention period; the new day, or null. */
export async function postponeDeletion(
	app: Uses,
	conferenceId: string,
	now: number
): Promise<string | null> {
	const days = app.config.retentionDays;
	if (days === null) return null;
	const until = postponedUntil(days, now);
	if (!(await app.stores.conferences.postponeDeletion(conferenceId, until))) return null;
	log.info('retention.postponed', { conferenceId, until: isoDay(until) });
	return isoDay(until);
}

/** Keeps a conference for good, or lets automatic deletion apply to it again. */
export async function keepForGood(
	app: Uses & Pick<App, 'stores'>,
	organiser: Organiser,
	conferenceId: string,
	kept: boolean
): Promise<'done' | 'forbidden' | 'not_found'> {
	if (!(await mayOnConference(app, organiser, conferenceId, 'keep_retention'))) return 'forbidden';
	if (!(await app.stores.conferences.setKept(conferenceId, kept))) return 'not_found';
	log.info('retention.kept', { conferenceId, kept, organiserId: organiser.id });
	return 'done';
}
