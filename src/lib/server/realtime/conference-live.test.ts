import { describe, expect, it } from 'vitest';
import type { PlenumGroup, PlenumView } from '$lib/realtime/conference-views';
import { conferenceJson } from './conference-live';

const group = (id: string, notes: string[]): PlenumGroup => ({
	id,
	name: `Gruppe ${id}`,
	leaders: [],
	members: 3,
	questions: [
		{
			label: 'a',
			text: 'Hva virker?',
			results: null,
			resultsWithheld: null,
			clusters: [],
			notes: notes.map((text, revealIndex) => ({
				id: `${id}-${revealIndex}`,
				text,
				revealIndex,
				author: null,
				edited: false
			}))
		}
	]
});

const plenum = (groups: PlenumGroup[]): PlenumView => ({
	kind: 'plenum',
	conference: {
		id: 'c1',
		title: 'Nordisk dialog "2026"',
		subtitle: '',
		venue: 'Sigtuna',
		startDate: '2026-12-07',
		endDate: '2026-12-07',
		language: 'nb'
	},
	round: null,
	groups,
	focusGroupId: 'g2',
	notice: null,
	theme: null
});

describe('a conference view as JSON', () => {
	it('is the view serialised, and each plenum group as it is now, whatever was serialised before', () => {
		const first = group('g1', ['For mye papirarbeid']);
		const second = group('g2', ['Ingen jobbcoach på bygda', 'Tekst med "sitat" og \\ skråstrek']);
		const before = plenum([first, second]);
		expect(JSON.parse(conferenceJson(before))).toEqual(JSON.parse(JSON.stringify(before)));
		// The first group's session moved on: a new object, serialised anew; the other is kept.
		const changed = plenum([group('g1', ['For mye papirarbeid', 'Kort finansiering']), second]);
		expect(JSON.parse(conferenceJson(changed))).toEqual(JSON.parse(JSON.stringify(changed)));
		expect(conferenceJson(changed)).toContain('Kort finansiering');
		expect(JSON.parse(conferenceJson(plenum([])))).toEqual(JSON.parse(JSON.stringify(plenum([]))));
	});

	it('serialises the other views whole', () => {
		const overview = {
			kind: 'overview' as const,
			round: null,
			groups: [],
			notice: null,
			participants: 0,
			connected: 0,
			devicesWaiting: 0
		};
		expect(conferenceJson(overview)).toBe(JSON.stringify(overview));
	});
});
