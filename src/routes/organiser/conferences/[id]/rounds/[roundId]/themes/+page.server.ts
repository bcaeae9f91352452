import { error, fail } from '@sveltejs/kit';
import type { ConferenceCommand } from '$lib/domain/conference/commands';
import { themeHeadingMax } from '$lib/domain/synthesis/perspective';
import type { ThemeEdit } from '$lib/domain/synthesis/themes';
import { fixedT } from '$lib/i18n';
import { formError } from '$lib/organiser/form-errors';
import { useApp } from '$lib/server/app';
import { refusalStatus, sendFromForm } from '$lib/server/organiser-commands';
import { field } from '$lib/server/organiser-forms';
import { linkOrigin, requireConference } from '$lib/server/organiser-access';
import { roundPerspective } from '$lib/server/perspective';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The perspective map of a round: the proposal or the organiser's themes, to confirm and present. */
export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const lang = event.locals.lang;
	const found = await roundPerspective(useApp(), conference.id, event.params.roundId, lang);
	if (!found) error(404, { message: fixedT(lang)('organiser.roundDetail.notFound') });
	const { round, stored, view, state } = found;
	const presentingHere =
		state.conference.plenumRoundId === round.id && state.conference.plenumGroupId === null;
	return {
		round: { id: round.id, position: round.position, title: round.title },
		map: view,
		confirmedAt: stored?.confirmedAt ?? null,
		edited: stored !== null,
		presenting: presentingHere ? (stored?.presenting ?? null) : null,
		plenumLink: `${linkOrigin(event.url)}/plenum/${state.conference.plenumToken}`,
		headingMax: themeHeadingMax
	};
};

/** Which form answered: the page puts its message next to it. */
type Scope = 'confirm' | 'rename' | 'merge' | 'split' | 'reset' | 'present';

/** Sends one edit of the round's themes, the proposal made here from the groups' results. */
async function send(event: RequestEvent, scope: Scope, build?: (form: FormData) => ThemeEdit) {
	const conference = await requireConference(event, 'edit');
	const form = await event.request.formData();
	const roundId = event.params.roundId;
	const themeId = field(form, 'themeId');
	let command: ConferenceCommand;
	if (!build) {
		command = { type: 'themes.present', roundId, themeId: themeId || null };
	} else {
		const found = await roundPerspective(useApp(), conference.id, roundId, event.locals.lang);
		if (!found) return fail(404, { scope, themeId, errors: [formError({ code: 'not_found' })] });
		command = { type: 'themes.edit', roundId, proposal: found.proposal.themes, edit: build(form) };
	}
	const done = await sendFromForm(event, conference.id, form, command);
	if (!done.ok)
		return fail(refusalStatus(done.error), {
			scope,
			themeId,
			values: { heading: field(form, 'heading') },
			errors: [formError(done.error)]
		});
	return { scope, themeId, done: true };
}

const entryKeys = (form: FormData) =>
	form.getAll('entryKey').filter((v): v is string => typeof v === 'string' && v !== '');

export const actions: Actions = {
	confirm: (event) => send(event, 'confirm', () => ({ kind: 'confirm' })),
	reset: (event) => send(event, 'reset', () => ({ kind: 'reset' })),
	rename: (event) =>
		send(event, 'rename', (form) => ({
			kind: 'rename',
			themeId: field(form, 'themeId'),
			heading: field(form, 'heading')
		})),
	merge: (event) =>
		send(event, 'merge', (form) => ({
			kind: 'merge',
			themeId: field(form, 'themeId'),
			intoThemeId: field(form, 'intoThemeId')
		})),
	split: (event) =>
		send(event, 'split', (form) => ({
			kind: 'split',
			themeId: field(form, 'themeId'),
			entryKeys: entryKeys(form),
			heading: field(form, 'heading')
		})),
	present: (event) => send(event, 'present')
};
