import { describe, expect, it } from 'vitest';
import { compressible } from './compression';

describe('compressible', () => {
	it('compresses pages, page data and the QR code', () => {
		expect(compressible('/j/ABC123', 'text/html; charset=utf-8')).toBe(true);
		expect(compressible('/c/token/__data.json', 'application/json')).toBe(true);
		expect(compressible('/qr.svg', 'image/svg+xml')).toBe(true);
	});

	it('leaves organiser pages, downloads and unknown types as they are', () => {
		expect(compressible('/organiser', 'text/html')).toBe(false);
		expect(compressible('/organiser/conferences/x/participants', 'text/html')).toBe(false);
		expect(compressible('/organiser/conferences/x/report.pdf', 'application/pdf')).toBe(false);
		expect(compressible('/export/x.csv', 'text/csv')).toBe(false);
		expect(compressible('/j/ABC123', undefined)).toBe(false);
	});

	it('does not take a look-alike path for an organiser page', () => {
		expect(compressible('/organisers-guide', 'text/html')).toBe(true);
	});
});
