/**
 * Every conference command an organiser's form sends, posted over HTTP by each kind of
 * organiser: the administrator (no tie), the owner, a co-organiser, a signed-in organiser who is
 * none of these for this conference, and a browser that is not signed in. What each may do is
 * read from the permission table of the core (domain/conference/commands.ts), so a change of the
 * table shows up here; a refusal changes nothing, an allowed command changes the conference.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	authoriseConference,
	conferencePermissions,
	type ConferenceCommand,
	type ConferenceCommandType
} from '$lib/domain/conference/commands';
import type { ConferenceDetails } from '$lib/domain/conference/types';
import type { OrganiserRole } from '$lib/domain/organiser/permissions';
import { createOrganiser, startOrganiserSession } from '$lib/server/auth';
import { loadConferenceState } from '$lib/server/db/conferences';
import { setConferenceTie } from '$lib/server/db/organisers';
import type { App } from '$lib/server/app';
import { newId } from './helpers/client';
import { withApp } from './helpers/conference';
import { checkedParticipantsFile, hiddenFieldsOf, pageOf, post } from './helpers/organiser-http';
import { TestServer } from './helpers/server';
import { conferenceDetails } from '$lib/testing/conference-details';

/** Who posts: an account's roles for the conference, or no sign-in at all. */
const posters = {
	admin: ['admin'],
	owner: ['owner'],
	co_organiser: ['co_organiser'],
	other: [],
	signed_out: null
} satisfies Record<string, OrganiserRole[] | null>;
type Poster = keyof typeof posters;

/** Commands no form sends: the server's own record of what it did. */
const serverOnly: ConferenceCommandType[] = ['group.sessions', 'themes.forget'];
/**
 * Undo needs the poster's own earlier grouping action on the conference; its cells by organiser
 * role are in authorization.test.ts (the round page's commands × organiser roles).
 */
const coveredElsewhere: ConferenceCommandType[] = ['round.undo'];

/** A small conference of its own for each post: ids for the forms' fields. */
interface Target {
	id: string;
	roundId: string;
	groupIds: string[];
	/** People placed by the allocation, and one who came later (in no group yet). */
	placed: string[];
	late: string;
	itemId: string;
}

type Fields = Record<string, string | string[]>;
interface FormPost {
	/** The page under the conference ('' for its home page). */
	page: (t: Target) => string;
	action: string;
	fields: (t: Target) => Fields;
	/** The query that opens the form on its page, when it is not always there. */
	shownBy?: (t: Target) => string;
}

const details: ConferenceDetails = conferenceDetails({ languages: ['nb', 'sv'] });
const person = { country: 'SE', role: 'employer', organisation: '', language: 'sv' };
const item = { day: '2026-05-06', start: '09:00', end: '', kind: 'plenary' };
const round = (t: Target) => `/rounds/${t.roundId}`;

/** The form that sends each command, as its page would post it. */
const forms: Record<
	Exclude<ConferenceCommandType, 'group.sessions' | 'themes.forget' | 'round.undo'>,
	FormPost
> = {
	'conference.edit': {
		page: () => '/setup',
		action: 'save',
		fields: () => ({ ...details, title: 'Nordisk dialog 2026' })
	},
	'programme.add': {
		page: () => '/programme',
		action: 'save',
		fields: () => ({ ...item, title: 'Lunsj' })
	},
	'programme.edit': {
		page: () => '/programme',
		action: 'save',
		fields: (t) => ({ ...item, id: t.itemId, title: 'Velkommen igjen' }),
		shownBy: (t) => `?edit=${t.itemId}`
	},
	'programme.delete': {
		page: () => '/programme',
		action: 'delete',
		fields: (t) => ({ id: t.itemId })
	},
	'role.rename': {
		page: () => '/participants/roles',
		action: 'rename',
		fields: () => ({ id: 'worker', 'label-nb': 'Arbeidstaker', 'group-nb': 'Arbeidstakere' }),
		shownBy: () => '?edit=worker'
	},
	'role.add': {
		page: () => '/participants/roles',
		action: 'add',
		fields: () => ({ language: 'nb', label: 'Tolk', groupLabel: 'Tolker' })
	},
	'participant.add': {
		page: () => '/participants',
		action: 'save',
		fields: () => ({ ...person, name: 'Sen Ankomst' })
	},
	'participant.edit': {
		page: () => '/participants',
		action: 'save',
		fields: (t) => ({ ...person, id: t.placed[0]!, name: 'Nytt Navn' }),
		shownBy: (t) => `?edit=${t.placed[0]}`
	},
	'participant.remove': {
		page: () => '/participants',
		action: 'remove',
		fields: (t) => ({ id: t.placed[0]! })
	},
	// The file is checked by the owner first (see below): this posts the checked file's token.
	'participant.import': {
		page: () => '/participants/import',
		action: 'import',
		fields: () => ({})
	},
	'round.add': {
		page: () => '/rounds',
		action: 'create',
		fields: () => ({
			title: 'Andre gruppearbeid',
			theme: '',
			rule: 'country',
			maxGroupSize: '5',
			questions: 'Hva nå?'
		})
	},
	'round.edit': {
		page: round,
		action: 'save',
		fields: () => ({
			title: 'Første gruppearbeid',
			theme: 'Nytt tema',
			rule: 'mixed',
			maxGroupSize: '3',
			questions: 'Hva hjelper?'
		})
	},
	'round.delete': { page: round, action: 'delete', fields: () => ({}) },
	'round.start': { page: round, action: 'start', fields: () => ({}) },
	'round.group': {
		page: round,
		action: 'move',
		fields: (t) => ({ participantIds: t.late, to: t.groupIds[0]! })
	},
	'group.questions': {
		page: round,
		action: 'questions',
		fields: (t) => ({ groupId: t.groupIds[0]!, questions: 'Hva nå?' })
	},
	'plenum.summary': {
		page: () => '/plenum',
		action: 'summary',
		fields: (t) => ({ roundId: t.roundId, summary: 'Felles funn' })
	},
	'plenum.present': {
		page: () => '/plenum',
		action: 'present',
		fields: (t) => ({ roundId: t.roundId, groupId: t.groupIds[0]! })
	},
	'notice.set': { page: () => '', action: 'notice', fields: () => ({ notice: 'Kaffe i foajeen' }) },
	'themes.edit': {
		page: (t) => `${round(t)}/themes`,
		action: 'reset',
		fields: () => ({})
	},
	'themes.present': {
		page: (t) => `${round(t)}/themes`,
		action: 'present',
		fields: () => ({ themeId: '' })
	}
};
type FormCommand = keyof typeof forms;
const formCommands = Object.keys(forms) as FormCommand[];

let server: TestServer;
const cookies = {} as Record<Exclude<Poster, 'signed_out'>, string>;
/** A fresh conference for each command and poster. */
const targets = new Map<string, Target>();
const cell = (type: FormCommand, poster: Poster) => `${type} ${poster}`;

async function account(app: App, username: string, admin: boolean) {
	const organiser = await createOrganiser(
		app.stores.organisers,
		{ username, displayName: username, password: 'a long enough password', admin },
		Date.now()
	);
	return {
		id: organiser.id,
		cookie: `samrad_organiser=${await startOrganiserSession(app.stores, organiser.id, Date.now())}`
	};
}

async function seed(app: App, ownerId: string, coId: string): Promise<Target> {
	const conferences = app.conferences;
	const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
		if (!r.ok) throw new Error(JSON.stringify(r.error));
		return r.value;
	};
	const id = must(await conferences.create(details, ownerId)).id;
	setConferenceTie(app.db, id, coId, 'co_organiser', Date.now());
	const people = ['Anna', 'Bo', 'Cecilie', 'Dag', 'Eva', 'Finn'].map((name, i) => ({
		name,
		country: i % 2 ? 'NO' : 'DK',
		role: i < 3 ? 'worker' : 'employer',
		organisation: '',
		language: 'nb' as const,
		coordinator: false
	}));
	must(await conferences.addParticipants(id, people));
	const itemId = must(
		await conferences.saveProgrammeItem(id, null, { ...item, title: 'Velkommen', kind: 'plenary' })
	).id;
	const roundId = must(
		await conferences.saveRound(id, null, {
			title: 'Første gruppearbeid',
			theme: '',
			rule: 'mixed',
			maxGroupSize: 3,
			questions: ['Hva hjelper?']
		})
	).id;
	must(await conferences.allocate(id, roundId));
	const late = must(
		await conferences.saveParticipant(id, null, { ...people[0]!, name: 'Gunnar Sen' })
	).id;
	// The round's themes confirmed and one presented: the forms to reset them and to stop show.
	const groupId = (await conferences.roundDetail(id, roundId, 'nb'))!.groups[0]!.id;
	const theme = {
		id: `${groupId}/q:n:1`,
		heading: 'Lønn',
		entries: [{ groupId, itemId: 'q:n:1', rank: 1, points: 3 }]
	};
	const commands: ConferenceCommand[] = [
		{ type: 'themes.edit', roundId, proposal: [theme], edit: { kind: 'confirm' } },
		{ type: 'themes.present', roundId, themeId: theme.id }
	];
	for (const command of commands) {
		const done = await conferences.dispatch(id, command);
		if (!done.ok) throw new Error(JSON.stringify(done.error));
	}
	const detail = (await conferences.roundDetail(id, roundId, 'nb'))!;
	return {
		id,
		roundId,
		groupIds: detail.groups.map((g) => g.id),
		placed: detail.groups.flatMap((g) => g.memberIds),
		late,
		itemId
	};
}

/** The conference as stored, to tell a change from none. */
function stored(conferenceId: string): string {
	const db = new Database(server.databasePath, { readonly: true });
	try {
		return JSON.stringify(loadConferenceState(db, conferenceId));
	} finally {
		db.close();
	}
}

type Outcome = 'applied' | 'refused' | 'sign-in';

beforeAll(async () => {
	server = new TestServer();
	await withApp(server.databasePath, async (app) => {
		const admin = await account(app, 'admin', true);
		const owner = await account(app, 'owner', false);
		const co = await account(app, 'co.organiser', false);
		const other = await account(app, 'other', false);
		Object.assign(cookies, {
			admin: admin.cookie,
			owner: owner.cookie,
			co_organiser: co.cookie,
			other: other.cookie
		});
		for (const type of formCommands) {
			for (const poster of Object.keys(posters) as Poster[]) {
				targets.set(cell(type, poster), await seed(app, owner.id, co.id));
			}
		}
	});
	await server.start();
}, 120_000);

afterAll(async () => {
	await server?.dispose();
});

describe('the organiser forms over HTTP, by organiser role', () => {
	it("send every command of the permission table but the server's own", () => {
		const table = Object.keys(conferencePermissions).sort();
		expect([...formCommands, ...serverOnly, ...coveredElsewhere].sort()).toEqual(table);
		for (const type of serverOnly) expect(conferencePermissions[type]).toEqual(['system']);
	});

	it('each of these forms, as its page serves it, carries a command id', async () => {
		for (const type of formCommands) {
			// A target nobody changes (the other organiser's posts are refused).
			const t = targets.get(cell(type, 'other'))!;
			const form = forms[type];
			const fields =
				type === 'participant.import'
					? [await checkedParticipantsFile(server, cookies.owner, t.id)]
					: hiddenFieldsOf(
							await pageOf(
								server,
								`/organiser/conferences/${t.id}${form.page(t)}${form.shownBy?.(t) ?? ''}`,
								cookies.owner
							),
							`?/${form.action}`
						);
			expect(fields.length, `${type}: no form posting to ?/${form.action}`).toBeGreaterThan(0);
			for (const hidden of fields) expect(hidden.commandId, type).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
		}
	});

	for (const type of formCommands) {
		for (const poster of Object.keys(posters) as Poster[]) {
			const roles = posters[poster];
			const expected: Outcome =
				roles === null
					? 'sign-in'
					: authoriseConference({ role: 'organiser', roles, accountId: poster }, type) === null
						? 'applied'
						: 'refused';
			it(`${type} from ${poster.replace('_', ' ')}: ${expected}`, async () => {
				const t = targets.get(cell(type, poster))!;
				const form = forms[type];
				const extra =
					type === 'participant.import'
						? await checkedParticipantsFile(server, cookies.owner, t.id)
						: {};
				const before = stored(t.id);
				const path = `/organiser/conferences/${t.id}${form.page(t)}?/${form.action}`;
				const cookie = poster === 'signed_out' ? '' : cookies[poster];
				const response = await post(
					server,
					path,
					{ commandId: newId(), ...form.fields(t), ...extra },
					{ cookie }
				);
				const location = response.headers.get('location') ?? '';
				const outcome: Outcome =
					response.status === 303 && location.startsWith('/organiser/login')
						? 'sign-in'
						: response.status === 403 || response.status === 404
							? 'refused'
							: 'applied';
				const body = outcome === 'applied' ? '' : (await response.text()).slice(0, 300);
				expect(outcome, `POST ${path}: ${response.status} ${location} ${body}`).toBe(expected);
				if (expected === 'applied') {
					expect([200, 303], `POST ${path}`).toContain(response.status);
					expect(stored(t.id), `${type} changed nothing`).not.toBe(before);
				} else {
					expect(stored(t.id), `${type} from ${poster} changed the conference`).toBe(before);
				}
			});
		}
	}
});
