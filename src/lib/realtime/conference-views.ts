/** The conference's live views as the socket carries them; the domain defines them. */
export type * from '$lib/domain/conference/live-views';
