import type { ConferenceDetails } from '$lib/domain/conference/types';

/** A one-day conference's details for tests: Nordisk dialog at Sigtuna, with what a test changes. */
export function conferenceDetails(changes: Partial<ConferenceDetails> = {}): ConferenceDetails {
	return {
		title: 'Nordisk dialog',
		subtitle: '',
		venue: 'Sigtuna',
		startDate: '2026-05-06',
		endDate: '2026-05-06',
		about: '',
		introduction: '',
		organisation: '',
		author: '',
		introductionBy: '',
		language: 'nb',
		languages: ['nb'],
		...changes
	};
}
