// Every locale file, by language and namespace. Namespaces other than common are mounted under
// their own name: session.json's "phase" is the key session.phase.
import nb_common from './nb/common.json';
import nb_session from './nb/session.json';
import nb_conference from './nb/conference.json';
import nb_glossary from './nb/glossary.json';
import nb_report from './nb/report.json';
import nb_organiser from './nb/organiser.json';
import nb_privacy from './nb/privacy.json';
import sv_common from './sv/common.json';
import sv_session from './sv/session.json';
import sv_conference from './sv/conference.json';
import sv_glossary from './sv/glossary.json';
import sv_report from './sv/report.json';
import sv_organiser from './sv/organiser.json';
import sv_privacy from './sv/privacy.json';
import da_common from './da/common.json';
import da_session from './da/session.json';
import da_conference from './da/conference.json';
import da_glossary from './da/glossary.json';
import da_report from './da/report.json';
import da_organiser from './da/organiser.json';
import da_privacy from './da/privacy.json';
import is_common from './is/common.json';
import is_session from './is/session.json';
import is_conference from './is/conference.json';
import is_glossary from './is/glossary.json';
import is_report from './is/report.json';
import is_organiser from './is/organiser.json';
import is_privacy from './is/privacy.json';
import fi_common from './fi/common.json';
import fi_session from './fi/session.json';
import fi_conference from './fi/conference.json';
import fi_glossary from './fi/glossary.json';
import fi_report from './fi/report.json';
import fi_organiser from './fi/organiser.json';
import fi_privacy from './fi/privacy.json';
import en_common from './en/common.json';
import en_session from './en/session.json';
import en_conference from './en/conference.json';
import en_glossary from './en/glossary.json';
import en_report from './en/report.json';
import en_organiser from './en/organiser.json';
import en_privacy from './en/privacy.json';

export const namespaces = [
	'common',
	'session',
	'conference',
	'glossary',
	'report',
	'organiser',
	'privacy'
] as const;

export const resources = {
	nb: {
		...nb_common,
		session: nb_session,
		conference: nb_conference,
		glossary: nb_glossary,
		report: nb_report,
		organiser: nb_organiser,
		privacy: nb_privacy
	},
	sv: {
		...sv_common,
		session: sv_session,
		conference: sv_conference,
		glossary: sv_glossary,
		report: sv_report,
		organiser: sv_organiser,
		privacy: sv_privacy
	},
	da: {
		...da_common,
		session: da_session,
		conference: da_conference,
		glossary: da_glossary,
		report: da_report,
		organiser: da_organiser,
		privacy: da_privacy
	},
	is: {
		...is_common,
		session: is_session,
		conference: is_conference,
		glossary: is_glossary,
		report: is_report,
		organiser: is_organiser,
		privacy: is_privacy
	},
	fi: {
		...fi_common,
		session: fi_session,
		conference: fi_conference,
		glossary: fi_glossary,
		report: fi_report,
		organiser: fi_organiser,
		privacy: fi_privacy
	},
	en: {
		...en_common,
		session: en_session,
		conference: en_conference,
		glossary: en_glossary,
		report: en_report,
		organiser: en_organiser,
		privacy: en_privacy
	}
} as const;
