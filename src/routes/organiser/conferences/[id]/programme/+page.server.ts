import { fail, redirect } from '@sveltejs/kit';
import { localeTags } from '$lib/i18n';
import { formError } from '$lib/organiser/form-errors';
import { refusalStatus, sendFromForm } from '$lib/server/organiser-commands';
import { randomToken } from '$lib/server/tokens';
import { formatTimeRange, formatWeekday } from '$lib/organiser/format';
import { useApp } from '$lib/server/app';
import type { ProgrammeItem } from '$lib/domain/conference/types';
import { field, readProgrammeItem } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const items = await useApp().conferences.programme(conference.id);
	const editId = event.url.searchParams.get('edit');
	const locale = localeTags[event.locals.lang];
	// Items come sorted by day and time: one run per day, labelled here (full date data).
	const days: { day: string; label: string; items: (ProgrammeItem & { time: string })[] }[] = [];
	for (const item of items) {
		const entry = { ...item, time: formatTimeRange(item.start, item.end, locale) };
		const last = days.at(-1);
		if (last && last.day === item.day) last.items.push(entry);
		else days.push({ day: item.day, label: formatWeekday(item.day, locale), items: [entry] });
	}
	return {
		days,
		editing: items.find((i) => i.id === editId) ?? null,
		defaultDay: items.at(-1)?.day ?? conference.startDate
	};
};

export const actions: Actions = {
	save: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const id = field(form, 'id') || null;
		const values = readProgrammeItem(form);
		const saved = await sendFromForm(
			event,
			conference.id,
			form,
			id
				? { type: 'programme.edit', itemId: id, item: values }
				: { type: 'programme.add', itemId: randomToken(12), item: values }
		);
		if (!saved.ok)
			return fail(refusalStatus(saved.error), { id, values, errors: [formError(saved.error)] });
		// Editing ends on the list; adding stays ready for the next item.
		if (id) redirect(303, `/organiser/conferences/${conference.id}/programme`);
		const item = saved.state?.programme.find((p) => p.id === saved.result.itemId) ?? values;
		return { added: item.title, day: item.day };
	},
	delete: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const done = await sendFromForm(event, conference.id, form, {
			type: 'programme.delete',
			itemId: field(form, 'id')
		});
		// A refusal is shown as one: the item is still there.
		if (!done.ok)
			return fail(refusalStatus(done.error), { id: null, errors: [formError(done.error)] });
		redirect(303, `/organiser/conferences/${conference.id}/programme`);
	}
};
