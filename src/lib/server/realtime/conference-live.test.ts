import { describe, expect, it } from 'vitest';
import type { PlenumGroup, PlenumView } from '$lib/realtime/conference-views';
import { conferenceJson, sameJson, wholeJson } from './conference-live';

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

const overview = {
	kind: 'overview' as const,
	round: null,
	groups: [],
	notice: null,
	participants: 0,
	connected: 0,
	devicesWaiting: 0
};

const serialised = (view: Parameters<typeof conferenceJson>[0]) =>
	JSON.parse(wholeJson(conferenceJson(view))) as unknown;

describe('a conference view as JSON', () => {
	it('is the view serialised, and each plenum group as it is now, whatever was serialised before', () => {
		const first = group('g1', ['For mye papirarbeid']);
		const second = group('g2', ['Ingen jobbcoach på bygda', 'Tekst med "sitat" og \\ skråstrek']);
		const before = plenum([first, second]);
		expect(serialised(before)).toEqual(JSON.parse(JSON.stringify(before)));
		// The first group's session moved on: a new object, serialised anew; the other is kept.
		const changed = plenum([group('g1', ['For mye papirarbeid', 'Kort finansiering']), second]);
		expect(serialised(changed)).toEqual(JSON.parse(JSON.stringify(changed)));
		expect(wholeJson(conferenceJson(changed))).toContain('Kort finansiering');
		expect(serialised(plenum([]))).toEqual(JSON.parse(JSON.stringify(plenum([]))));
	});

	it('tells a view that shows the same from one that changed, group by group', () => {
		const first = group('g1', ['For mye papirarbeid']);
		const second = group('g2', ['Ingen jobbcoach på bygda']);
		const sent = conferenceJson(plenum([first, second]));
		expect(sameJson(null, sent)).toBe(false);
		// Made again from new objects with the same content (a ballot cast in a group): the same.
		expect(
			sameJson(sent, conferenceJson(plenum([group('g1', ['For mye papirarbeid']), second])))
		).toBe(true);
		// A note revealed, a group gone, another focused, the notice: each is a change.
		expect(
			sameJson(sent, conferenceJson(plenum([group('g1', ['For mye papirarbeid', 'Ny']), second])))
		).toBe(false);
		expect(sameJson(sent, conferenceJson(plenum([first])))).toBe(false);
		expect(sameJson(sent, conferenceJson({ ...plenum([first, second]), focusGroupId: 'g1' }))).toBe(
			false
		);
		expect(sameJson(sent, conferenceJson(overview))).toBe(false);
		expect(sameJson(conferenceJson(overview), conferenceJson({ ...overview }))).toBe(true);
		expect(sameJson(conferenceJson(overview), conferenceJson({ ...overview, connected: 1 }))).toBe(
			false
		);
	});

	it('serialises the other views whole', () => {
		expect(wholeJson(conferenceJson(overview))).toBe(JSON.stringify(overview));
	});
});
