/** Limits of the organiser's inputs. */
export const conferenceLimits = {
	title: 160,
	subtitle: 200,
	venue: 160,
	longText: 20_000,
	/** The report's sign-off: one line each for the organisation, author and introducer. */
	signoffLine: 200,
	programmeTitle: 200,
	programmeItems: 200,
	participants: 2_000,
	participantName: 120,
	organisation: 160,
	roundTitle: 160,
	theme: 500,
	rounds: 20,
	groupSize: { min: 2, max: 60 },
	groupName: 80,
	notice: 280,
	summary: 20_000,
	roleLabel: 60,
	/** A participant's role in their own words ("forsker, prosjektleder"). */
	roleDescription: 160,
	/** What a round asks of the groups before its questions, on several lines. */
	instruction: 2_000
} as const;
