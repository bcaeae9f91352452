import {
	closedResults,
	votersOf,
	withheldReason,
	type ResultRow,
	type WithheldReason
} from './ballots';
import { sameElements } from '../arrays';
import { sentRun, sentView, type SentView } from './sent-views';
import { describeStepBack, facilitatorMayRead, type StepBackEffect } from './commands';
import { votingPhases, type Phase } from './phases';
import { everyonePassed } from './round-robin';
import { effectiveTopN, voteItems, type VoteItem } from './tally';
import {
	defaultScreenControl,
	type Language,
	type Note,
	type Participant,
	type QuestionRun,
	type Reflection,
	type ScreenControl,
	type SessionSettings,
	type SessionState,
	type Timer
} from './types';

/**
 * What each kind of viewer may see of a session. Views are computed per recipient on the
 * server; a view never holds a private note or a ballot its recipient may not see.
 */
export type Viewer =
	{ role: 'participant'; participantId: string } | { role: 'screen' } | { role: 'facilitator' };

export interface QuestionSummary {
	id: string;
	label: string;
	text: string;
	phase: Phase;
}

export type { ResultRow } from './ballots';

export interface PersonView {
	id: string;
	name: string;
}

export interface RevealedNoteView {
	id: string;
	text: string;
	revealIndex: number;
	/** The author's name in named sessions; null when anonymous. */
	author: string | null;
	/** Text was changed after it was revealed. */
	edited: boolean;
	/** Entered for the group as a whole; set only in named sessions (anonymous ones mark nothing). */
	byGroup?: true;
}

export interface ClusterView {
	id: string;
	heading: string;
	noteIds: string[];
	/** On a sub-heading only: the heading it sits under. */
	parentId?: string;
}

/** Shown only during the reveal: afterwards nothing says who had notes or whose turn it was. */
export interface RevealView {
	/** Round-robin order. */
	order: PersonView[];
	/** Whose turn it is; null when every note is revealed. */
	turnId: string | null;
	/** Everyone with notes left passed since the last note was read. */
	everyonePassed: boolean;
	/** Notes not yet revealed. */
	hiddenCount: number;
}

export interface VoteProgress {
	/** Items to rank, in their fixed order. */
	items: VoteItem[];
	/** How many items a ballot ranks (top-N, or fewer when there are fewer items). */
	n: number;
	/** People who have cast a ballot. */
	voted: number;
	/** People who can vote. */
	voters: number;
}

/** Why a closed vote shows no tally: too few ballots to keep each one secret. */
export interface WithheldView {
	reason: WithheldReason;
	/** Ballots in the closed vote. */
	ballots: number;
}

/** What every viewer of a run sees: the public part. */
export interface PublicRunView {
	id: string;
	phase: Phase;
	/** Notes written per person (most first, not linked to anyone), while writing; empty on phones. */
	progress: number[];
	reveal: RevealView | null;
	/** Revealed notes, in reveal order. */
	notes: RevealedNoteView[];
	clusters: ClusterView[];
	vote: VoteProgress | null;
	/** The closed vote's tally; null while voting, and when it is withheld. */
	results: ResultRow[] | null;
	/** Set when the vote closed with too few ballots for a tally that keeps each one secret. */
	resultsWithheld: WithheldView | null;
	/** Results of the vote before the latest revote, if any (and if shown). */
	previousResults: ResultRow[] | null;
}

export interface MyNoteView {
	id: string;
	text: string;
	revealed: boolean;
	/** The facilitator may read it before the reveal (written while that was on, or entered by them). */
	readByFacilitator: boolean;
}

export interface ParticipantRunView extends PublicRunView {
	myNotes: MyNoteView[];
	/** My ballot in the current vote, first choice first. */
	myBallot: string[] | null;
	/** My ballot is in a closed vote: counted, without my name, and no longer mine to change. */
	ballotCounted: boolean;
}

export interface PrivateNoteView {
	id: string;
	/** Null in anonymous sessions. */
	authorId: string | null;
	text: string;
	byFacilitator: boolean;
	/** Entered for the group as a whole: nobody's. */
	byGroup?: true;
}

export interface FacilitatorRunView extends PublicRunView {
	/** Notes written per person, named; empty in anonymous sessions. */
	notesByPerson: { participantId: string; count: number }[];
	/** Private notes the facilitator may read: their own on-behalf notes, or all when allowed. */
	privateNotes: PrivateNoteView[];
	/** People who have voted (never what they voted). */
	votedIds: string[];
	/** Ballots the facilitator entered for people without a phone. */
	ballotsEntered: { voterId: string; ranking: string[] }[];
	/** Earlier texts of revealed notes the facilitator corrected, by note id. */
	history: Record<string, { previous: string; at: number }[]>;
	/** What "back" would undo; null in the lobby. */
	stepBack: StepBackEffect | null;
	/** The group's discussion of this question; '' when none. */
	discussion: string;
}

/** A reflection as its author's phone shows it. */
export interface MyReflectionView {
	id: string;
	title: string;
	text: string;
	showName: boolean;
}

interface BaseView {
	sessionId: string;
	title: string;
	language: Language;
	settings: SessionSettings;
	questions: QuestionSummary[];
	currentQuestionId: string;
	timer: Timer | null;
	/** People taking part (not removed), in join order. */
	people: PersonView[];
}

export interface ParticipantView extends BaseView {
	role: 'participant';
	me: PersonView;
	runs: ParticipantRunView[];
	/** Reflections this person wrote or that were written for them. */
	myReflections: MyReflectionView[];
}

export interface ScreenView extends BaseView {
	role: 'screen';
	/** Page turns and a note shown whole, asked for from the console. */
	screenControl: ScreenControl;
	runs: PublicRunView[];
}

export interface FacilitatorView extends BaseView {
	role: 'facilitator';
	/** What the console asked of the screen. */
	screenControl: ScreenControl;
	participants: Participant[];
	reflection: string;
	runs: FacilitatorRunView[];
	/** Every reflection of the group, oldest first. */
	reflections: Reflection[];
}

export type SessionView = ParticipantView | ScreenView | FacilitatorView;

function activePeople(state: SessionState): Participant[] {
	return state.participants.filter((p) => !p.removed);
}

function person(p: Participant): PersonView {
	return { id: p.id, name: p.name };
}

/**
 * A view's item made from one note, kept while the note and what else the item depends on (the
 * people, the settings) are the same objects: notes are never changed in place, so an unchanged
 * note keeps its item from state to state. A diff then skips it unread, and a change (one note
 * added) makes one item, not one per note.
 */
type NoteItems<T> = WeakMap<Note, { people: Participant[]; settings: SessionSettings; item: T }>;

function noteItem<T>(
	items: NoteItems<T>,
	note: Note,
	state: SessionState,
	make: (note: Note) => T
): T {
	const { participants: people, settings } = state;
	const known = items.get(note);
	if (known && known.people === people && known.settings === settings) return known.item;
	const item = make(note);
	items.set(note, { people, settings, item });
	return item;
}

const revealedItems: NoteItems<RevealedNoteView> = new WeakMap();
const privateItems: NoteItems<PrivateNoteView> = new WeakMap();
const myNoteItems: NoteItems<MyNoteView> = new WeakMap();

/**
 * A view of a run, kept by run: states are never changed in place, and a run's view depends
 * only on the run, the people and the settings, so every viewer of one state shares one
 * computation, and a run no command touched keeps its view object from state to state (a diff
 * skips it).
 */
type RunViews<V> = WeakMap<
	QuestionRun,
	{ participants: Participant[]; settings: SessionSettings; view: V }
>;

function runView<V>(views: RunViews<V>, state: SessionState, run: QuestionRun, make: () => V): V {
	const known = views.get(run);
	if (known && known.participants === state.participants && known.settings === state.settings)
		return known.view;
	const view = make();
	views.set(run, { participants: state.participants, settings: state.settings, view });
	return view;
}

const publicRuns: RunViews<PublicRunView> = new WeakMap();

function publicRun(state: SessionState, run: QuestionRun): PublicRunView {
	return runView(publicRuns, state, run, () => computePublicRun(state, run));
}

/**
 * Parts of a run's public view kept by the identity of what each is made from, so that a
 * command which leaves a run's notes or clusters as they were (a ballot, a phase change, a
 * reveal of the order) makes its new view from the previous state's parts: the revealed
 * notes and the writing progress are each O(notes) to make again (the vote items are kept by
 * voteItems itself).
 */
type Kept<K extends object, D, V> = WeakMap<K, { deps: D; value: V }>;

function kept<K extends object, D extends readonly unknown[], V>(
	memo: Kept<K, D, V>,
	key: K,
	deps: D,
	make: () => V
): V {
	const known = memo.get(key);
	if (known && known.deps.every((dep, i) => dep === deps[i])) return known.value;
	const value = make();
	memo.set(key, { deps, value });
	return value;
}

type RevealedPart = RevealedNoteView[];
const revealedParts: Kept<Note[], [Participant[], SessionSettings], RevealedPart> = new WeakMap();
const progressParts: Kept<Note[], [Participant[]], number[]> = new WeakMap();

function revealedNotes(state: SessionState, run: QuestionRun, names: () => Map<string, string>) {
	return kept(revealedParts, run.notes, [state.participants, state.settings], () =>
		run.notes
			.filter((n) => n.revealIndex !== null)
			.sort((a, b) => a.revealIndex! - b.revealIndex!)
			.map((note) =>
				noteItem(revealedItems, note, state, (n) => ({
					id: n.id,
					text: n.text,
					revealIndex: n.revealIndex!,
					// An erased person's name is '' (data protection): their notes show no author.
					author:
						state.settings.anonymous || n.authorId === null
							? null
							: names().get(n.authorId) || null,
					edited: n.history.some((h) => h.by === 'facilitator'),
					...(n.authorId === null && !state.settings.anonymous ? { byGroup: true as const } : {})
				}))
			)
	);
}

function computePublicRun(state: SessionState, run: QuestionRun): PublicRunView {
	const people = activePeople(state);
	let names: Map<string, string> | null = null;
	const namesOf = () => (names ??= new Map(state.participants.map((p) => [p.id, p.name])));
	const showResults = run.phase === 'results' || run.phase === 'discuss';
	const voting = (votingPhases as readonly Phase[]).includes(run.phase);
	const items = voting ? voteItems(run) : [];
	const activeIds = new Set(people.map((p) => p.id));
	const closed = showResults ? run.closedVote : null;
	const withheld = closed && withheldReason(run, closed);
	return {
		id: run.id,
		phase: run.phase,
		// Most first: in join order, next to the list of people, the dots would name their writers.
		progress:
			run.phase === 'write'
				? kept(progressParts, run.notes, [state.participants], () => {
						const counts = new Map<string | null, number>();
						for (const n of run.notes) counts.set(n.authorId, (counts.get(n.authorId) ?? 0) + 1);
						return people.map((p) => counts.get(p.id) ?? 0).sort((a, b) => b - a);
					})
				: [],
		reveal:
			run.reveal && run.phase === 'reveal'
				? {
						order: run.reveal.order.map((id) => ({ id, name: namesOf().get(id) ?? '' })),
						turnId: run.reveal.turn === null ? null : run.reveal.order[run.reveal.turn]!,
						everyonePassed: everyonePassed(run),
						hiddenCount: run.notes.filter((n) => n.revealIndex === null).length
					}
				: null,
		notes: revealedNotes(state, run, namesOf),
		clusters: run.clusters.map((c) =>
			c.parentId === undefined
				? { id: c.id, heading: c.heading, noteIds: c.noteIds }
				: { id: c.id, heading: c.heading, noteIds: c.noteIds, parentId: c.parentId }
		),
		vote: voting
			? {
					items,
					n: effectiveTopN(state.settings.topN, items.length),
					voted: votersOf(run).filter((id) => activeIds.has(id)).length,
					voters: people.length
				}
			: null,
		results: closedResults(run, closed),
		resultsWithheld:
			closed && withheld ? { reason: withheld, ballots: closed.rankings.length } : null,
		previousResults:
			showResults || run.phase === 'revote' ? closedResults(run, run.previousVote) : null
	};
}

/** The base of every view of one state, made once: its parts are shared by every viewer. */
const bases = new WeakMap<SessionState, BaseView>();

function base(state: SessionState): BaseView {
	let made = bases.get(state);
	if (!made) bases.set(state, (made = computeBase(state)));
	return made;
}

function computeBase(state: SessionState): BaseView {
	return {
		sessionId: state.id,
		title: state.title,
		language: state.language,
		settings: state.settings,
		questions: state.questions.map((q) => ({
			id: q.id,
			label: q.label,
			text: q.text,
			phase: q.phase
		})),
		currentQuestionId: state.currentQuestionId,
		timer: state.timer,
		people: activePeople(state).map(person)
	};
}

export function participantView(
	state: SessionState,
	participantId: string
): ParticipantView | null {
	const me = state.participants.find((p) => p.id === participantId && !p.removed);
	if (!me) return null;
	return {
		...base(state),
		role: 'participant',
		me: person(me),
		runs: state.questions.map((run) => ({
			...phoneRun(state, run),
			...ownPart(state, run, me)
		})),
		myReflections: myReflections(state, me.id)
	};
}

/**
 * A phone's view in two parts, for sending changes: what every phone of the state shares (the
 * view without its owner's part, made once per state) and what only its owner sees. Their
 * fields do not overlap except inside each run: the view is the shared part with `me` and
 * `myReflections` added and each run's own fields added to the shared run.
 */
export type PhoneSharedView = BaseView & { role: 'participant'; runs: PublicRunView[] };

export interface PhoneOwnView {
	me: PersonView;
	runs: Pick<ParticipantRunView, 'myNotes' | 'myBallot' | 'ballotCounted'>[];
	myReflections: MyReflectionView[];
}

const phoneShared = new WeakMap<SessionState, PhoneSharedView>();

export function phoneSharedView(state: SessionState): PhoneSharedView {
	let made = phoneShared.get(state);
	if (!made) {
		made = {
			...base(state),
			role: 'participant',
			runs: state.questions.map((run) => phoneRun(state, run))
		};
		phoneShared.set(state, made);
	}
	return made;
}

/** What only this participant sees of the state; null when they are not (or no longer) in it. */
export function phoneOwnView(state: SessionState, participantId: string): PhoneOwnView | null {
	const me = state.participants.find((p) => p.id === participantId && !p.removed);
	if (!me) return null;
	const runs = state.questions.map((run) => ownPart(state, run, me));
	const reflections = state.reflections ?? noReflections;
	// Nothing of theirs changed (another person's note): the own view they had, as it was.
	const last = lastOwnViews.get(me);
	if (
		last &&
		last.reflections === reflections &&
		last.view.runs.length === runs.length &&
		runs.every((run, i) => run === last.view.runs[i])
	)
		return last.view;
	const view = { me: person(me), runs, myReflections: myReflections(state, me.id) };
	lastOwnViews.set(me, { reflections, view });
	return view;
}

const noReflections: Reflection[] = [];

/** Each person's own view as last made, with the reflections it was made from. */
const lastOwnViews = new WeakMap<Participant, { reflections: Reflection[]; view: PhoneOwnView }>();

function myReflections(state: SessionState, participantId: string): MyReflectionView[] {
	return (state.reflections ?? [])
		.filter((r) => r.authorId === participantId)
		.map((r) => ({ id: r.id, title: r.title, text: r.text, showName: r.showName }));
}

/**
 * The public part as phones get it: without the notes-per-person progress, which only the
 * screen and the console show. Another person's note then leaves a phone's view unchanged, so
 * it is not sent again: a group's phones get one view per note of their own, not one per note.
 */
function phoneRun(state: SessionState, run: QuestionRun): PublicRunView {
	const view = publicRun(state, run);
	if (view.progress.length === 0) return view;
	let phone = phoneRuns.get(view);
	if (!phone) phoneRuns.set(view, (phone = { ...view, progress: [] }));
	return phone;
}

/** A run's public view without the progress, made once per public view and shared by phones. */
const phoneRuns = new WeakMap<PublicRunView, PublicRunView>();

type OwnRunPart = Pick<ParticipantRunView, 'myNotes' | 'myBallot' | 'ballotCounted'>;

/** Each notes list's notes by author, indexed once (not filtered again for every phone). */
const notesByAuthor = new WeakMap<Note[], Map<string | null, Note[]>>();

function authoredBy(notes: Note[], participantId: string): Note[] {
	let index = notesByAuthor.get(notes);
	if (!index) {
		index = new Map();
		for (const note of notes) {
			const list = index.get(note.authorId);
			if (list) list.push(note);
			else index.set(note.authorId, [note]);
		}
		notesByAuthor.set(notes, index);
	}
	return index.get(participantId) ?? [];
}

/**
 * Each person's own part of each run as last made, by run id, with what it was made from: a
 * part whose notes (the same note objects, with the same people and settings) and ballot are
 * as before is the same part (another person's note leaves it as it was), so a phone's diff
 * skips it unread and no copy is made.
 */
interface LastOwnPart {
	part: OwnRunPart;
	notes: Note[];
	people: Participant[];
	settings: SessionSettings;
}
const lastOwnParts = new WeakMap<Participant, Map<string, LastOwnPart>>();

/** What only this participant sees of a run: their own notes and ballot. */
function ownPart(state: SessionState, run: QuestionRun, me: Participant): OwnRunPart {
	const mine = authoredBy(run.notes, me.id);
	const myBallot = run.ballots.find((b) => b.voterId === me.id)?.ranking ?? null;
	const ballotCounted = run.closedVote?.voterIds.includes(me.id) ?? false;
	let parts = lastOwnParts.get(me);
	if (!parts) lastOwnParts.set(me, (parts = new Map()));
	const last = parts.get(run.id);
	const sameBallot =
		last !== undefined &&
		last.part.myBallot === myBallot &&
		last.part.ballotCounted === ballotCounted;
	// The same notes for the same people and settings: the same items, nothing to look up.
	if (
		sameBallot &&
		last.people === state.participants &&
		last.settings === state.settings &&
		sameElements(mine, last.notes)
	)
		return last.part;
	const myNotes = mine.map((note) =>
		noteItem(myNoteItems, note, state, (n) => ({
			id: n.id,
			text: n.text,
			revealed: n.revealIndex !== null,
			readByFacilitator: facilitatorMayRead(n, state.settings)
		}))
	);
	const part =
		sameBallot && sameElements(myNotes, last.part.myNotes)
			? last.part
			: { myNotes, myBallot, ballotCounted };
	parts.set(run.id, { part, notes: mine, people: state.participants, settings: state.settings });
	return part;
}

export function screenView(state: SessionState): ScreenView {
	return {
		...base(state),
		role: 'screen',
		screenControl: state.screen ?? defaultScreenControl,
		runs: state.questions.map((run) => publicRun(state, run))
	};
}

export function facilitatorView(state: SessionState): FacilitatorView {
	return {
		...base(state),
		role: 'facilitator',
		screenControl: state.screen ?? defaultScreenControl,
		participants: state.participants,
		reflection: state.reflection,
		runs: state.questions.map((run) => facilitatorRun(state, run)),
		reflections: state.reflections ?? []
	};
}

/**
 * Runs as the console sees them, by run (see runView): another question's run, untouched while
 * this one is written or voted on, keeps its object, so the console's diff skips it unread.
 */
const facilitatorRuns: RunViews<FacilitatorRunView> = new WeakMap();

function facilitatorRun(state: SessionState, run: QuestionRun): FacilitatorRunView {
	return runView(facilitatorRuns, state, run, () => computeFacilitatorRun(state, run));
}

function computeFacilitatorRun(state: SessionState, run: QuestionRun): FacilitatorRunView {
	const anonymous = state.settings.anonymous;
	return {
		...publicRun(state, run),
		notesByPerson: anonymous ? [] : notesByPerson(state.participants, run.notes),
		privateNotes: run.notes
			.filter((n) => n.revealIndex === null && facilitatorMayRead(n, state.settings))
			.map((note) =>
				noteItem(privateItems, note, state, (n) => ({
					id: n.id,
					authorId: anonymous ? null : n.authorId,
					text: n.text,
					byFacilitator: n.byFacilitator,
					...(n.authorId === null ? { byGroup: true as const } : {})
				}))
			),
		votedIds: votersOf(run).sort(),
		ballotsEntered: run.ballots
			.filter((b) => b.byFacilitator)
			.map((b) => ({ voterId: b.voterId, ranking: b.ranking })),
		history: Object.fromEntries(
			run.notes
				.filter((n) => n.revealIndex !== null && n.history.some((h) => h.by === 'facilitator'))
				.map((n) => [
					n.id,
					n.history
						.filter((h) => h.by === 'facilitator')
						.map((h) => ({ previous: h.previous, at: h.at }))
				])
		),
		stepBack: describeStepBack(run),
		discussion: run.discussion ?? ''
	};
}

/** How many notes each person wrote, counted in one pass (not one pass per person). */
function notesByPerson(
	participants: Participant[],
	notes: Note[]
): FacilitatorRunView['notesByPerson'] {
	const counts = new Map<string | null, number>();
	for (const note of notes) counts.set(note.authorId, (counts.get(note.authorId) ?? 0) + 1);
	return participants.map((p) => ({ participantId: p.id, count: counts.get(p.id) ?? 0 }));
}

/** The view for a viewer, or null when the viewer is not (or no longer) part of the session. */
export function viewFor(state: SessionState, viewer: Viewer): SessionView | null {
	switch (viewer.role) {
		case 'participant':
			return participantView(state, viewer.participantId);
		case 'screen':
			return screenView(state);
		case 'facilitator':
			return facilitatorView(state);
	}
}

/** The view for a viewer as it is sent (see sent-views.ts), or null as viewFor. */
export function sentViewFor(state: SessionState, viewer: Viewer): SentView | null {
	const view = viewFor(state, viewer);
	return view && sentView(view);
}

/** Public parts of one state's views, serialised once; an object's JSON without its closing brace. */
interface OpenJson {
	base: string;
	runs: string[];
	/** Runs as phones see them (see phoneRun); computed on first use. */
	phoneRuns?: string[];
	screen?: string;
	facilitator?: string;
}

const openJson = new WeakMap<SessionState, OpenJson>();

/** JSON of a non-empty object without its closing brace, to append fields to. */
function open(value: object): string {
	return JSON.stringify(value).slice(0, -1);
}

function openJsonOf(state: SessionState): OpenJson {
	let parts = openJson.get(state);
	if (!parts) {
		parts = {
			base: open(base(state)),
			runs: state.questions.map((r) => open(sentRun(publicRun(state, r))))
		};
		openJson.set(state, parts);
	}
	return parts;
}

/**
 * The view for a viewer as sent, exactly JSON.stringify(sentView(viewFor(state, viewer))), built from
 * public parts serialised once per state: a change sent to a whole group serialises the
 * shared part once instead of once per person. Null when the viewer is not part of the session.
 */
export function viewJson(state: SessionState, viewer: Viewer): string | null {
	const parts = openJsonOf(state);
	switch (viewer.role) {
		case 'screen':
			return (parts.screen ??= `${parts.base},"role":"screen","screenControl":${JSON.stringify(state.screen ?? defaultScreenControl)},"runs":[${parts.runs.map((r) => `${r}}`).join(',')}]}`);
		case 'facilitator':
			return (parts.facilitator ??= JSON.stringify(sentView(facilitatorView(state))));
		case 'participant': {
			const me = state.participants.find((p) => p.id === viewer.participantId && !p.removed);
			if (!me) return null;
			// Outside writing a phone's public part is the screen's: serialise it once.
			const phoneRuns = (parts.phoneRuns ??= state.questions.map((r, i) =>
				r.phase === 'write' ? open(sentRun(phoneRun(state, r))) : parts.runs[i]!
			));
			const runs = state.questions.map(
				(run, i) => `${phoneRuns[i]},${JSON.stringify(ownPart(state, run, me)).slice(1)}`
			);
			return `${parts.base},"role":"participant","me":${JSON.stringify(person(me))},"runs":[${runs.join(',')}],"myReflections":${JSON.stringify(myReflections(state, me.id))}}`;
		}
	}
}
