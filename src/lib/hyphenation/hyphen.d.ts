// The hyphen package ships UMD files without types: a hyphenator factory and pattern data.
declare module 'hyphen/hyphen.js' {
	const createHyphenator: (patterns: unknown) => (text: string) => string;
	export default createHyphenator;
}

declare module 'hyphen/patterns/*.js' {
	const patterns: unknown;
	export default patterns;
}
