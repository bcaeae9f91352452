/**
 * The QR image the server draws for screens and consoles, asked for by an outsider: only a
 * bounded http(s) address is drawn, a refusal is translated, and nothing of the text reaches
 * the image (no markup can be smuggled into an SVG served from this origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './helpers/server';

let server: TestServer;

beforeAll(async () => {
	server = new TestServer();
	await server.start();
});

afterAll(async () => {
	await server.dispose();
});

const qr = (text: string, lang = 'en') =>
	fetch(`${server.url}/qr.svg?text=${encodeURIComponent(text)}`, {
		headers: { 'accept-language': lang }
	});

describe('/qr.svg', () => {
	it('draws a join address as an SVG image under the strict fallback policy', async () => {
		const response = await qr('http://192.0.2.2:4173/j/ABC234');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('image/svg+xml');
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		const svg = await response.text();
		expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
		expect(svg).toMatch(/<path d="(M\d+ \d+h1v1h-1z)+"/);
	});

	it('keeps markup in the address out of the image', async () => {
		const response = await qr('http://example.org/"><script>alert(1)</script>');
		expect(response.status).toBe(200);
		const svg = await response.text();
		expect(svg).not.toContain('script');
		expect(svg).not.toContain('example.org');
	});

	it('refuses a text over the limit with a translated message', async () => {
		const response = await qr(`https://example.org/${'a'.repeat(400)}`, 'sv');
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('högst 300');
	});

	it('refuses what is not an http(s) address', async () => {
		for (const text of ['', 'javascript:alert(1)', 'data:text/html,hi', 'http://a b']) {
			const response = await qr(text);
			expect(response.status, text).toBe(400);
		}
	});
});
