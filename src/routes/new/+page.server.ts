import { fail, redirect } from '@sveltejs/kit';
import { fixedT, isLanguage } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { createStandaloneSession } from '$lib/server/http/new-session';
import { waitSeconds } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ defaultLanguage: locals.lang });

export const actions: Actions = {
	/** Creates a stand-alone session and opens its console. Works without JavaScript. */
	default: async ({ request, locals, getClientAddress }) => {
		const form = await request.formData();
		const title = String(form.get('title') ?? '');
		const questions = form.getAll('question').map(String);
		const language = String(form.get('language') ?? locals.lang);
		const topN = Number(form.get('topN') ?? 5);
		const values = { title, questions, language, topN, anonymous: form.get('named') !== 'on' };
		const t = fixedT(locals.lang);
		if (!isLanguage(language)) return fail(400, { values, error: t('errors.invalid_payload') });
		const app = useApp();
		const limited = await app.limiters.sessionsPerAddress.take(getClientAddress());
		if (!limited.ok) {
			const seconds = waitSeconds(limited);
			return fail(429, { values, error: t('errors.rate_limited', { seconds }) });
		}
		const result = await createStandaloneSession(app, {
			title,
			questions,
			language,
			settings: { anonymous: values.anonymous, topN: Number.isInteger(topN) ? topN : 5 }
		});
		if (!result.ok) {
			const { code, params } = result.error;
			const message = code === 'empty' ? t('session.create.missing') : t(`errors.${code}`, params);
			return fail(422, { values, error: message });
		}
		redirect(303, `${result.created.consolePath}?created=1`);
	}
};
