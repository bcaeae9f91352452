/**
 * The round page's contract: what its `load` returns and what its form actions answer. The
 * server (+page.server.ts) builds these; the page (+page.svelte) reads them.
 */
import type {
	AllocationSettings,
	GroupingRule,
	RolePlacement
} from '$lib/domain/conference/allocation';
import type { ReallocationMode } from '$lib/domain/conference/grouping';
import type { FormError } from './form-errors';

/** Someone of the conference, as the round page shows them. */
export interface RoundPerson {
	id: string;
	name: string;
	/** Role id. */
	role: string;
	/** The role's word in the page's language. */
	roleLabel: string;
	/** ISO country code. */
	country: string;
	/** The country's name in the page's language. */
	countryName: string;
	coordinator: boolean;
}

/** Someone seated in a group. */
export interface RoundSeat extends RoundPerson {
	/** Leads the group. */
	leader: boolean;
	/** Placed by hand: re-allocation keeps them here. */
	pinned: boolean;
}

/** A group of the round, in display order. */
export interface RoundGroup {
	id: string;
	/** Allocation key (role:<id>:<part>, country:<code>:<part>, mixed:<n>, manual:<n>). */
	key: string;
	/** The name shown: the organiser's own, else the generated one, in the page's language. */
	name: string;
	/** The organiser's own name, or null for the generated one. */
	customName: string | null;
	/** The generated name (what an empty rename goes back to). */
	generatedName: string;
	/** Its own questions, or null: it takes the round's. */
	questions: string[] | null;
	/** Leaders first, then members; each group sorted by name. */
	seats: RoundSeat[];
	/** No one sits in it: never started, never shown on the plenum, overview or report. */
	empty: boolean;
}

/** One role of the conference, with its option for this round. */
export interface RoundRole {
	id: string;
	/** The person word ("Researcher"). */
	label: string;
	/** The group word ("Researchers"). */
	groupLabel: string;
	/** How many people of the conference have it. */
	count: number;
	/** Where its people go when the round is (re-)allocated; absent options are { kind: 'own' }. */
	placement: RolePlacement;
}

/** What the round page's `load` returns. */
export interface RoundPageData {
	round: {
		id: string;
		position: number;
		title: string;
		theme: string;
		rule: GroupingRule;
		maxGroupSize: number;
		/** Questions every group gets unless it has its own. */
		questions: string[];
		/** Its groups' sessions exist: grouping changes reach the phones at once. */
		started: boolean;
		/** The conference's current round. */
		current: boolean;
	};
	/** The round's allocation settings as stored (rule, limit, per-role options). */
	settings: AllocationSettings;
	/** The conference's roles in their order, each with its option for this round. */
	roles: RoundRole[];
	/** Groups in display order. */
	groups: RoundGroup[];
	/** People in no group this round, by choice (observers), sorted by name. */
	noGroup: RoundPerson[];
	/** People without a seat: the next re-allocation places them; sorted by name. */
	unplaced: RoundPerson[];
	/** Everyone of the conference by id (for names in previews and refusals). */
	people: Record<string, RoundPerson>;
	/** This organiser has an own grouping action that can be undone. */
	canUndo: boolean;
	limits: {
		/** Characters in a group's own name. */
		groupName: number;
		/** Allowed maximum group sizes. */
		groupSize: { min: number; max: number };
		/** Most groups one role may ask for (option 'own' with n groups). */
		groupsPerRole: number;
	};
}

/** Where someone is before or after a re-allocation, named for the page. */
export type PreviewPlace =
	{ kind: 'group'; key: string; name: string } | { kind: 'noGroup' } | { kind: 'unplaced' };

/** What a re-allocation will do, named in the page's language. */
export interface ReallocationPreview {
	mode: ReallocationMode;
	settings: AllocationSettings;
	/** Post this back unchanged as the field `reallocation` of ?/reallocate. */
	reallocation: string;
	/** Groups it makes, in order. */
	created: { key: string; name: string }[];
	/** Groups whose generated name changes (Employers → Employers I). */
	relabelled: { groupId: string; from: string; to: string }[];
	/** Who goes where, sorted by name. */
	moves: {
		participantId: string;
		name: string;
		from: PreviewPlace;
		to: PreviewPlace;
		leader: boolean;
	}[];
	/** Groups it empties, which it removes. */
	removed: { groupId: string; name: string }[];
	/** Groups over the limit ('over_max') and people who could not stay ('not_kept'), translated. */
	warnings: FormError[];
	/** Nothing would change. */
	nothing: boolean;
}

/** The form actions' scopes: which form an answer belongs to. */
export type RoundScope =
	| 'round'
	| 'top'
	| 'start'
	| 'preview'
	| 'reallocate'
	| 'move'
	| 'swap'
	| 'noGroup'
	| 'unplace'
	| 'lead'
	| 'addGroup'
	| 'renameGroup'
	| 'deleteGroup'
	| 'mergeGroups'
	| 'splitGroup'
	| 'questions'
	| 'undo';

/** A form action's answer on success. */
export interface RoundActionSuccess {
	scope: RoundScope;
	/** Set by ?/preview. */
	preview?: ReallocationPreview;
	/** Set by ?/reallocate: translated warnings of the run that was applied. */
	warnings?: FormError[];
	/** Set by ?/addGroup and ?/splitGroup: the new group's id. */
	groupId?: string;
	/** Set by ?/save: the new rule re-allocated the round. */
	regrouped?: boolean;
	saved?: boolean;
	started?: boolean;
}

/** A form action's answer on refusal (status 403, 409 or 422). */
export interface RoundActionFailure {
	scope: RoundScope;
	/** Translated by the page: t(error.key, error.params). */
	errors: FormError[];
	/** The group the refused form was about, if any. */
	groupId?: string;
}

/** The settings as the form sends them, read back: used by ?/preview and ?/save. */
export type RolePlacementField = 'own' | `own:${number}` | `with:${string}` | 'lead' | 'none';
