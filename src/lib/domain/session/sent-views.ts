import type { ResultRow } from './ballots';
import type { VoteItem } from './tally';
import type { PublicRunView, RevealedNoteView, SessionView, VoteProgress } from './views';

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

function textsOf(notes: RevealedNoteView[]): Map<string, string> {
	return new Map(notes.map((n) => [n.id, n.text]));
}

function withoutTexts<T extends Labelled>(rows: T[], texts: Map<string, string>): Sent<T>[] {
	return rows.map((row) => {
		if (row.kind !== 'note' || row.noteIds.length !== 1) return row;
		if (texts.get(row.noteIds[0]!) !== row.label) return row;
		const { label: _label, ...rest } = row;
		return rest;
	});
}

/** Made once per run object: a run no command touched keeps its sent object (a diff skips it). */
const sentRuns = new WeakMap<Run, SentRun<Run>>();

export function sentRun<R extends Run>(run: R): SentRun<R> {
	let sent = sentRuns.get(run);
	if (!sent) {
		if (!run.vote && !run.results && !run.previousResults) sent = run as SentRun<Run>;
		else {
			const texts = textsOf(run.notes);
			sent = {
				...run,
				vote: run.vote && { ...run.vote, items: withoutTexts(run.vote.items, texts) },
				results: run.results && withoutTexts(run.results, texts),
				previousResults: run.previousResults && withoutTexts(run.previousResults, texts)
			};
		}
		sentRuns.set(run, sent);
	}
	return sent as SentRun<R>;
}

/** The view as sent (its runs kept by run: a run no command touched keeps its sent object). */
export function sentView<V extends WithRuns>(view: V): SentView<V> {
	return { ...view, runs: view.runs.map((run) => sentRun(run)) } as unknown as SentView<V>;
}

/**
 * The view as the client shows it, with every label back. Kept small: it is on every phone's
 * first load (a run without a vote or results comes back as it was).
 */
export function shownView(view: SentView): SessionView {
	const runs = (view.runs as SentRun<Run>[]).map((run) => {
		if (!run.vote && !run.results && !run.previousResults) return run;
		const texts = textsOf(run.notes);
		const shown = (rows: Sent<Labelled>[] | null) =>
			rows &&
			rows.map((row) =>
				row.label === undefined ? { ...row, label: texts.get(row.noteIds[0]!) } : row
			);
		return {
			...run,
			vote: run.vote && { ...run.vote, items: shown(run.vote.items) },
			results: shown(run.results),
			previousResults: shown(run.previousResults)
		};
	});
	return { ...view, runs } as SessionView;
}
