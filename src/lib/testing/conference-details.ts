import { emptyState, type ConferenceState } from '$lib/domain/conference/state';
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

/**
 * A conference's state before anything was added (conference c1, its 2010 day at Sigtuna, in
 * Norwegian and Swedish), created at `at`.
 */
export function emptyConference(at: number): ConferenceState {
	return emptyState({
		...conferenceDetails({
			startDate: '2010-05-06',
			endDate: '2010-05-06',
			languages: ['nb', 'sv']
		}),
		id: 'c1',
		joinCode: 'ABC234',
		plenumToken: 'plenum-token-plenum-token',
		currentRoundId: null,
		notice: '',
		noticeAt: null,
		plenumRoundId: null,
		plenumGroupId: null,
		createdAt: at,
		updatedAt: at
	});
}
