import QRCode from 'qrcode';

/** Longest text a QR image is drawn for: a join address with room to spare. */
export const qrTextLimit = 300;

/** A QR code as one SVG path of its dark modules, with a quiet zone of four modules. */
export function qrSvgPath(text: string): { d: string; viewBox: string } {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = qr.modules.size;
	let d = '';
	for (let y = 0; y < n; y++) {
		for (let x = 0; x < n; x++) {
			if (qr.modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
		}
	}
	return { d, viewBox: `0 0 ${n + 8} ${n + 8}` };
}

/** A whole SVG document of the code: crisp at any size, no scripts, no text of the input. */
export function qrSvg(text: string): string {
	const { d, viewBox } = qrSvgPath(text);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" shape-rendering="crispEdges">` +
		`<rect width="100%" height="100%" fill="#ffffff"/><path d="${d}" fill="#000000"/></svg>`
	);
}
