/** Notes as a room writes them, for big sessions in tests and screenshots. */
export const roomNotes: readonly string[] = [
	'More job coaches',
	'The caseworker has too little time for follow-up',
	'Employers do not know what supported employment is',
	'Money for the job coach follows the project, not the person',
	'Short projects: people start again every third year',
	'Better training in the method, with a certificate that employers recognise',
	'Health services and the employment service do not talk together',
	'Rules about benefits make it risky to try a job',
	'Time as a resource',
	'Research on what works in the Nordic countries',
	'Attitudes among colleagues at the workplace',
	'Follow-up after the first year in work'
];
