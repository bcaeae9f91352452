/**
 * A stand-alone workshop as it looks after the day, stored through the session service, for
 * tests and screenshots. Nothing here is imported by the running app.
 */
import type { SessionSpec } from '$lib/domain/report/session-builder';
import type { App } from '../app';
import type { SessionAccess } from '../stores';
import { dispatchCommand, playStored } from './test-conference';

/**
 * Creates the workshop as /new does, lets its people join (phones) or be added (no phone), and
 * plays its questions with the commands people send live. Returns its codes and links.
 */
export async function seedPlayedWorkshop(
	app: App,
	spec: Omit<SessionSpec, 'id'>
): Promise<SessionAccess> {
	const created = await app.sessions.create({
		title: spec.title,
		questions: spec.questions.map((q) => q.text),
		language: spec.language,
		settings: { anonymous: !spec.named, ...(spec.topN ? { topN: spec.topN } : {}) }
	});
	if (!created.ok) throw new Error(`${spec.title}: create refused: ${created.error.code}`);
	const { access } = created;
	const withoutPhone = new Set<string>();
	for (const person of spec.people) {
		if (person.withoutPhone) withoutPhone.add(person.id);
		await dispatchCommand(
			app,
			access.id,
			{
				type: person.withoutPhone ? 'participant.add' : 'participant.join',
				participantId: person.id,
				name: person.name
			},
			person.withoutPhone ? { role: 'facilitator' } : { role: 'guest' }
		);
	}
	await playStored(app, access.id, {
		idPrefix: 'w',
		questions: spec.questions,
		withoutPhone,
		reflection: spec.reflection
	});
	return access;
}
