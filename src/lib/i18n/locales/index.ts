// Every locale file, by language and namespace. Namespaces other than common are mounted under
// their own name: session.json's "phase" is the key session.phase (session-later.json's too).
import nb_common from './nb/common.json';
import nb_landing from './nb/landing.json';
import nb_session from './nb/session.json';
import nb_session_later from './nb/session-later.json';
import nb_conference from './nb/conference.json';
import nb_glossary from './nb/glossary.json';
import nb_report from './nb/report.json';
import nb_organiser from './nb/organiser.json';
import nb_privacy from './nb/privacy.json';
import nb_download from './nb/download.json';
import nb_console from './nb/console.json';
import nb_console_later from './nb/console-later.json';
import sv_common from './sv/common.json';
import sv_landing from './sv/landing.json';
import sv_session from './sv/session.json';
import sv_session_later from './sv/session-later.json';
import sv_conference from './sv/conference.json';
import sv_glossary from './sv/glossary.json';
import sv_report from './sv/report.json';
import sv_organiser from './sv/organiser.json';
import sv_privacy from './sv/privacy.json';
import sv_download from './sv/download.json';
import sv_console from './sv/console.json';
import sv_console_later from './sv/console-later.json';
import da_common from './da/common.json';
import da_landing from './da/landing.json';
import da_session from './da/session.json';
import da_session_later from './da/session-later.json';
import da_conference from './da/conference.json';
import da_glossary from './da/glossary.json';
import da_report from './da/report.json';
import da_organiser from './da/organiser.json';
import da_privacy from './da/privacy.json';
import da_download from './da/download.json';
import da_console from './da/console.json';
import da_console_later from './da/console-later.json';
import is_common from './is/common.json';
import is_landing from './is/landing.json';
import is_session from './is/session.json';
import is_session_later from './is/session-later.json';
import is_conference from './is/conference.json';
import is_glossary from './is/glossary.json';
import is_report from './is/report.json';
import is_organiser from './is/organiser.json';
import is_privacy from './is/privacy.json';
import is_download from './is/download.json';
import is_console from './is/console.json';
import is_console_later from './is/console-later.json';
import fi_common from './fi/common.json';
import fi_landing from './fi/landing.json';
import fi_session from './fi/session.json';
import fi_session_later from './fi/session-later.json';
import fi_conference from './fi/conference.json';
import fi_glossary from './fi/glossary.json';
import fi_report from './fi/report.json';
import fi_organiser from './fi/organiser.json';
import fi_privacy from './fi/privacy.json';
import fi_download from './fi/download.json';
import fi_console from './fi/console.json';
import fi_console_later from './fi/console-later.json';
import en_common from './en/common.json';
import en_landing from './en/landing.json';
import en_session from './en/session.json';
import en_session_later from './en/session-later.json';
import en_conference from './en/conference.json';
import en_glossary from './en/glossary.json';
import en_report from './en/report.json';
import en_organiser from './en/organiser.json';
import en_privacy from './en/privacy.json';
import en_download from './en/download.json';
import en_console from './en/console.json';
import en_console_later from './en/console-later.json';

export { namespaces } from '../translator';

export const resources = {
	nb: {
		...nb_common,
		landing: nb_landing,
		session: { ...nb_session, ...nb_session_later },
		conference: nb_conference,
		glossary: nb_glossary,
		report: nb_report,
		organiser: nb_organiser,
		privacy: nb_privacy,
		download: nb_download,
		console: { ...nb_console, ...nb_console_later }
	},
	sv: {
		...sv_common,
		landing: sv_landing,
		session: { ...sv_session, ...sv_session_later },
		conference: sv_conference,
		glossary: sv_glossary,
		report: sv_report,
		organiser: sv_organiser,
		privacy: sv_privacy,
		download: sv_download,
		console: { ...sv_console, ...sv_console_later }
	},
	da: {
		...da_common,
		landing: da_landing,
		session: { ...da_session, ...da_session_later },
		conference: da_conference,
		glossary: da_glossary,
		report: da_report,
		organiser: da_organiser,
		privacy: da_privacy,
		download: da_download,
		console: { ...da_console, ...da_console_later }
	},
	is: {
		...is_common,
		landing: is_landing,
		session: { ...is_session, ...is_session_later },
		conference: is_conference,
		glossary: is_glossary,
		report: is_report,
		organiser: is_organiser,
		privacy: is_privacy,
		download: is_download,
		console: { ...is_console, ...is_console_later }
	},
	fi: {
		...fi_common,
		landing: fi_landing,
		session: { ...fi_session, ...fi_session_later },
		conference: fi_conference,
		glossary: fi_glossary,
		report: fi_report,
		organiser: fi_organiser,
		privacy: fi_privacy,
		download: fi_download,
		console: { ...fi_console, ...fi_console_later }
	},
	en: {
		...en_common,
		landing: en_landing,
		session: { ...en_session, ...en_session_later },
		conference: en_conference,
		glossary: en_glossary,
		report: en_report,
		organiser: en_organiser,
		privacy: en_privacy,
		download: en_download,
		console: { ...en_console, ...en_console_later }
	}
} as const;
