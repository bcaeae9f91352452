/**
 * The conference archive: one JSON file with everything needed to recreate a conference on
 * any Samråd installation — details, programme, the organiser's roles, participants, glossary,
 * rounds with their groups and members, and each group's session as a snapshot.
 *
 * Ids. Rows refer to each other through references local to the file ("p1" for the first
 * participant, "r2" for the second round, "r2g3" for its third group), assigned in a fixed
 * order, so one conference always gives the same file. Inside sessions, conference members
 * appear by their participant reference and anyone else (people a leader added without a
 * phone) as "x1", "x2", … Import gives every row a fresh id.
 *
 * Secrets are never exported: the conference code, the plenum link, personal links (badges)
 * and the sessions' codes and console and screen links are made anew on import, so a copy can
 * live next to the original without either reaching the other. Badges must be printed again.
 *
 * It is the organiser's archive: it holds what an organiser may see and no more. Each session
 * carries its revealed notes with the facilitator's corrections, never an author's earlier
 * drafts; a closed vote whose results were shown, as ranked lists without who cast which; and of
 * what is still private — notes not yet revealed, the ballots of an open vote or of a vote whose
 * results were withheld — only how many there are ("withheld"). A group
 * moved mid-writing or mid-vote starts those again in the copy. A full copy of everything is
 * the operator's backup (npm run backup), not this file.
 *
 * Seats. A group's members are everyone seated in it, its leaders too (leaders lists those who
 * lead it); a round's noGroup lists people in no group by choice; anyone else is unplaced. The
 * round's roles say where each role's people go when it is allocated (version 3).
 *
 * Version 4 added what real conferences write (issue 13): social programme items, role
 * descriptions, round instructions, notes for the group (a null author), sub-headings,
 * reflections with authors and each question's discussion. Every one of them is optional, so
 * the same layout reads a version 3 file, which has none.
 *
 * Version 5 added each round's themes across the groups as the organiser confirmed, renamed,
 * merged or split them (optional: a version 4 file has none).
 *
 * Version 1 files (every note and ballot with its voter), version 2 files (no role options
 * or "no group"; a leader could be listed without being a member) and version 3 files are
 * still imported.
 *
 * Round trip: exporting, importing into an empty database and exporting again gives the same
 * bytes, except that the withheld counts are zero in the copy, which holds nothing withheld
 * (tested). The file carries no export time for that reason.
 */
import * as v from 'valibot';
import { groupingRules, maxGroupsPerRole } from '$lib/domain/conference/allocation';
import { isCountryCode } from '$lib/domain/conference/countries';
import { conferenceLimits } from '$lib/domain/conference/limits';
import { programmeKinds } from '$lib/domain/conference/programme';
import { isRoleId } from '$lib/domain/conference/roles';
import { limits } from '$lib/domain/limits';
import { phases } from '$lib/domain/session/phases';
import { groupTurnId } from '$lib/domain/session/round-robin';
import { languages } from '$lib/domain/session/types';
import { charCount } from '$lib/domain/text';
import { themeHeadingMax } from '$lib/domain/synthesis/perspective';
import { themeLimits } from '$lib/domain/synthesis/themes';

/** Marks a file as a Samråd conference archive. */
export const archiveFormat = 'samrad.conference';
/** The archive layout this version writes and reads; raised whenever the layout changes. */
export const archiveSchemaVersion = 5;

export const archiveLimits = {
	/** Largest file import takes (a 2,000-person conference with every session is far below). */
	maxBytes: 20 * 1024 * 1024,
	/** Problems listed when a file is refused (the count says how many there were). */
	issuesShown: 12
} as const;

/** Text of at most `max` characters (code points, as the app counts them). */
const text = (max: number) =>
	v.pipe(
		v.string(),
		v.check((s) => charCount(s) <= max, 'too_long')
	);
const list = <T extends v.GenericSchema>(item: T, max: number) =>
	v.pipe(v.array(item), v.maxLength(max, 'too_many'));
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** The last moment a calendar shows (31 December 9999, UTC): later times break every page. */
const latestTime = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(latestTime, 'invalid_date'));
const duration = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const language = v.picklist(languages);
const localText = (max: number) => v.record(language, text(max));
const isoDate = v.pipe(
	v.string(),
	v.check(
		(s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
		'invalid_date'
	)
);
const clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const participantRef = v.pipe(v.string(), v.regex(/^p[1-9]\d{0,4}$/));
/** In a session: a conference participant (p…) or someone only the session knows (x…). */
const personRef = v.pipe(v.string(), v.regex(/^[px][1-9]\d{0,4}$/));
const roundRef = v.pipe(v.string(), v.regex(/^r[1-9]\d{0,2}$/));
const groupRef = v.pipe(v.string(), v.regex(/^r[1-9]\d{0,2}g[1-9]\d{0,3}$/));
/** Enough for any real session; guards the import against absurd files. */
const sessionPeople = 2_000;
const questionNotes = limits.notesPerPersonPerQuestion * limits.participantsPerSession;

const itemRef = v.pipe(v.string(), v.regex(/^[cn]:[A-Za-z0-9_-]{1,64}$/));
/** One voter's ranked items, first choice first. */
const rankingSchema = list(itemRef, limits.topN);

/** A closed vote whose results were shown: its ranked lists without voters, and its tally. */
const closedVoteSchema = v.strictObject({
	rankings: list(rankingSchema, sessionPeople),
	entered: count,
	tally: list(
		v.strictObject({
			itemId: itemRef,
			points: count,
			voters: count,
			rank: count,
			tied: v.boolean(),
			heading: v.nullable(text(limits.headingChars))
		}),
		limits.clustersPerQuestion + questionNotes
	)
});

/** A turn in a reveal: a person's, or the group's (see round-robin.ts). */
const turnRef = v.union([personRef, v.literal(groupTurnId)]);

const noteFields = {
	id,
	/** Null for a note entered for the group: nobody's. */
	authorId: v.nullable(personRef),
	text: text(limits.noteChars),
	createdAt: time,
	byFacilitator: v.boolean(),
	revealIndex: v.nullable(count),
	readableByFacilitator: v.optional(v.boolean(), false)
};
const questionFields = {
	id,
	label: v.pipe(v.string(), v.regex(/^[a-z]$/)),
	text: text(limits.questionChars),
	phase: v.picklist(phases),
	clusters: list(
		v.strictObject({
			id,
			heading: text(limits.headingChars),
			noteIds: list(id, questionNotes),
			/** A sub-heading's heading; absent on headings and in archives from before sub-headings. */
			parentId: v.optional(id)
		}),
		limits.clustersPerQuestion
	),
	reveal: v.nullable(
		v.strictObject({
			order: list(turnRef, sessionPeople),
			turn: v.nullable(count),
			passStreak: count,
			autoFrom: v.nullable(count),
			autoTurnId: v.optional(v.nullable(turnRef), null)
		})
	),
	discussion: v.optional(text(limits.discussionChars))
};

/**
 * A question as this version writes it: revealed notes with the facilitator's corrections,
 * closed votes whose results were shown (ranked lists without voters), and counts of what an
 * organiser may not see.
 */
const questionSchema = v.strictObject({
	...questionFields,
	notes: list(
		v.strictObject({
			...noteFields,
			revealIndex: count,
			history: list(
				v.strictObject({
					previous: text(limits.noteChars),
					at: time,
					by: v.literal('facilitator')
				}),
				1_000
			)
		}),
		questionNotes
	),
	closedVote: v.nullable(closedVoteSchema),
	previousVote: v.nullable(closedVoteSchema),
	withheld: v.strictObject({ notes: count, ballots: count })
});

export const voterBallotSchema = v.strictObject({
	voterId: personRef,
	ranking: rankingSchema,
	castAt: time,
	byFacilitator: v.boolean()
});

/** A question as version 1 wrote it: every note and every ballot with its voter. */
const questionSchemaV1 = v.strictObject({
	...questionFields,
	notes: list(
		v.strictObject({
			...noteFields,
			history: list(
				v.strictObject({
					previous: text(limits.noteChars),
					at: time,
					by: v.picklist(['author', 'facilitator'])
				}),
				1_000
			)
		}),
		questionNotes
	),
	ballots: list(voterBallotSchema, sessionPeople),
	previousBallots: v.nullable(list(voterBallotSchema, sessionPeople))
});

const sessionSchemaOf = <Q extends v.GenericSchema>(question: Q) =>
	v.strictObject({
		title: text(limits.titleChars),
		language,
		createdAt: time,
		settings: v.strictObject({
			anonymous: v.boolean(),
			topN: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(limits.topN)),
			facilitatorSeesNotes: v.boolean(),
			membersReflect: v.optional(v.boolean()),
			oneList: v.optional(v.boolean())
		}),
		participants: list(
			v.strictObject({
				id: personRef,
				name: text(limits.nameChars),
				joinedAt: time,
				viaFacilitator: v.boolean(),
				removed: v.boolean()
			}),
			sessionPeople
		),
		questions: v.pipe(list(question, limits.questions), v.minLength(1)),
		currentQuestionId: id,
		timer: v.nullable(
			v.strictObject({
				durationMs: duration(limits.timerSeconds * 1000),
				startedAt: v.nullable(time),
				elapsedMs: duration(latestTime)
			})
		),
		reflection: text(limits.reflectionChars),
		reflections: v.optional(
			list(
				v.strictObject({
					id,
					authorId: personRef,
					title: text(limits.reflectionTitleChars),
					text: text(limits.reflectionChars),
					showName: v.boolean(),
					byAuthor: v.boolean(),
					createdAt: time
				}),
				limits.reflectionsPerGroup
			)
		)
	});

const part = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9999));
const descriptorSchema = v.variant('kind', [
	v.strictObject({ kind: v.literal('role'), role: v.string(), part, parts: part }),
	v.strictObject({ kind: v.literal('country'), country: v.string(), part, parts: part }),
	v.strictObject({ kind: v.literal('mixed'), number: part }),
	v.strictObject({ kind: v.literal('manual'), number: part })
]);

const questionList = list(text(limits.questionChars), limits.questions);

const groupSchemaOf = <S extends v.GenericSchema>(session: S) =>
	v.strictObject({
		ref: groupRef,
		key: text(200),
		descriptor: descriptorSchema,
		customName: v.nullable(text(conferenceLimits.groupName)),
		questions: v.nullable(questionList),
		leaders: list(participantRef, 100),
		members: list(
			v.strictObject({ participant: participantRef, pinned: v.boolean() }),
			conferenceLimits.participants
		),
		session: v.nullable(session)
	});

const roleId = v.pipe(v.string(), v.check(isRoleId, 'invalid'));
const placementSchema = v.variant('kind', [
	v.strictObject({
		kind: v.literal('own'),
		groups: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(maxGroupsPerRole)))
	}),
	v.strictObject({ kind: v.literal('with'), role: roleId }),
	v.strictObject({ kind: v.literal('lead') }),
	v.strictObject({ kind: v.literal('none') })
]);

const roleOptions = v.pipe(
	v.record(roleId, placementSchema),
	v.check((r) => Object.keys(r).length <= 200, 'too_many')
);
const noGroupList = list(participantRef, conferenceLimits.participants);

/**
 * A round's themes across its groups: headings with the groups' items (a group's ref and the
 * item's question and tally id), whether confirmed, and the theme the plenum presents (by place).
 */
const themesSchema = v.strictObject({
	confirmedAt: v.nullable(time),
	presenting: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
	updatedAt: time,
	themes: list(
		v.strictObject({
			heading: v.pipe(text(themeHeadingMax), v.minLength(1)),
			entries: v.pipe(
				list(
					v.strictObject({
						group: groupRef,
						item: v.pipe(v.string(), v.minLength(1), v.maxLength(themeLimits.idChars)),
						rank: v.pipe(v.number(), v.integer(), v.minValue(1)),
						points: v.pipe(v.number(), v.integer(), v.minValue(0))
					}),
					themeLimits.entries
				),
				v.minLength(1)
			)
		}),
		themeLimits.themes
	)
});

const roundSchemaOf = <G extends v.GenericSchema>(group: G) =>
	v.strictObject({
		ref: roundRef,
		title: text(conferenceLimits.roundTitle),
		theme: text(conferenceLimits.theme),
		rule: v.picklist(groupingRules),
		maxGroupSize: v.pipe(
			v.number(),
			v.integer(),
			v.minValue(conferenceLimits.groupSize.min),
			v.maxValue(conferenceLimits.groupSize.max)
		),
		questions: questionList,
		plenumSummary: text(conferenceLimits.summary),
		startedAt: v.nullable(time),
		groups: list(group, 500),
		/** Where each role goes when the round is allocated. */
		roles: roleOptions,
		/** People in no group by choice. */
		noGroup: noGroupList,
		/** What the groups were asked before the questions; missing in older archives: none. */
		instruction: v.optional(text(conferenceLimits.instruction), ''),
		/** The themes across the groups; missing in older archives, null for none. */
		themes: v.optional(v.nullable(themesSchema))
	});

/** A round as versions 1 and 2 wrote it: no role options and no "no group" (read as none). */
const olderRoundSchemaOf = <G extends v.GenericSchema>(group: G) =>
	v.strictObject({
		...roundSchemaOf(group).entries,
		roles: v.optional(roleOptions, {}),
		noGroup: v.optional(noGroupList, [])
	});

const glossaryText = localText(2_000);
const conceptSchema = v.strictObject({
	id: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
	terms: v.record(language, list(text(200), 50)),
	explanation: v.optional(glossaryText),
	notes: v.optional(glossaryText),
	differsByCountry: v.optional(v.boolean()),
	forms: v.optional(v.record(v.pipe(v.string(), v.maxLength(200)), list(text(200), 50))),
	unmarked: v.optional(list(text(200), 50))
});

const roleLabels = localText(conferenceLimits.roleLabel);

/** The archive as a schema: every field, limit and type checked before anything is written. */
const archiveSchemaOf = <V extends number, R extends v.GenericSchema>(version: V, round: R) =>
	v.strictObject({
		format: v.literal(archiveFormat),
		schemaVersion: v.literal(version),
		conference: v.strictObject({
			title: v.pipe(text(conferenceLimits.title), v.minLength(1)),
			subtitle: text(conferenceLimits.subtitle),
			venue: text(conferenceLimits.venue),
			startDate: v.union([v.literal(''), isoDate]),
			endDate: v.union([v.literal(''), isoDate]),
			about: text(conferenceLimits.longText),
			introduction: text(conferenceLimits.longText),
			// The report's sign-off came after the first archives: missing means none.
			organisation: v.optional(text(conferenceLimits.signoffLine), ''),
			author: v.optional(text(conferenceLimits.signoffLine), ''),
			introductionBy: v.optional(text(conferenceLimits.signoffLine), ''),
			language,
			languages: v.pipe(list(language, languages.length), v.minLength(1)),
			notice: text(conferenceLimits.notice),
			noticeAt: v.nullable(time),
			currentRound: v.nullable(roundRef),
			plenumRound: v.nullable(roundRef),
			plenumGroup: v.nullable(groupRef),
			createdAt: time,
			updatedAt: time
		}),
		programme: list(
			v.strictObject({
				day: isoDate,
				start: clock,
				end: v.union([v.literal(''), clock]),
				title: v.pipe(text(conferenceLimits.programmeTitle), v.minLength(1)),
				kind: v.picklist(programmeKinds)
			}),
			conferenceLimits.programmeItems
		),
		roles: list(
			v.strictObject({
				id: v.pipe(v.string(), v.check(isRoleId, 'invalid')),
				label: roleLabels,
				groupLabel: roleLabels
			}),
			100
		),
		participants: list(
			v.strictObject({
				ref: participantRef,
				name: v.pipe(text(conferenceLimits.participantName), v.minLength(1)),
				country: v.pipe(v.string(), v.check(isCountryCode, 'invalid')),
				role: v.string(),
				organisation: text(conferenceLimits.organisation),
				language,
				coordinator: v.boolean(),
				createdAt: time,
				/** Their role in their own words; missing in older archives: none. */
				roleDescription: v.optional(text(conferenceLimits.roleDescription), '')
			}),
			conferenceLimits.participants
		),
		glossary: list(conceptSchema, 2_000),
		rounds: list(round, conferenceLimits.rounds)
	});

export const archiveSchema = archiveSchemaOf(
	archiveSchemaVersion,
	roundSchemaOf(groupSchemaOf(sessionSchemaOf(questionSchema)))
);
/** Version 4: the layout before the round's themes, which are optional. */
export const archiveSchemaV4 = archiveSchemaOf(
	4,
	roundSchemaOf(groupSchemaOf(sessionSchemaOf(questionSchema)))
);
/** Version 3: the layout before version 4's additions, all of which are optional. */
export const archiveSchemaV3 = archiveSchemaOf(
	3,
	roundSchemaOf(groupSchemaOf(sessionSchemaOf(questionSchema)))
);
/** Version 2: the same layout without role options and "no group". */
export const archiveSchemaV2 = archiveSchemaOf(
	2,
	olderRoundSchemaOf(groupSchemaOf(sessionSchemaOf(questionSchema)))
);
export const archiveSchemaV1 = archiveSchemaOf(
	1,
	olderRoundSchemaOf(groupSchemaOf(sessionSchemaOf(questionSchemaV1)))
);

/** A conference archive, as written by exportConference and read by importConference. */
export type ConferenceArchive = v.InferOutput<typeof archiveSchema>;
/** An archive of version 1 (every note and ballot with its voter), still imported. */
export type ArchiveV1 = v.InferOutput<typeof archiveSchemaV1>;
/** An archive of version 2 (no role options, no "no group"), still imported. */
export type ArchiveV2 = v.InferOutput<typeof archiveSchemaV2>;
/** An archive of version 4 (before the round's themes), still imported. */
export type ArchiveV4 = v.InferOutput<typeof archiveSchemaV4>;
/** An archive of version 3 (before version 4's optional additions), still imported. */
export type ArchiveV3 = v.InferOutput<typeof archiveSchemaV3>;
/** Any archive import reads. */
export type AnyArchive = ConferenceArchive | ArchiveV4 | ArchiveV3 | ArchiveV2 | ArchiveV1;
export type ArchivedSession = NonNullable<
	ConferenceArchive['rounds'][number]['groups'][number]['session']
>;
export type AnySession = NonNullable<AnyArchive['rounds'][number]['groups'][number]['session']>;
export type AnyQuestion = AnySession['questions'][number];

/** The archive as it is written to a file: indented JSON, one trailing newline. */
export function archiveJson(archive: ConferenceArchive): string {
	return `${JSON.stringify(archive, null, '\t')}\n`;
}
