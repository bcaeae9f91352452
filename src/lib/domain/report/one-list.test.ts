import { describe, expect, it } from 'vitest';
import { fixedT } from '$lib/i18n';
import { buildSession } from './session-builder';
import { buildWorkshopReport } from './workshop';

/** Three people answered "what works" and "what is needed" in one list, voted and saw results. */
function oneListSession(oneList = true) {
	return buildSession({
		id: 'ol',
		title: 'Gruppe 3',
		language: 'nb',
		topN: 2,
		oneList,
		people: [
			{ id: 'p1', name: 'Øystein' },
			{ id: 'p2', name: 'Åse' },
			{ id: 'p3', name: 'Birgitta' }
		],
		questions: [
			{
				text: 'Hva fungerer?',
				notes: [
					['p1', 'Fast kontaktperson'],
					['p2', 'Mer tid til oppfølging'],
					['p3', 'Felles skjema']
				],
				ballots: [
					{ voter: 'p1', ranking: ['n0', 'n1'] },
					{ voter: 'p2', ranking: ['n1', 'n2'] },
					{ voter: 'p3', ranking: ['n0', 'n2'] }
				]
			},
			{ text: 'Hva trengs?' }
		]
	});
}

describe('a one-list session in the report model', () => {
	const report = buildWorkshopReport({ session: oneListSession(), date: '2025-05-08' }, {}, fixedT);

	it('prints the questions together above the one list, never "no notes" for b)', () => {
		expect(report.questions).toHaveLength(1);
		const section = report.questions[0]!;
		expect(section.label).toBe('a');
		expect(section.together).toEqual([{ label: 'b', text: 'Hva trengs?' }]);
		expect(section.togetherNote).toBe('Spørsmålene ble besvart i én felles liste.');
		expect(section.heading).toBe('a) Hva fungerer? / b) Hva trengs?');
		expect(section.emptyNote).toBe('');
		expect(section.prioritised.map((p) => p.notes[0]!.text)).toEqual([
			'Fast kontaktperson',
			'Mer tid til oppfølging',
			'Felles skjema'
		]);
	});

	it('a session answered question by question says nothing of the kind', () => {
		const apart = buildWorkshopReport(
			{ session: oneListSession(false), date: '2025-05-08' },
			{},
			fixedT
		);
		expect(apart.questions[0]!.together).toEqual([]);
		expect(apart.questions[0]!.togetherNote).toBe('');
		expect(apart.questions[0]!.heading).toBe('a) Hva fungerer?');
	});
});
