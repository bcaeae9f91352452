import { describe, expect, it } from 'vitest';
import {
	allowed,
	may,
	organiserActions,
	organiserRoles,
	rolesOf,
	type OrganiserAction,
	type OrganiserRole
} from './permissions';

/** The rule written out once more, cell by cell, as the privacy page states it. */
const expected: Record<OrganiserRole, OrganiserAction[]> = {
	owner: [
		'read',
		'edit',
		'export',
		'personal_data',
		'erase',
		'delete',
		'share',
		'postpone_retention'
	],
	co_organiser: ['read', 'edit', 'export', 'personal_data', 'erase'],
	admin: ['postpone_retention', 'keep_retention', 'administer_accounts']
};

describe('organiser permissions', () => {
	it.each(organiserRoles.flatMap((role) => organiserActions.map((action) => [role, action])))(
		'%s × %s',
		(role, action) => {
			expect(may(role as OrganiserRole, action as OrganiserAction)).toBe(
				expected[role as OrganiserRole].includes(action as OrganiserAction)
			);
		}
	);

	it('an administrator who is not tied to a conference cannot read it', () => {
		const roles = rolesOf({ admin: true }, null);
		expect(roles).toEqual(['admin']);
		for (const action of ['read', 'export', 'personal_data', 'erase', 'delete'] as const)
			expect(allowed(roles, action)).toBe(false);
		expect(allowed(roles, 'keep_retention')).toBe(true);
	});

	it('an administrator who owns a conference has both roles', () => {
		const roles = rolesOf({ admin: true }, 'owner');
		expect(allowed(roles, 'share')).toBe(true);
		expect(allowed(roles, 'keep_retention')).toBe(true);
	});

	it('only an administrator keeps a conference beyond retention for good', () => {
		expect(allowed(rolesOf({ admin: false }, 'owner'), 'keep_retention')).toBe(false);
		expect(allowed(rolesOf({ admin: false }, 'owner'), 'postpone_retention')).toBe(true);
		expect(allowed(rolesOf({ admin: false }, 'co_organiser'), 'postpone_retention')).toBe(false);
	});

	it('an account with no tie and no administration may do nothing', () => {
		const roles = rolesOf({ admin: false }, null);
		expect(roles).toEqual([]);
		for (const action of organiserActions) expect(allowed(roles, action)).toBe(false);
	});
});
