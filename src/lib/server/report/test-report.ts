import { demoReportSource } from '$lib/domain/report/fixtures';
import { fixedT } from '$lib/i18n';
import { buildReport, type Report, type ReportOptions } from '$lib/domain/report/model';
import { buildSession } from '$lib/domain/report/session-builder';
import type { ReportSource } from '$lib/domain/report/source';

/** Notes that try to break out of every output format; renderer tests look for them. */
export const hostile = {
	script: '<script>alert("x")</script>',
	formula: '=SUM(A1)',
	markdown: '# Ikke en overskrift *stjerner* _streker_ | rør',
	multiline: 'Første linje\nAndre linje',
	quoted: 'Han sa "ja", og; gikk',
	heading: 'SPRÅK & <KULTUR>',
	title: 'Nordisk dialog "2025" </style><script>alert(1)</script>'
};

/**
 * The demo conference plus one group whose notes try to inject markup, formulas and
 * Markdown, and a title that tries to close the style sheet. For renderer tests only.
 */
export function hostileSource(): ReportSource {
	const source = demoReportSource();
	source.conference.title = hostile.title;
	source.rounds[0]!.groups.push({
		id: 'r1-g7',
		name: 'Blandet <gruppe>',
		leaderIds: ['no-hakon'],
		memberIds: ['no-oystein', 'is-gudrun'],
		session: buildSession({
			id: 'r1-g7',
			title: 'Blandet',
			language: 'nb',
			people: [
				{ id: 'no-oystein', name: 'Øystein Sørmark' },
				{ id: 'is-gudrun', name: 'Guðrún Jónsdóttir' },
				{ id: 'no-hakon', name: 'Håkon Berg' }
			],
			questions: [
				{
					text: 'Hva <b>mangler</b>?',
					notes: [
						['no-oystein', hostile.script],
						['is-gudrun', hostile.formula],
						['no-oystein', hostile.markdown],
						['is-gudrun', hostile.multiline],
						['no-oystein', hostile.quoted]
					],
					clusters: [{ heading: hostile.heading, notes: [0, 1] }],
					ballots: [
						{ voter: 'no-oystein', ranking: ['c0', 'n2'] },
						{ voter: 'is-gudrun', ranking: ['n3', 'c0'] },
						// A third ballot: with two, no tally is shown (each would reveal the other).
						{ voter: 'no-hakon', ranking: ['c0', 'n4'] }
					]
				}
			]
		}),
		plannedQuestions: [],
		reflection: 'Refleksjon med <i>tagger</i> & ampersand.'
	});
	return source;
}

export function hostileReport(options: ReportOptions = {}): Report {
	return buildReport(hostileSource(), { generatedAt: '2025-05-20', ...options }, fixedT);
}

/** A few pages: the demo conference with only its first two groups, for the slow PDF test. */
export function smallReport(options: ReportOptions = {}): Report {
	const source = demoReportSource();
	source.rounds = [{ ...source.rounds[0]!, groups: source.rounds[0]!.groups.slice(0, 2) }];
	return buildReport(source, { generatedAt: '2025-05-20', ...options }, fixedT);
}
