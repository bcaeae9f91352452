/** Organiser pages over HTTP as a browser without JavaScript uses them: form posts and cookies. */
import * as devalue from 'devalue';
import { expect } from 'vitest';

/** Something with a base URL: a TestServer, or the same server reached at another address. */
export interface Site {
	url: string;
}

export interface Account {
	username: string;
	displayName: string;
	password: string;
}

export const accountA: Account = {
	username: 'anna.owner',
	displayName: 'Anna Owner',
	password: 'anna has a long password'
};
export const accountB: Account = {
	username: 'bjorn.other',
	displayName: 'Bjørn Other',
	password: 'bjørn has a long password'
};
export const accountC: Account = {
	username: 'carola.third',
	displayName: 'Carola Third',
	password: 'carola has a long password'
};

/** The organiser cookie a response sets, as a Cookie header value; null when it sets none. */
export function organiserCookieOf(response: Response): string | null {
	for (const header of response.headers.getSetCookie()) {
		const match = /^(samrad_organiser=[^;]+)/.exec(header);
		if (match) return match[1]!;
	}
	return null;
}

/** A form post, same-origin as a browser sends it; redirects are not followed. */
export function post(
	site: Site,
	path: string,
	fields: Record<string, string | string[]> | FormData,
	{ cookie = '', headers = {} }: { cookie?: string; headers?: Record<string, string> } = {}
): Promise<Response> {
	let body: URLSearchParams | FormData;
	if (fields instanceof FormData) body = fields;
	else {
		body = new URLSearchParams();
		for (const [name, value] of Object.entries(fields))
			for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
	}
	return fetch(`${site.url}${path}`, {
		method: 'POST',
		body,
		headers: { origin: site.url, accept: 'text/html', cookie, ...headers },
		redirect: 'manual'
	});
}

/** A GET with the organiser's cookie; redirects are not followed. */
export function get(site: Site, path: string, cookie = ''): Promise<Response> {
	return fetch(`${site.url}${path}`, { headers: { cookie }, redirect: 'manual' });
}

const accountFields = (account: Account) => ({
	username: account.username,
	displayName: account.displayName,
	password: account.password,
	confirm: account.password
});

/** Creates the installation's first account on /organiser/setup; answers with its cookie. */
export async function setUpFirstAccount(
	site: Site,
	account: Account,
	extra: Record<string, string> = {}
): Promise<string> {
	const response = await post(site, '/organiser/setup', { ...accountFields(account), ...extra });
	expect(response.status, await bodyIfNot(response, 303)).toBe(303);
	const cookie = organiserCookieOf(response);
	if (!cookie) throw new Error('setup set no cookie');
	return cookie;
}

/** Signs in on /organiser/login; answers with the cookie. */
export async function signIn(site: Site, account: Account): Promise<string> {
	const response = await post(site, '/organiser/login', {
		username: account.username,
		password: account.password
	});
	expect(response.status, await bodyIfNot(response, 303)).toBe(303);
	const cookie = organiserCookieOf(response);
	if (!cookie) throw new Error('sign-in set no cookie');
	return cookie;
}

/** An administrator adds a colleague's account on /organiser/accounts. */
export async function addAccount(site: Site, adminCookie: string, account: Account): Promise<void> {
	const response = await post(site, '/organiser/accounts?/add', accountFields(account), {
		cookie: adminCookie
	});
	expect(response.status, await bodyIfNot(response, 200)).toBe(200);
}

/** Uploads a conference archive on /organiser/import; answers with the new conference's id. */
export async function importAs(site: Site, cookie: string, archive: string): Promise<string> {
	const form = new FormData();
	form.append('file', new Blob([archive], { type: 'application/json' }), 'archive.json');
	const response = await post(site, '/organiser/import', form, { cookie });
	expect(response.status, await bodyIfNot(response, 303)).toBe(303);
	const id = /\/organiser\/conferences\/([A-Za-z0-9_-]+)$/.exec(
		response.headers.get('location') ?? ''
	)?.[1];
	if (!id) throw new Error(`import went to ${response.headers.get('location')}`);
	return id;
}

/** The JSON archive of a conference, as its organiser downloads it. */
export async function archiveOf(site: Site, cookie: string, conferenceId: string): Promise<string> {
	const response = await get(
		site,
		`/organiser/conferences/${conferenceId}/export/download?format=json`,
		cookie
	);
	expect(response.status).toBe(200);
	return response.text();
}

/** The body (for an assertion message) when the status is not the expected one. */
async function bodyIfNot(response: Response, status: number): Promise<string> {
	if (response.status === status) return '';
	return `${response.status}: ${(await response.clone().text()).slice(0, 800)}`;
}

/** A form action's answer as the page's enhanced form gets it: its type, status and data. */
export interface ActionAnswer<T = Record<string, unknown>> {
	type: 'success' | 'failure' | 'redirect' | 'error';
	status: number;
	data: T;
}

/** Posts to a form action as `use:enhance` does, and reads the answer's data (devalue). */
export async function formAction<T = Record<string, unknown>>(
	site: Site,
	path: string,
	fields: Record<string, string | string[]>,
	cookie: string
): Promise<ActionAnswer<T>> {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(fields))
		for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
	const response = await fetch(`${site.url}${path}`, {
		method: 'POST',
		body,
		headers: {
			origin: site.url,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			cookie
		}
	});
	const answer = (await response.json()) as {
		type: ActionAnswer['type'];
		status?: number;
		data?: string;
	};
	return {
		type: answer.type,
		status: answer.status ?? response.status,
		data: (answer.data ? devalue.parse(answer.data) : {}) as T
	};
}

const attribute = (tag: string, name: string) =>
	new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replaceAll('&amp;', '&') ?? null;

/**
 * The hidden fields of each form on a page that posts to `action`, as a browser would send
 * them (what a person types is added by the test).
 */
export function hiddenFieldsOf(html: string, action: string): Record<string, string>[] {
	const forms = html.split(/<form\b/).slice(1);
	return forms
		.map((form) => form.slice(0, form.indexOf('</form>')))
		.filter((form) => attribute(form.slice(0, form.indexOf('>')), 'action') === action)
		.map((form) => {
			const fields: Record<string, string> = {};
			for (const [input] of form.matchAll(/<input\b[^>]*>/g)) {
				const name = attribute(input, 'name');
				if (attribute(input, 'type') === 'hidden' && name) {
					fields[name] = attribute(input, 'value') ?? '';
				}
			}
			return fields;
		});
}

/** The page as the organiser's browser gets it. */
export async function pageOf(site: Site, path: string, cookie: string): Promise<string> {
	const response = await get(site, path, cookie);
	expect(response.status, await bodyIfNot(response, 200)).toBe(200);
	return response.text();
}

/**
 * The participants file template, filled with its two example people, checked on the import
 * page as `cookie`: the import form's hidden fields (its token) to confirm it with.
 */
export async function checkedParticipantsFile(
	site: Site,
	cookie: string,
	conferenceId: string,
	/** Names for the template's two example people (new people for each file). */
	names?: [string, string]
): Promise<Record<string, string>> {
	const base = `/organiser/conferences/${conferenceId}/participants`;
	const template = await get(site, `${base}/template.csv`, cookie);
	expect(template.status).toBe(200);
	let csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await template.arrayBuffer());
	if (names) {
		csv = csv.replace('Ingrid Sæther', names[0]).replace('Þóra Sigurðardóttir', names[1]);
	}
	const form = new FormData();
	form.append('file', new Blob([csv], { type: 'text/csv' }), 'p.csv');
	const checked = await post(site, `${base}/import?/check`, form, { cookie });
	expect(checked.status, await bodyIfNot(checked, 200)).toBe(200);
	const [fields] = hiddenFieldsOf(await checked.text(), '?/import');
	expect(fields?.token).toBeTruthy();
	return fields!;
}
