import type { Cookies } from '@sveltejs/kit';
import * as v from 'valibot';
import type { ConferenceCommand } from '$lib/domain/conference/commands';
import { refuse, type DomainError } from '$lib/domain/errors';
import { clientId } from '$lib/realtime/contract';
import { useApp } from './app';
import { conferenceRoles } from './conference-access';
import { conferenceScope, type Dispatched } from './conferences';
import { requireOrganiser } from './organiser-access';
import { field } from './organiser-forms';

/**
 * Sends a conference command from an organiser's form, as that account with its roles for the
 * conference, under the form's command id: the same form posted twice applies once.
 */
export async function sendFromForm(
	event: { cookies: Cookies; url: URL },
	conferenceId: string,
	form: FormData,
	command: ConferenceCommand
): Promise<Dispatched> {
	return (await formSender(event, conferenceId, form))(command);
}

/** The organiser's form as a sender of commands (sendFromForm), its account read once. */
export async function formSender(
	event: { cookies: Cookies; url: URL },
	conferenceId: string,
	form: FormData
): Promise<(command: ConferenceCommand) => Promise<Dispatched>> {
	const app = useApp();
	const organiser = await requireOrganiser(event);
	const commandId = field(form, 'commandId') || null;
	if (commandId !== null && !v.is(clientId, commandId)) {
		const refused = refuse('invalid_payload', { field: 'commandId' });
		return async () => ({ ok: false, error: refused });
	}
	const sender = {
		actor: {
			role: 'organiser' as const,
			roles: await conferenceRoles(app, organiser, conferenceId),
			accountId: organiser.id
		},
		scope: `${conferenceScope(conferenceId)}o:${organiser.id}`
	};
	return (command) => app.conferences.dispatch(conferenceId, command, sender, commandId);
}

/** The status of a refused form: an id already used for something else is a conflict. */
export function refusalStatus(error: DomainError): 403 | 409 | 422 {
	if (error.code === 'conflict') return 409;
	return error.code === 'forbidden' ? 403 : 422;
}
