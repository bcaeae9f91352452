import type { ResultRow } from './ballots';
import type { VoteItem } from './tally';
import type { PublicRunView, SessionView, VoteProgress } from './views';

/**
 * Views as they travel. A run's vote items and results name each note by its text, and the run's
 * revealed notes carry the same texts: sent as they are, a group's notes would go to every phone
 * three times (revealed, to vote on, ranked), the texts being most of a view's bytes. So the
 * server leaves out the label of a note's item or row whose text the run's notes carry
 * (`sentView`), and the client puts it back from those notes (`shownView`):
 * `shownView(sentView(view))` equals `view`. Headings stay: they are short.
 */

/** An item or row as sent: a note's label may be left out (its text is in the run's notes). */
export type Sent<T extends { label: string }> = Omit<T, 'label'> & { label?: string };

type Run = Pick<PublicRunView, 'notes' | 'vote' | 'results' | 'previousResults'>;

export type SentRun<R extends Run> = Omit<R, 'vote' | 'results' | 'previousResults'> & {
	vote: (Omit<VoteProgress, 'items'> & { items: Sent<VoteItem>[] }) | null;
	results: Sent<ResultRow>[] | null;
	previousResults: Sent<ResultRow>[] | null;
};

/** Anything with runs: a viewer's view, or the part every phone shares. */
type WithRuns = { runs: Run[] };

export type SentView<V extends WithRuns = SessionView> = V extends WithRuns
	? Omit<V, 'runs'> & { runs: SentRun<V['runs'][number]>[] }
	: never;

type Labelled = { kind: 'note' | 'cluster'; label: string; noteIds: string[] };

type Rows = (rows: Labelled[], texts: Map<string, string>) => Labelled[];

/**
 * The run with its vote items, results and previous results each made again by `rows`, given
 * the texts of the run's notes; a run with none of them is the run itself.
 */
function withRows<R extends Run>(run: R, rows: Rows): R {
	if (!run.vote && !run.results && !run.previousResults) return run;
	const texts = new Map(run.notes.map((n) => [n.id, n.text]));
	const each = <T>(list: T[] | null) => list && (rows(list as Labelled[], texts) as T[]);
	return {
		...run,
		vote: run.vote && { ...run.vote, items: each(run.vote.items) },
		results: each(run.results),
		previousResults: each(run.previousResults)
	};
}

/** Leaves out a note's label where the run's notes carry the same text. */
const withoutTexts: Rows = (rows, texts) =>
	rows.map((row) => {
		if (row.kind !== 'note' || row.noteIds.length !== 1) return row;
		if (texts.get(row.noteIds[0]!) !== row.label) return row;
		const { label: _label, ...rest } = row;
		return rest as Labelled;
	});

/** Puts a left-out label back from the run's notes. */
const withTexts: Rows = (rows, texts) =>
	rows.map((row) =>
		row.label === undefined ? { ...row, label: texts.get(row.noteIds[0]!)! } : row
	);

/** Made once per run object: a run no command touched keeps its sent object (a diff skips it). */
const sentRuns = new WeakMap<Run, Run>();

export function sentRun<R extends Run>(run: R): SentRun<R> {
	let sent = sentRuns.get(run);
	if (!sent) sentRuns.set(run, (sent = withRows(run, withoutTexts)));
	return sent as unknown as SentRun<R>;
}

/** The view as sent (its runs kept by run: a run no command touched keeps its sent object). */
export function sentView<V extends WithRuns>(view: V): SentView<V> {
	return { ...view, runs: view.runs.map((run) => sentRun(run)) } as unknown as SentView<V>;
}

/**
 * The view as the client shows it, with every label back. Small on purpose: it is on every
 * phone's first load.
 */
export function shownView(view: SentView): SessionView {
	const runs = (view.runs as unknown as Run[]).map((run) => withRows(run, withTexts));
	return { ...view, runs } as SessionView;
}
