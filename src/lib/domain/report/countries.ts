import type { Language } from '../session/types';

/**
 * Nordic country names in every report language. A local table, so that the names (and the
 * order they sort in) do not depend on the ICU data of the machine that renders the report.
 */
export const nordicCountryNames: Record<string, Record<Language, string>> = {
	DK: { nb: 'Danmark', sv: 'Danmark', da: 'Danmark', is: 'Danmörk', fi: 'Tanska', en: 'Denmark' },
	FI: { nb: 'Finland', sv: 'Finland', da: 'Finland', is: 'Finnland', fi: 'Suomi', en: 'Finland' },
	IS: { nb: 'Island', sv: 'Island', da: 'Island', is: 'Ísland', fi: 'Islanti', en: 'Iceland' },
	NO: { nb: 'Norge', sv: 'Norge', da: 'Norge', is: 'Noregur', fi: 'Norja', en: 'Norway' },
	SE: { nb: 'Sverige', sv: 'Sverige', da: 'Sverige', is: 'Svíþjóð', fi: 'Ruotsi', en: 'Sweden' },
	AX: {
		nb: 'Åland',
		sv: 'Åland',
		da: 'Åland',
		is: 'Álandseyjar',
		fi: 'Ahvenanmaa',
		en: 'Åland Islands'
	},
	FO: {
		nb: 'Færøyene',
		sv: 'Färöarna',
		da: 'Færøerne',
		is: 'Færeyjar',
		fi: 'Färsaaret',
		en: 'Faroe Islands'
	},
	GL: {
		nb: 'Grønland',
		sv: 'Grönland',
		da: 'Grønland',
		is: 'Grænland',
		fi: 'Grönlanti',
		en: 'Greenland'
	}
};
