// For the benches only: Chromium's network emulation delays HTTP but not WebSocket frames, so a
// WebSocket looks faster than it is. This TCP proxy forwards to the server and, on a connection
// once it has switched to WebSocket, holds each chunk half the round trip in each direction.
import { createServer, connect, type Server, type Socket } from 'node:net';

function delayed(from: Socket, to: Socket, delayMs: () => number) {
	from.on('data', (chunk) => {
		const wait = delayMs();
		if (wait === 0) to.write(chunk);
		else setTimeout(() => to.writable && to.write(chunk), wait);
	});
	from.on('close', () => setTimeout(() => to.destroy(), delayMs()));
	from.on('error', () => to.destroy());
}

/** Starts the proxy in front of target (http://host:port); returns its origin and a close. */
export async function websocketDelayProxy(
	target: string,
	rttMs: number
): Promise<{ url: string; close: () => Promise<void> }> {
	const { hostname, port } = new URL(target);
	const proxy: Server = createServer((client) => {
		const upstream = connect(Number(port), hostname);
		let upgraded = false;
		upstream.once('data', (first) => {
			upgraded = first.toString('latin1').startsWith('HTTP/1.1 101');
		});
		// The handshake itself is an HTTP request the emulation already delays.
		const wait = () => (upgraded ? rttMs / 2 : 0);
		delayed(client, upstream, wait);
		delayed(upstream, client, wait);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const address = proxy.address() as { port: number };
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () => new Promise((resolve) => proxy.close(() => resolve()))
	};
}
