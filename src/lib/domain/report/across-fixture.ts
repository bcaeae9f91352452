// A round of two groups with known priorities and the organiser's confirmed themes across them,
// for the tests of the report's "Across the groups" chapter in every format.
import { entryKey, type Theme } from '../synthesis/perspective';
import type { RoundThemes } from '../synthesis/themes';
import { buildSession, specIds } from './session-builder';
import type { ReportSource } from './source';
import { demoReportSource } from './fixtures';

/** Names of the people who wrote: the chapter must never print them. */
export const acrossAuthors = ['Astrid AUTHOR-ONE', 'Birger AUTHOR-TWO', 'Cecilie AUTHOR-THREE'];

const item = (group: string, note: number) =>
	`${specIds.question(group, 0)}:n:${specIds.note(group, 0, note)}`;

function group(id: string, name: string, notes: string[], ballots: number[][]) {
	const people = acrossAuthors.map((n, i) => ({ id: `${id}-p${i + 1}`, name: n }));
	return {
		id,
		name,
		leaderIds: [],
		memberIds: [],
		plannedQuestions: [],
		reflection: '',
		session: buildSession({
			id,
			title: name,
			language: 'nb',
			named: true,
			topN: 3,
			people,
			questions: [
				{
					text: 'Hva hjelper?',
					notes: notes.map((text, i) => [people[i]!.id, text] as [string, string]),
					ballots: ballots.map((ranking, i) => ({
						voter: people[i]!.id,
						ranking: ranking.map((n) => `n${n}`)
					}))
				}
			]
		})
	};
}

/** The themes as the organiser confirmed them (or only proposed, when `confirmedAt` is null). */
export function acrossThemes(confirmedAt: number | null = Date.UTC(2025, 4, 8, 15)): RoundThemes {
	const entry = (groupId: string, note: number, rank: number, points: number) => ({
		groupId,
		itemId: item(groupId, note),
		rank,
		points
	});
	const theme = (heading: string, entries: ReturnType<typeof entry>[]): Theme => ({
		id: entryKey(entries[0]!),
		heading,
		entries
	});
	return {
		roundId: 'across-round',
		themes: [
			theme('Fast kontaktperson', [entry('emp', 0, 1, 9), entry('coach', 0, 2, 4)]),
			theme('Opplæring på jobben', [entry('coach', 1, 1, 9)]),
			theme('Tid til oppfølging', [entry('emp', 1, 2, 4), entry('coach', 2, 3, 2)]),
			theme('Lønn', [entry('emp', 2, 3, 2)])
		],
		confirmedAt,
		presenting: null,
		updatedAt: Date.UTC(2025, 4, 8, 15)
	};
}

/** The demo conference with one more round: employers and job coaches, and their themes. */
export function acrossSource(themes: RoundThemes | null = acrossThemes()): ReportSource {
	const source = demoReportSource();
	source.rounds = [
		{
			id: 'across-round',
			title: 'Tredje gruppearbeid',
			theme: '',
			plenumSummary: '',
			groups: [
				group(
					'emp',
					'Arbeidsgivere',
					['Fast kontaktperson i NAV', 'Mer tid til oppfølging', 'Lønnstilskudd lenger'],
					[
						[0, 1],
						[0, 2],
						[0, 1]
					]
				),
				group(
					'coach',
					'Jobbkonsulenter',
					['Kontaktperson hos arbeidsgiver', 'Opplæring på arbeidsplassen', 'Tid til hver enkelt'],
					[
						[1, 0],
						[1, 2],
						[1, 0]
					]
				)
			],
			themes
		}
	];
	return source;
}
