/**
 * One HTTP request with node:http, its answer as raw bytes (fetch would undo an encoding and
 * pool connections): on a connection of its own, as a phone's request reaches a server behind
 * the WORKERS=N primary.
 */
import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawAnswer {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export function rawRequest(
	url: string,
	{ headers = {}, body }: { headers?: Record<string, string>; body?: string } = {}
): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: body === undefined ? 'GET' : 'POST', headers, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks)
					})
				);
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}
