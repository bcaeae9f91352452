// The stopword package ships no types; these are the lists the synthesis engine reads.
declare module 'stopword' {
	/** Norwegian bokmål stop words. */
	export const nob: readonly string[];
	/** Swedish stop words. */
	export const swe: readonly string[];
	/** Danish stop words. */
	export const dan: readonly string[];
	/** Finnish stop words. */
	export const fin: readonly string[];
	/** English stop words. */
	export const eng: readonly string[];
}
