import { fail } from '@sveltejs/kit';
import { fixedT, localeTags } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { conferenceDevices, decideDevice, releaseDevice } from '$lib/server/identity';
import { field } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

/** Which devices use whose name: requests to let in, and every device, which can be released. */
export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const app = useApp();
	const names = new Map(
		(await app.conferences.participants(conference.id)).map((p) => [p.id, p.name])
	);
	// Formatted here, in the organiser's language (like the conference's dates).
	const when = new Intl.DateTimeFormat(localeTags[event.locals.lang], {
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit'
	});
	const devices = (await conferenceDevices(app, conference.id)).map((b) => ({
		id: b.id,
		participantId: b.participantId,
		name: names.get(b.participantId) ?? '',
		device: b.device,
		kind: b.kind,
		status: b.status,
		checkCode: b.checkCode,
		since: when.format(b.createdAt),
		lastSeen: when.format(b.lastSeenAt)
	}));
	const people = [
		...new Set(devices.filter((d) => d.status !== 'pending').map((d) => d.participantId))
	]
		.map((id) => ({
			id,
			name: names.get(id) ?? '',
			devices: devices.filter((d) => d.participantId === id && d.status !== 'pending')
		}))
		.sort((a, b) => a.name.localeCompare(b.name, event.locals.lang));
	return {
		waiting: devices.filter((d) => d.status === 'pending'),
		people,
		participants: names.size
	};
};

export const actions: Actions = {
	/** Lets a waiting device in, or turns it down. */
	decide: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const decision = field(form, 'decision');
		const t = fixedT(event.locals.lang);
		if (decision !== 'approve' && decision !== 'refuse')
			return fail(400, { error: t('errors.invalid_payload') });
		const decided = await decideDevice(
			useApp(),
			{ role: 'organiser' },
			conference.id,
			field(form, 'id'),
			decision === 'approve'
		);
		if (!decided.ok) return fail(409, { error: t(`errors.${decided.error.code}`) });
		return { decided: decision };
	},
	/** Signs a device out of a name: it is disconnected at once and told why. */
	release: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const released = await releaseDevice(
			useApp(),
			{ role: 'organiser' },
			conference.id,
			field(form, 'id')
		);
		if (!released.ok)
			return fail(409, { error: fixedT(event.locals.lang)(`errors.${released.error.code}`) });
		return { released: true };
	}
};
