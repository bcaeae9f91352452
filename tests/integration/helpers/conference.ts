/** Conferences set up through the real service on the server's database file, before it starts. */
import type { GroupingRule } from '$lib/domain/conference/allocation';
import { sigtunaParticipants } from '$lib/domain/conference/fixtures/sigtuna-2010';
import type { ParticipantFields } from '$lib/domain/conference/types';
import { createApp, type App, type ServerApp } from '$lib/server/app';
import { createOrganiser, startOrganiserSession } from '$lib/server/auth';
import { readConfig } from '$lib/server/config';
import { withStoreApp, type Store } from './engine';
import { root } from './server';

/** Sigtuna 2010 participants as roster rows, each speaking Norwegian. */
export function sigtunaRows(people: typeof sigtunaParticipants): ParticipantFields[] {
	return people.map((p) => ({
		name: p.name,
		country: p.country,
		role: p.role,
		organisation: '',
		language: 'nb',
		coordinator: p.coordinator
	}));
}

/** What a test needs to reach a seeded conference. */
export interface SeededConference {
	conferenceId: string;
	joinCode: string;
	plenumToken: string;
	organiserCookie: string;
	roundId: string;
	members: { id: string; name: string; token: string }[];
	groups: {
		id: string;
		name: string;
		memberIds: string[];
		sessionId: string;
		/** The group session's own code: it admits nobody (members join through the conference). */
		joinCode: string;
		facilitatorToken: string;
		screenToken: string;
	}[];
}

/** An account, signed in, tied to `conferenceId` in `tie` if given: its id and Cookie header. */
export async function signedInAccount(
	app: ServerApp,
	{ username, displayName, admin }: { username: string; displayName: string; admin: boolean },
	tie?: { conferenceId: string; role: 'owner' | 'co_organiser' }
): Promise<{ id: string; cookie: string }> {
	const organiser = await createOrganiser(
		app.stores.organisers,
		{ username, displayName, password: 'a long enough password', admin },
		Date.now()
	);
	if (tie) await app.stores.organisers.setTie(tie.conferenceId, organiser.id, tie.role, Date.now());
	const token = await startOrganiserSession(app.stores, organiser.id, Date.now());
	return { id: organiser.id, cookie: `samrad_organiser=${token}` };
}

/**
 * The installation's first account (its administrator), signed in, owning `conferenceId` if
 * given: its id and Cookie header.
 */
export async function firstAccount(app: ServerApp, conferenceId?: string) {
	const account = { username: 'organiser', displayName: 'Organiser', admin: true };
	return await signedInAccount(
		app,
		account,
		conferenceId ? { conferenceId, role: 'owner' } : undefined
	);
}

/** A co-organiser of `conferenceId` ("Co Organiser"), signed in: their Cookie header. */
export async function coOrganiserCookie(app: ServerApp, conferenceId: string): Promise<string> {
	const account = { username: 'co.organiser', displayName: 'Co Organiser', admin: false };
	return (await signedInAccount(app, account, { conferenceId, role: 'co_organiser' })).cookie;
}

/**
 * Opens the app on a database file (the server must not be running), runs `fn`, closes it.
 * Every service reads `clock` (a fake "now" in tests of time).
 */
export async function withApp<T>(
	databasePath: string,
	fn: (app: App) => Promise<T> | T,
	clock?: () => number
): Promise<T> {
	const app = await createApp(
		readConfig({ DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' }),
		root,
		{
			clock
		}
	);
	try {
		return await fn(app);
	} finally {
		app.db.close();
	}
}

/**
 * The Sigtuna 2010 participants (40 people, five countries) in one conference, with one round
 * allocated by `rule` and started, so every group has its session and members.
 */
export async function seedConference(
	/** The server's SQLite file, or a store of either engine. */
	target: string | Store,
	{ rule = 'mixed', maxGroupSize = 7, questions = ['What helps people keep their jobs?'] } = {} as {
		rule?: GroupingRule;
		maxGroupSize?: number;
		questions?: string[];
	}
): Promise<SeededConference> {
	const on = <T>(fn: (app: ServerApp) => Promise<T>) =>
		typeof target === 'string' ? withApp(target, fn) : withStoreApp(target, fn);
	return await on(async (app) => {
		const conferences = app.conferences;
		const created = await conferences.create({
			title: 'Nordisk dialog om supported employment',
			subtitle: 'Dialogkonferanse',
			venue: 'Sigtuna',
			startDate: '2026-05-06',
			endDate: '2026-05-06',
			about: '',
			introduction: '',
			organisation: '',
			author: '',
			introductionBy: '',
			language: 'nb',
			languages: ['nb', 'sv', 'da', 'is', 'fi']
		});
		if (!created.ok) throw new Error(JSON.stringify(created.error));
		const conferenceId = created.value.id;
		const added = await conferences.addParticipants(conferenceId, sigtunaRows(sigtunaParticipants));
		if (!added.ok) throw new Error(JSON.stringify(added.error));
		const round = await conferences.saveRound(conferenceId, null, {
			title: 'Første gruppearbeid',
			theme: 'Jobbfastholdelse',
			rule,
			maxGroupSize,
			questions
		});
		if (!round.ok) throw new Error(JSON.stringify(round.error));
		const allocated = await conferences.allocate(conferenceId, round.value.id);
		if (!allocated.ok) throw new Error(JSON.stringify(allocated.error));
		const started = await conferences.startRound(conferenceId, round.value.id);
		if (!started.ok) throw new Error(JSON.stringify(started.error));
		const organiser = await firstAccount(app, conferenceId);
		const detail = (await conferences.roundDetail(conferenceId, round.value.id, 'en'))!;
		return {
			conferenceId,
			joinCode: created.value.joinCode,
			plenumToken: created.value.plenumToken,
			organiserCookie: organiser.cookie,
			roundId: round.value.id,
			members: (await conferences.participants(conferenceId)).map((p) => ({
				id: p.id,
				name: p.name,
				token: p.personalToken
			})),
			groups: (await Promise.all(detail.groups.map((g) => app.sessions.get(g.sessionId!)))).map(
				(found, i) => {
					const g = detail.groups[i]!;
					const session = found!;
					return {
						id: g.id,
						name: g.name,
						memberIds: g.memberIds,
						sessionId: session.access.id,
						joinCode: session.access.joinCode,
						facilitatorToken: session.access.facilitatorToken,
						screenToken: session.access.screenToken
					};
				}
			)
		};
	});
}
