/**
 * A random client-made id (128 bits, URL-safe). Uses getRandomValues, which unlike
 * crypto.randomUUID also exists on plain-http pages (phones on a venue's LAN address).
 */
export function newId(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
