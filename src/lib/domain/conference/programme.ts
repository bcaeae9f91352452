/** What an agenda item is: the whole conference together, group work, a break, or a social event. */
export const programmeKinds = ['plenary', 'group', 'break', 'social'] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];
