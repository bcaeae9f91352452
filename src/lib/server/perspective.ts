import type { ConferenceState } from '$lib/domain/conference/state';
import type { Round } from '$lib/domain/conference/types';
import type { Language } from '$lib/domain/session/types';
import {
	perspectiveMap,
	type PerspectiveGroup,
	type PerspectiveMap
} from '$lib/domain/synthesis/perspective';
import {
	perspectiveGroupsOf,
	perspectiveView,
	type PerspectiveView
} from '$lib/domain/synthesis/round-perspective';
import type { RoundThemes } from '$lib/domain/synthesis/themes';
import { loadLanguageDetector } from '$lib/domain/synthesis/language';
import type { App } from './app';

/** A round's perspective map: the proposal from the groups' results, and the organiser's own. */
export interface RoundPerspective {
	state: ConferenceState;
	round: Round;
	groups: PerspectiveGroup[];
	/** Headed in the conference's language: the plenum and the report read the stored map. */
	proposal: PerspectiveMap;
	stored: RoundThemes | null;
	/** The organiser's map where there is one, else the proposal, with the items' texts. */
	view: PerspectiveView;
}

/**
 * Reads a round's groups' results from their sessions and proposes the themes across them;
 * null when the conference or round does not exist. Groups are labelled in `lang`.
 */
export async function roundPerspective(
	app: Pick<App, 'conferences' | 'sessions' | 'stores'>,
	conferenceId: string,
	roundId: string,
	lang: Language
): Promise<RoundPerspective | null> {
	const state = await app.conferences.state(conferenceId);
	const round = state?.rounds.find((r) => r.id === roundId);
	if (!state || !round) return null;
	const sessionIds = state.groups.flatMap((g) =>
		g.roundId === roundId && g.sessionId ? [g.sessionId] : []
	);
	await Promise.all(sessionIds.map((id) => app.sessions.get(id)));
	const session = (id: string) => app.sessions.loaded(id)?.state ?? null;
	const { conference } = state;
	const glossary = await app.stores.glossary.read(conferenceId);
	const options = { glossary, reader: conference.language, languages: conference.languages };
	await loadLanguageDetector();
	const proposal = perspectiveMap(
		perspectiveGroupsOf(state, roundId, conference.language, session),
		options
	);
	const groups = perspectiveGroupsOf(state, roundId, lang, session);
	const stored = state.themes[roundId] ?? null;
	return {
		state,
		round,
		groups,
		proposal,
		stored,
		view: perspectiveView(groups, stored?.themes ?? proposal.themes)
	};
}

/**
 * Rewrites or drops, in every round's themes, headings taken from note texts a group session no
 * longer holds (a note deleted, a person erased): see forgetTexts.
 */
export async function forgetThemeTexts(
	app: Pick<App, 'conferences' | 'sessions' | 'stores'>,
	conferenceId: string,
	texts: string[]
): Promise<void> {
	const state = await app.conferences.state(conferenceId);
	if (!state) return;
	for (const roundId of Object.keys(state.themes)) {
		const sessionIds = state.groups.flatMap((g) =>
			g.roundId === roundId && g.sessionId ? [g.sessionId] : []
		);
		await Promise.all(sessionIds.map((id) => app.sessions.get(id)));
		const session = (id: string) => app.sessions.loaded(id)?.state ?? null;
		const groups = perspectiveGroupsOf(state, roundId, state.conference.language, session);
		const done = await app.conferences.dispatch(conferenceId, {
			type: 'themes.forget',
			roundId,
			texts,
			groups
		});
		if (!done.ok) throw new Error(`themes.forget: ${done.error.code}`);
	}
}
