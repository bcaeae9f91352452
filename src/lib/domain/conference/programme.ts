/** What an agenda item is: the whole conference together, group work, or a break. */
export const programmeKinds = ['plenary', 'group', 'break'] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];
