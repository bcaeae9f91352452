/** Every input has a limit; the same numbers are used by the schemas, the core and the UI. */
export const limits = {
	/** Characters in one note. */
	noteChars: 2_000,
	/** Notes one person may write for one question. */
	notesPerPersonPerQuestion: 100,
	/** Characters in a person's name. */
	nameChars: 60,
	/** Characters in a session title. */
	titleChars: 120,
	/** Characters in a question. */
	questionChars: 500,
	/** Questions in one session. */
	questions: 10,
	/** People in one session (including people added by the facilitator). */
	participantsPerSession: 80,
	/** Characters in a cluster heading. */
	headingChars: 80,
	/** Clusters in one question. */
	clustersPerQuestion: 60,
	/** Largest top-N for the vote. */
	topN: 10,
	/** Longest timer, in seconds (3 hours). */
	timerSeconds: 3 * 60 * 60,
	/** Characters in a group reflection. */
	reflectionChars: 10_000,
	/** Devices asking for one person's name at once, waiting for someone to let them in. */
	claimsWaitingPerPerson: 3,
	/** Devices one person's name may be used on (the badge link counts beyond it). */
	devicesPerPerson: 6,
	/** Reflections in one group (the leaders' and members'), each up to reflectionChars. */
	reflectionsPerGroup: 30,
	/** Characters in a reflection's title. */
	reflectionTitleChars: 120,
	/** Characters in a group's discussion of one question. */
	discussionChars: 10_000,
	/** Notes in one question, the group's included (keeps every view of a full question small). */
	notesPerQuestion: 500,
	/** Characters of all notes in one question. */
	noteCharsPerQuestion: 200_000,
	/** Characters of one person's notes in one question: a fifth of the total, so no one fills it. */
	noteCharsPerPersonPerQuestion: 40_000,
	/** Sub-headings under one heading (they also count toward clustersPerQuestion). */
	subheadingsPerHeading: 12
} as const;

/** Alphabet of join codes: no 0/O, 1/I/L, so that codes can be read aloud and typed from a screen. */
export const joinCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const joinCodeLength = 6;
