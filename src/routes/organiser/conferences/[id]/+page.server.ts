import { fail } from '@sveltejs/kit';
import { formError } from '$lib/organiser/form-errors';
import { refusalStatus, sendFromForm } from '$lib/server/organiser-commands';
import { useApp } from '$lib/server/app';
import { conferenceLimits } from '$lib/server/conferences';
import { field } from '$lib/server/organiser-forms';
import {
	conferenceOrganisers,
	mayOnConference,
	shareCandidates,
	shareConference,
	unshareConference
} from '$lib/server/conference-access';
import { linkOrigin, requireConference, requireOrganiser } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const organiser = await requireOrganiser(event);
	const app = useApp();
	const organisers = await conferenceOrganisers(app, conference.id);
	const origin = linkOrigin(event.url);
	const people = await app.conferences.participants(conference.id);
	const names = new Map(people.map((p) => [p.id, p.name]));
	const rounds = await app.conferences.rounds(conference.id);
	const allocated = await Promise.all(
		rounds.map(async (r) => {
			const round = await app.conferences.roundDetail(conference.id, r.id, event.locals.lang);
			return round!.groups.length > 0;
		})
	);
	const detail = conference.currentRoundId
		? await app.conferences.roundDetail(conference.id, conference.currentRoundId, event.locals.lang)
		: null;
	const sessionAccess = new Map(
		(
			await Promise.all(
				(detail?.groups ?? []).map((g) => (g.sessionId ? app.sessions.get(g.sessionId) : null))
			)
		).flatMap((session) => (session ? [[session.access.id, session.access] as const] : []))
	);
	return {
		conference: {
			id: conference.id,
			title: conference.title,
			subtitle: conference.subtitle,
			notice: conference.notice,
			noticeAt: conference.noticeAt,
			joinCode: conference.joinCode
		},
		links: {
			join: `${origin}/k/${conference.joinCode}`,
			plenum: `${origin}/plenum/${conference.plenumToken}`
		},
		counts: {
			programme: (await app.conferences.programme(conference.id)).length,
			participants: people.length,
			rounds: rounds.length,
			allocated: allocated.filter(Boolean).length
		},
		current: detail && {
			id: detail.id,
			title: detail.title,
			position: detail.position,
			groups: detail.groups
				.filter((g) => g.shown)
				.map((g) => {
					const access = g.sessionId ? (sessionAccess.get(g.sessionId) ?? null) : null;
					return {
						id: g.id,
						name: g.name,
						members: g.memberIds.length,
						leaders: g.leaders.map((id) => names.get(id) ?? '').filter(Boolean),
						console: access ? `${origin}/console/${access.facilitatorToken}` : null,
						screen: access ? `${origin}/screen/${access.screenToken}` : null
					};
				})
		},
		noticeMax: conferenceLimits.notice,
		organisers,
		shareWith: (await mayOnConference(app, organiser, conference.id, 'share'))
			? await shareCandidates(app, conference.id)
			: null
	};
};

export const actions: Actions = {
	/** A message on every screen and phone; sending an empty one (or Clear) removes it. */
	notice: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const notice = form.get('clear') !== null ? '' : field(form, 'notice');
		const result = await sendFromForm(event, conference.id, form, { type: 'notice.set', notice });
		if (!result.ok) {
			return fail(refusalStatus(result.error), {
				scope: 'notice',
				values: { notice },
				errors: [formError(result.error, { notice: 'notice' })]
			});
		}
		return { scope: 'notice', sent: notice !== '' };
	},
	/** Shares the conference with a colleague's account (the owner only). */
	share: async (event) => {
		const conference = await requireConference(event, 'share');
		const username = field(await event.request.formData(), 'username').slice(0, 100);
		const shared = await shareConference(useApp(), conference.id, username);
		if (!shared.ok) {
			return fail(422, {
				scope: 'share',
				errors: [{ field: 'username', key: `organiser.sharing.problem.${shared.problem}` }]
			});
		}
		return { scope: 'share', shared: shared.organiser.displayName };
	},
	/** Takes a co-organiser off the conference; their open pages and overview stop working. */
	unshare: async (event) => {
		const conference = await requireConference(event, 'share');
		const organiserId = field(await event.request.formData(), 'organiserId');
		const name = (await conferenceOrganisers(useApp(), conference.id)).find(
			(o) => o.id === organiserId && o.tie === 'co_organiser'
		)?.displayName;
		if (!name || !(await unshareConference(useApp(), conference.id, organiserId))) {
			return fail(404, {
				scope: 'share',
				errors: [{ field: null, key: 'organiser.sharing.problem.not_shared' }]
			});
		}
		return { scope: 'share', removed: name };
	}
};
