import type { Phase } from './phases';

/** Languages Samråd speaks. */
export const languages = ['nb', 'sv', 'da', 'is', 'fi', 'en'] as const;
export type Language = (typeof languages)[number];

export interface SessionSettings {
	/** Notes are shown without their authors (the default). */
	anonymous: boolean;
	/** How many items each voter ranks. */
	topN: number;
	/**
	 * Whether the facilitator's console may read notes before they are revealed: notes written
	 * while it is on (phones say so), never notes written before.
	 */
	facilitatorSeesNotes: boolean;
	/** Members may write their own reflection on their phone (absent in older sessions: no). */
	membersReflect?: boolean;
	/**
	 * All questions are answered together in one list, run once on the first question; chosen
	 * before writing starts (absent in older sessions: each question on its own).
	 */
	oneList?: boolean;
}

export const defaultSettings: SessionSettings = {
	anonymous: true,
	topN: 5,
	facilitatorSeesNotes: false
};

export interface Participant {
	id: string;
	name: string;
	/** Server time the person joined; the round-robin follows this order. */
	joinedAt: number;
	/** Added by the facilitator for someone without a phone. */
	viaFacilitator: boolean;
	/** Removed or left; kept so that notes they wrote keep an author. */
	removed: boolean;
}

export interface NoteEdit {
	/** The text before this edit. */
	previous: string;
	at: number;
	by: 'author' | 'facilitator';
}

export interface Note {
	id: string;
	/** Null for a note the facilitator entered for the group as a whole: nobody's. */
	authorId: string | null;
	text: string;
	createdAt: number;
	/** Entered by the facilitator on the author's behalf. */
	byFacilitator: boolean;
	/** Position in the reveal (0, 1, …); null while private. */
	revealIndex: number | null;
	/** Written while "facilitator reads notes" was on: the phone said so, the console may read it. */
	readableByFacilitator: boolean;
	/** Earlier versions, oldest first. */
	history: NoteEdit[];
}

export interface Cluster {
	id: string;
	heading: string;
	/** Notes under this heading, in display order. */
	noteIds: string[];
	/** Set on a sub-heading: the heading it sits under (one level only). Absent on headings. */
	parentId?: string;
}

export interface RevealState {
	/** Participants who had notes when the reveal began, in round-robin order. */
	order: string[];
	/** Index into order of the person whose turn it is; null when every note is revealed. */
	turn: number | null;
	/** Consecutive passes since the last note was revealed. */
	passStreak: number;
	/** Notes from this reveal index on were revealed by moving on to clarify, not by turns. */
	autoFrom: number | null;
	/** Whose turn it was when moving on revealed the rest: the turn resumes there on stepping back. */
	autoTurnId: string | null;
}

export interface Ballot {
	voterId: string;
	/** Item ids, first choice first. */
	ranking: string[];
	castAt: number;
	/** Entered by the facilitator for someone without a phone. */
	byFacilitator: boolean;
}

/** One row of a closed vote's tally, fixed at the close. */
export interface ClosedTallyRow {
	itemId: string;
	points: number;
	voters: number;
	rank: number;
	tied: boolean;
	/** The heading at the close, for a heading dissolved later; null for a single note. */
	heading: string | null;
}

/**
 * A closed vote: the ballots without their voters. Closing drops who voted what; the ranked
 * lists stay (sorted, so their order tells nothing) and so does who voted (never what).
 */
export interface ClosedVote {
	/** Ranked lists, first choice first, in sorted order. */
	rankings: string[][];
	/** How many of them the facilitator entered for people without a phone. */
	entered: number;
	/** People who voted, sorted. */
	voterIds: string[];
	/** The tally at the close: a later top-N or new headings never recount these ballots. */
	tally: ClosedTallyRow[];
}

export interface QuestionRun {
	id: string;
	/** a, b, c … */
	label: string;
	text: string;
	phase: Phase;
	notes: Note[];
	clusters: Cluster[];
	reveal: RevealState | null;
	/** Ballots of the open vote, each with its voter so that it can be changed. */
	ballots: Ballot[];
	/**
	 * The last closed vote: its result in results and discuss; in vote and revote, ballots
	 * carried over from a close whose tally was withheld, counted again at the next close.
	 */
	closedVote: ClosedVote | null;
	/** The vote before the latest revote, kept while the group discusses and votes again. */
	previousVote: ClosedVote | null;
	/** The group's discussion of this question, as the facilitator wrote it; absent: none. */
	discussion?: string;
}

export interface Timer {
	/** Length the facilitator set, in ms (add-time extends it). */
	durationMs: number;
	/** When it was last started or resumed; null while paused. */
	startedAt: number | null;
	/** Time run before the last start/resume. */
	elapsedMs: number;
}

/** What the facilitator asked of the screen, on top of the paging it does by itself. */
export interface ScreenControl {
	/** Page turns asked for, counted up (next) and down (previous): screens turn by the change. */
	turns: number;
	/** A revealed note shown whole, while its question and the phase it was asked in last. */
	focus: { questionId: string; phase: Phase; noteId: string } | null;
}

export const defaultScreenControl: ScreenControl = { turns: 0, focus: null };

export interface SessionState {
	id: string;
	title: string;
	/** Language of the screen (and report). */
	language: Language;
	createdAt: number;
	settings: SessionSettings;
	participants: Participant[];
	questions: QuestionRun[];
	/** The question the screen shows and phones open on. */
	currentQuestionId: string;
	timer: Timer | null;
	/** The group leader's reflection, for the report. */
	reflection: string;
	/** Absent in sessions stored before screens could be paged: the default then. */
	screen?: ScreenControl;
	/** Reflections with authors, oldest first; absent in sessions stored before them: none. */
	reflections?: Reflection[];
}

/** A reflection by one person of the group, written on the console or on their own phone. */
export interface Reflection {
	id: string;
	/** The participant who wrote it (a leader or a member of the group). */
	authorId: string;
	/** Optional title; '' prints "<author>'s reflection". */
	title: string;
	text: string;
	/** The report prints the author's name; otherwise "A participant's reflection". */
	showName: boolean;
	/** Written by the author on their phone, not entered for them on the console. */
	byAuthor: boolean;
	/** When it was first written. */
	createdAt: number;
}
