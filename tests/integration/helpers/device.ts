/** A browser on one device, over plain HTTP: its own cookie jar, redirects read by hand. */
import { connect, connectRefused, type ConnectOptions, type TestClient } from './client';

export interface PageAnswer {
	status: number;
	/** The redirect target's path, for 3xx answers. */
	location: string | null;
	body: string;
	/** Every header of the answer as one text, for "this secret is not in there" checks. */
	headers: string;
}

export class Device {
	readonly #server: { url: string };
	readonly #userAgent: string;
	/** Cookies by name, as the browser keeps them. */
	readonly cookies = new Map<string, string>();

	constructor(server: { url: string }, userAgent: string) {
		this.#server = server;
		this.#userAgent = userAgent;
	}

	/** The Cookie header this device sends. */
	get cookieHeader(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	async #request(path: string, init: RequestInit): Promise<PageAnswer> {
		const headers = new Headers(init.headers);
		headers.set('user-agent', this.#userAgent);
		headers.set('accept-language', 'en');
		headers.set('accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
		if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader);
		const response = await fetch(`${this.#server.url}${path}`, {
			...init,
			headers,
			redirect: 'manual'
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair!.indexOf('=');
			const name = pair!.slice(0, at).trim();
			const value = pair!.slice(at + 1).trim();
			if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		const location = response.headers.get('location');
		return {
			status: response.status,
			location: location ? new URL(location, this.#server.url).pathname : null,
			body: await response.text(),
			headers: [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')
		};
	}

	get(path: string): Promise<PageAnswer> {
		return this.#request(path, { method: 'GET' });
	}

	/** A form POST as the browser sends it (same origin). */
	post(path: string, form: URLSearchParams): Promise<PageAnswer> {
		return this.#request(path, {
			method: 'POST',
			headers: {
				origin: this.#server.url,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: form.toString()
		});
	}

	/** A script's JSON POST (same origin unless headers say otherwise). */
	postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<PageAnswer> {
		return this.#request(path, {
			method: 'POST',
			headers: { origin: this.#server.url, 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body)
		});
	}

	/** A socket from this device: it carries the device's cookies, as a browser's would. */
	connect(options: ConnectOptions = {}): Promise<TestClient> {
		return connect(this.#server, this.#withCookies(options));
	}

	connectRefused(options: ConnectOptions = {}): Promise<Error> {
		return connectRefused(this.#server, this.#withCookies(options));
	}

	#withCookies(options: ConnectOptions): ConnectOptions {
		const cookie = [options.headers?.cookie, this.cookieHeader].filter(Boolean).join('; ');
		return { ...options, headers: { ...options.headers, ...(cookie ? { cookie } : {}) } };
	}
}

/** The roster form's value for a name on /k/<code> (whatever the page uses to name a person). */
export function rosterEntry(html: string, name: string): URLSearchParams {
	const forms = html.split('<form').slice(1);
	const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const form = forms.find((f) => f.includes(`>${escaped}<`));
	if (!form) throw new Error(`no roster entry for ${name}`);
	const body = new URLSearchParams();
	for (const input of form.matchAll(/<input[^>]*>/g)) {
		const field = /name="([^"]+)"/.exec(input[0])?.[1];
		const value = /value="([^"]*)"/.exec(input[0])?.[1];
		if (field && value !== undefined) body.set(field, value);
	}
	return body;
}

export const userAgents = {
	iphone:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
	android: 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0',
	laptop:
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'
} as const;
