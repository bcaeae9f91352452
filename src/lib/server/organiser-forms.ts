import type { GroupingRule } from '$lib/domain/conference/allocation';
import type { RoundInput } from '$lib/domain/conference/commands';
import type {
	ConferenceDetails,
	ParticipantFields,
	ProgrammeItem
} from '$lib/domain/conference/types';
import type { Language } from '$lib/domain/session/types';

/** One form value as a string ('' when missing). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** A textarea of one item per line, or repeated inputs of the same name; blanks dropped later. */
export function lines(form: FormData, name: string): string[] {
	const values = form.getAll(name).filter((v): v is string => typeof v === 'string');
	return values.flatMap((v) => v.split(/\r\n?|\n/));
}

export function readDetails(form: FormData): ConferenceDetails {
	return {
		title: field(form, 'title'),
		subtitle: field(form, 'subtitle'),
		venue: field(form, 'venue'),
		startDate: field(form, 'startDate'),
		endDate: field(form, 'endDate'),
		about: field(form, 'about'),
		introduction: field(form, 'introduction'),
		organisation: field(form, 'organisation'),
		author: field(form, 'author'),
		introductionBy: field(form, 'introductionBy'),
		// The service refuses what is not a language; the form sends back what was chosen.
		language: field(form, 'language') as Language,
		languages: form.getAll('languages').filter((v): v is Language => typeof v === 'string')
	};
}

export function readProgrammeItem(form: FormData): Omit<ProgrammeItem, 'id'> {
	return {
		day: field(form, 'day'),
		start: field(form, 'start'),
		end: field(form, 'end'),
		title: field(form, 'title'),
		kind: field(form, 'kind') as ProgrammeItem['kind']
	};
}

export function readParticipant(form: FormData): ParticipantFields {
	return {
		name: field(form, 'name'),
		country: field(form, 'country'),
		role: field(form, 'role'),
		organisation: field(form, 'organisation'),
		language: field(form, 'language') as Language,
		coordinator: form.get('coordinator') === 'on',
		roleDescription: field(form, 'roleDescription')
	};
}

/** The round form; `maxGroupSize` stays as typed so an error can show it again. */
export function readRound(form: FormData): {
	input: RoundInput & { instruction: string };
	typedSize: string;
} {
	const typedSize = field(form, 'maxGroupSize').trim();
	return {
		input: {
			title: field(form, 'title'),
			theme: field(form, 'theme'),
			rule: field(form, 'rule') as GroupingRule,
			maxGroupSize: /^\d{1,4}$/.test(typedSize) ? Number(typedSize) : Number.NaN,
			questions: lines(form, 'questions'),
			instruction: field(form, 'instruction')
		},
		typedSize
	};
}
