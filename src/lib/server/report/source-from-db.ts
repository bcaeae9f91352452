import { detailsOf } from '$lib/domain/conference/types';
import type { RoleDefinition } from '$lib/domain/conference/roles';
import type { GlossaryConcept } from '$lib/domain/glossary/types';
import type { GlossaryEntry, ReportRole, ReportSource } from '$lib/domain/report/source';
import type { Language, SessionState } from '$lib/domain/session/types';
import { localeTags } from '$lib/i18n';
import type { App } from '../app';

/**
 * A role word as it reads mid-sentence ("Steen Bengtsson, forsker"): role labels are written
 * for buttons and headings, so the first letter is lowered, unless the word starts with an
 * abbreviation ("NAV-veileder", "SE-konsulent").
 */
function inRunningText(label: string, lang: Language): string {
	const [first = '', second = ''] = [...label];
	if (second !== '' && second !== second.toLocaleLowerCase(localeTags[lang])) return label;
	return first.toLocaleLowerCase(localeTags[lang]) + label.slice(first.length);
}

function reportRole(role: RoleDefinition): ReportRole {
	const lower = (labels: RoleDefinition['label']) =>
		Object.fromEntries(
			Object.entries(labels).flatMap(([lang, text]) =>
				text ? [[lang, inRunningText(text, lang as Language)]] : []
			)
		);
	return { id: role.id, label: lower(role.label), plural: lower(role.groupLabel) };
}

function glossaryEntry(concept: GlossaryConcept): GlossaryEntry {
	const terms: GlossaryEntry['terms'] = {};
	for (const [lang, list] of Object.entries(concept.terms) as [Language, readonly string[]][]) {
		if (list.length > 0) terms[lang] = [...list];
	}
	return concept.explanation
		? { id: concept.id, terms, explanation: { ...concept.explanation } }
		: { id: concept.id, terms };
}

export interface SourceOptions {
	/** Language of the names Samråd makes up itself (group names such as "Arbeidsgivere II"). */
	language?: Language;
}

/**
 * The stored conference as the report model's source: its details and programme, roles with
 * the organiser's renames, participants, glossary, and every round's groups with leaders,
 * members, their session as it stands now, the planned questions, the plenum summaries and
 * the organiser's themes across the groups.
 * Null when there is no such conference.
 */
export async function reportSourceFromDb(
	app: Pick<App, 'conferences' | 'sessions'>,
	conferenceId: string,
	options: SourceOptions = {}
): Promise<ReportSource | null> {
	const service = app.conferences;
	const conference = await service.get(conferenceId);
	if (!conference) return null;
	const lang = options.language ?? conference.language;
	const sessionOf = async (sessionId: string | null) =>
		sessionId ? ((await app.sessions.get(sessionId))?.state ?? null) : null;
	const themes = (await service.state(conferenceId))?.themes ?? {};
	const rounds = [];
	for (const round of await service.rounds(conferenceId)) {
		const groups = [];
		for (const group of (await service.roundDetail(conferenceId, round.id, lang))?.groups ?? []) {
			const session = await sessionOf(group.sessionId);
			// An empty group is no part of the report, unless its people wrote notes before leaving it.
			if (!group.shown && !wroteNotes(session)) continue;
			groups.push({
				id: group.id,
				name: group.name,
				leaderIds: group.leaders,
				memberIds: group.memberIds,
				session,
				plannedQuestions: group.questions ?? round.questions,
				reflection: session?.reflection ?? ''
			});
		}
		rounds.push({
			id: round.id,
			title: round.title,
			theme: round.theme,
			groups,
			plenumSummary: round.plenumSummary,
			instruction: round.instruction ?? '',
			themes: themes[round.id] ?? null
		});
	}
	return {
		conference: detailsOf(conference),
		programme: (await service.programme(conferenceId)).map((item) => ({
			date: item.day,
			start: item.start,
			end: item.end || null,
			title: item.title,
			kind: item.kind
		})),
		roles: (await service.roles(conferenceId)).map(reportRole),
		participants: (await service.participants(conferenceId)).map((p) => ({
			id: p.id,
			name: p.name,
			country: p.country,
			roleId: p.role,
			organisation: p.organisation,
			coordinator: p.coordinator,
			roleDescription: p.roleDescription ?? ''
		})),
		glossary: (await service.glossary(conferenceId)).map(glossaryEntry),
		rounds
	};
}

/** Whether a group's session holds any note (its people may have moved on since). */
function wroteNotes(state: SessionState | null): boolean {
	return state?.questions.some((q) => q.notes.length > 0) ?? false;
}
