import * as v from 'valibot';
import type { DomainError } from '$lib/domain/errors';
import { limits } from '$lib/domain/limits';
import { languages } from '$lib/domain/session/types';
import type { App } from '../app';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'sessions'>;

/** Input for a stand-alone session, from the landing page's form or the JSON API. */
export const newSessionSchema = v.object({
	title: v.pipe(v.string(), v.maxLength(limits.titleChars * 2 + 16)),
	questions: v.pipe(
		v.array(v.pipe(v.string(), v.maxLength(limits.questionChars * 2 + 16))),
		v.maxLength(limits.questions + 5)
	),
	language: v.picklist(languages),
	settings: v.optional(
		v.object({
			anonymous: v.optional(v.boolean()),
			topN: v.optional(v.pipe(v.number(), v.integer())),
			facilitatorSeesNotes: v.optional(v.boolean())
		})
	)
});

export type NewSessionRequest = v.InferOutput<typeof newSessionSchema>;

export interface CreatedSession {
	sessionId: string;
	joinCode: string;
	facilitatorToken: string;
	screenToken: string;
	consolePath: string;
	screenPath: string;
	joinPath: string;
}

/** Creates a stand-alone session (empty question lines are ignored). */
export async function createStandaloneSession(
	app: Uses,
	request: NewSessionRequest
): Promise<{ ok: true; created: CreatedSession } | { ok: false; error: DomainError }> {
	const result = await app.sessions.create({
		title: request.title,
		questions: request.questions.filter((q) => q.trim() !== ''),
		language: request.language,
		settings: request.settings
	});
	if (!result.ok) return result;
	const { access } = result;
	return {
		ok: true,
		created: {
			sessionId: access.id,
			joinCode: access.joinCode,
			facilitatorToken: access.facilitatorToken,
			screenToken: access.screenToken,
			consolePath: `/console/${access.facilitatorToken}`,
			screenPath: `/screen/${access.screenToken}`,
			joinPath: `/j/${access.joinCode}`
		}
	};
}
