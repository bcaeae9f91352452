import { describe, expect, it } from 'vitest';
import {
	allocate,
	allocationMap,
	equitableColouring,
	groupKey,
	groupName,
	toRoman,
	type Allocation,
	type AllocationParticipant,
	type GroupDescriptor,
	type GroupKey
} from './allocation';
import { sigtunaParticipants, type SigtunaRound1Group } from './fixtures/sigtuna-2010';
import { defaultRoles, resolveRoles } from './roles';

const labels = { roles: defaultRoles };

function names(result: Allocation, lang: 'nb' | 'en' | 'sv' = 'nb'): string[] {
	return result.groups.map((g) => groupName(g.descriptor, labels, lang));
}

function sizes(result: Allocation): number[] {
	return result.groups.map((g) => g.memberIds.length);
}

function person(id: string, role: string, country: string, leader = false): AllocationParticipant {
	return { id, name: id, role, country, leader };
}

describe('toRoman', () => {
	it('writes the numerals of split groups', () => {
		const cases: [number, string][] = [
			[1, 'I'],
			[2, 'II'],
			[3, 'III'],
			[4, 'IV'],
			[5, 'V'],
			[9, 'IX'],
			[14, 'XIV'],
			[40, 'XL'],
			[90, 'XC'],
			[400, 'CD'],
			[1994, 'MCMXCIV'],
			[3999, 'MMMCMXCIX']
		];
		for (const [n, roman] of cases) expect(toRoman(n)).toBe(roman);
	});

	it('leaves numbers it cannot write as digits', () => {
		expect(toRoman(0)).toBe('0');
		expect(toRoman(4000)).toBe('4000');
		expect(toRoman(2.5)).toBe('2.5');
	});
});

describe('groupName', () => {
	const employersII: GroupDescriptor = { kind: 'role', role: 'employer', part: 2, parts: 2 };

	it('names split role groups with a numeral, in every language', () => {
		expect(groupName(employersII, labels, 'nb')).toBe('Arbeidsgivere II');
		expect(groupName(employersII, labels, 'en')).toBe('Employers II');
		expect(groupName(employersII, labels, 'sv')).toBe('Arbetsgivare II');
		expect(groupName(employersII, labels, 'da')).toBe('Arbejdsgivere II');
		expect(groupName(employersII, labels, 'is')).toBe('Atvinnurekendur II');
		expect(groupName(employersII, labels, 'fi')).toBe('Työnantajat II');
	});

	it('gives a group that was not split no numeral', () => {
		const workers: GroupDescriptor = { kind: 'role', role: 'worker', part: 1, parts: 1 };
		expect(groupName(workers, labels, 'nb')).toBe('Arbeidstakere');
	});

	it('names country groups by the country in the language', () => {
		const norway: GroupDescriptor = { kind: 'country', country: 'NO', part: 1, parts: 1 };
		expect(groupName(norway, labels, 'is')).toBe('Noregur');
		expect(groupName({ ...norway, part: 2, parts: 2 }, labels, 'fi')).toBe('Norja II');
	});

	it('numbers mixed and hand-made groups with the word for group', () => {
		expect(groupName({ kind: 'mixed', number: 3 }, labels, 'sv')).toBe('Grupp 3');
		expect(groupName({ kind: 'mixed', number: 3 }, labels, 'is')).toBe('Hópur 3');
		expect(groupName({ kind: 'mixed', number: 3 }, labels, 'fi')).toBe('Ryhmä 3');
		expect(groupName({ kind: 'manual', number: 12 }, labels, 'en')).toBe('Group 12');
	});

	it('uses the organiser’s words for roles', () => {
		const roles = resolveRoles([
			{ id: 'job-coach', label: {}, groupLabel: { nb: 'Jobbkonsulenter' } }
		]);
		const coaches: GroupDescriptor = { kind: 'role', role: 'job-coach', part: 1, parts: 2 };
		expect(groupName(coaches, { roles }, 'nb')).toBe('Jobbkonsulenter I');
		expect(groupName(coaches, { roles }, 'da')).toBe('Jobcoaches I');
		const unknown: GroupDescriptor = { kind: 'role', role: 'astronaut', part: 1, parts: 1 };
		expect(groupName(unknown, { roles }, 'nb')).toBe('astronaut');
	});
});

describe('groupKey', () => {
	it('makes the keys allocate uses', () => {
		expect(groupKey({ kind: 'role', role: 'job-coach', part: 2, parts: 2 })).toBe(
			'role:job-coach:2'
		);
		expect(groupKey({ kind: 'country', country: 'IS', part: 1, parts: 1 })).toBe('country:IS:1');
		expect(groupKey({ kind: 'mixed', number: 4 })).toBe('mixed:4');
		expect(groupKey({ kind: 'manual', number: 1 })).toBe('manual:1');
	});
});

describe('allocate: examples', () => {
	it('returns no groups for no participants', () => {
		expect(allocate({ participants: [], rule: 'role', maxGroupSize: 5 })).toEqual({
			groups: [],
			unassigned: [],
			noGroup: [],
			warnings: []
		});
	});

	it('refuses a limit below one or not whole, and an id given twice', () => {
		const participants = [person('a', 'worker', 'NO')];
		expect(() => allocate({ participants, rule: 'role', maxGroupSize: 0 })).toThrow(RangeError);
		expect(() => allocate({ participants, rule: 'role', maxGroupSize: 2.5 })).toThrow(RangeError);
		expect(() =>
			allocate({ participants: [...participants, ...participants], rule: 'role', maxGroupSize: 2 })
		).toThrow(/appears twice/);
	});

	it('splits 7 employers with a limit of 3 into three parts of 3, 2 and 2', () => {
		const participants = ['DK', 'DK', 'FI', 'IS', 'NO', 'NO', 'SE'].map((c, i) =>
			person(`e${i}`, 'employer', c)
		);
		const result = allocate({ participants, rule: 'role', maxGroupSize: 3 });
		expect(names(result, 'en')).toEqual(['Employers I', 'Employers II', 'Employers III']);
		expect(sizes(result)).toEqual([3, 2, 2]);
		// The two Danes and the two Norwegians are split up.
		for (const g of result.groups) {
			const countries = g.memberIds.map((id) => participants.find((p) => p.id === id)!.country);
			expect(new Set(countries).size).toBe(countries.length);
		}
	});

	it('spreads roles and countries over mixed groups', () => {
		const participants = [
			person('a', 'worker', 'NO'),
			person('b', 'worker', 'SE'),
			person('c', 'employer', 'NO'),
			person('d', 'employer', 'SE'),
			person('e', 'job-coach', 'NO'),
			person('f', 'job-coach', 'SE')
		];
		const result = allocate({ participants, rule: 'mixed', maxGroupSize: 3 });
		expect(names(result, 'sv')).toEqual(['Grupp 1', 'Grupp 2']);
		for (const g of result.groups) {
			const members = g.memberIds.map((id) => participants.find((p) => p.id === id)!);
			expect(new Set(members.map((p) => p.role)).size).toBe(3);
			expect(new Set(members.map((p) => p.country)).size).toBe(2);
		}
	});

	it('seats roles with another role’s groups when asked', () => {
		const participants = [
			person('a', 'job-coach', 'NO'),
			person('b', 'coordinator', 'SE'),
			person('c', 'caseworker', 'DK'),
			person('d', 'policy', 'NO')
		];
		const result = allocate({
			participants,
			rule: 'role',
			maxGroupSize: 5,
			seatWith: { coordinator: 'job-coach', policy: 'caseworker' }
		});
		expect(result.groups.map((g) => [g.key, g.memberIds])).toEqual([
			['role:job-coach:1', ['a', 'b']],
			['role:caseworker:1', ['c', 'd']]
		]);
	});

	it('lets a leader without anyone of their role lead the group that lacks a leader', () => {
		const participants = [
			person('w1', 'worker', 'NO'),
			person('w2', 'worker', 'SE'),
			person('e1', 'employer', 'NO'),
			person('e2', 'employer', 'SE'),
			person('e3', 'employer', 'DK', true),
			person('r1', 'researcher', 'DK', true)
		];
		const result = allocate({ participants, rule: 'role', maxGroupSize: 4 });
		expect(result.groups.map((g) => [g.key, g.leaderIds])).toEqual([
			['role:worker:1', ['r1']],
			['role:employer:1', ['e3']]
		]);
	});

	it('keeps a pin over the limit and says so', () => {
		const participants = ['a', 'b', 'c', 'd'].map((id) => person(id, 'worker', 'NO'));
		const pinned = { a: 'role:worker:1', b: 'role:worker:1', c: 'role:worker:1' };
		const result = allocate({ participants, rule: 'role', maxGroupSize: 2, pinned });
		expect(result.groups.map((g) => [g.key, g.memberIds])).toEqual([
			['role:worker:1', ['a', 'b', 'c']],
			['role:worker:2', ['d']]
		]);
		expect(result.warnings).toEqual([
			{ code: 'over_max', group: 'role:worker:1', size: 3, max: 2 }
		]);
	});

	it('keeps a pin to a group the rule does not make, as a hand-made group', () => {
		const participants = [person('a', 'worker', 'NO'), person('b', 'worker', 'SE')];
		const result = allocate({
			participants,
			rule: 'country',
			maxGroupSize: 5,
			pinned: { b: 'manual:1' }
		});
		expect(result.groups.map((g) => [g.key, g.descriptor, g.memberIds])).toEqual([
			['country:NO:1', { kind: 'country', country: 'NO', part: 1, parts: 1 }, ['a']],
			['manual:1', { kind: 'manual', number: 1 }, ['b']]
		]);
	});

	it('moves someone whose role changed out of their earlier group, and says why', () => {
		const participants = [person('a', 'employer', 'NO'), person('b', 'worker', 'NO')];
		const previous = { a: 'role:worker:1', b: 'role:worker:1' };
		const result = allocate({ participants, rule: 'role', maxGroupSize: 5, previous });
		expect(allocationMap(result)).toEqual({ a: 'role:employer:1', b: 'role:worker:1' });
		expect(result.warnings).toEqual([
			{ code: 'not_kept', participantId: 'a', group: 'role:worker:1', reason: 'rule' }
		]);
	});

	it('manual: places pinned people in hand-made groups, numbered, and nobody else', () => {
		const participants = ['a', 'b', 'c', 'd'].map((id) => person(id, 'worker', 'NO'));
		const result = allocate({
			participants,
			rule: 'manual',
			maxGroupSize: 5,
			pinned: { a: 'manual:10', b: 'Extra', c: 'manual:2' }
		});
		expect(result.groups.map((g) => [g.key, g.descriptor, g.memberIds])).toEqual([
			['manual:2', { kind: 'manual', number: 2 }, ['c']],
			['manual:10', { kind: 'manual', number: 10 }, ['a']],
			['Extra', { kind: 'manual', number: 11 }, ['b']]
		]);
		expect(result.unassigned).toEqual(['d']);
	});
});

describe('allocate: per-role options', () => {
	const conference = [
		person('w1', 'worker', 'NO'),
		person('w2', 'worker', 'SE'),
		person('w3', 'worker', 'DK'),
		person('e1', 'employer', 'NO'),
		person('e2', 'employer', 'SE'),
		person('e3', 'employer', 'DK'),
		person('e4', 'employer', 'FI'),
		person('j1', 'job-coach', 'NO'),
		person('r1', 'researcher', 'SE'),
		person('c1', 'coordinator', 'NO'),
		person('c2', 'coordinator', 'SE'),
		person('p1', 'policy', 'DK')
	];

	it('gives a role exactly the number of groups asked for, even below the limit', () => {
		const result = allocate({
			participants: conference,
			rule: 'role',
			maxGroupSize: 10,
			roles: { employer: { kind: 'own', groups: 2 } }
		});
		expect(names(result, 'en').filter((n) => n.startsWith('Employers'))).toEqual([
			'Employers I',
			'Employers II'
		]);
		expect(
			result.groups.filter((g) => g.key.startsWith('role:employer:')).map((g) => g.memberIds)
		).toEqual([
			['e1', 'e3'],
			['e2', 'e4']
		]);
	});

	it('regroups a role evenly when its number of groups changes, keeping the others put', () => {
		const first = allocate({
			participants: conference,
			rule: 'role',
			maxGroupSize: 10,
			roles: { employer: { kind: 'own', groups: 2 } }
		});
		const rerun = (groups: number) =>
			allocate({
				participants: conference,
				rule: 'role',
				maxGroupSize: 10,
				roles: { employer: { kind: 'own', groups } },
				previous: allocationMap(first)
			});
		const employers = (result: Allocation) =>
			result.groups.filter((g) => g.key.startsWith('role:employer:')).map((g) => g.memberIds);
		expect(employers(rerun(3)).map((ids) => ids.length)).toEqual([2, 1, 1]);
		expect(employers(rerun(2))).toEqual(employers(first));
		const others = (result: Allocation) =>
			result.groups.filter((g) => !g.key.startsWith('role:employer:'));
		expect(others(rerun(3))).toEqual(others(first));
	});

	it('never makes more groups than a role has people', () => {
		const result = allocate({
			participants: conference,
			rule: 'role',
			maxGroupSize: 10,
			roles: { 'job-coach': { kind: 'own', groups: 3 } }
		});
		expect(result.groups.filter((g) => g.key.startsWith('role:job-coach:'))).toHaveLength(1);
		for (const g of result.groups) expect(g.memberIds.length).toBeGreaterThan(0);
	});

	it('seats a role with another, following the chain of choices', () => {
		const result = allocate({
			participants: conference,
			rule: 'role',
			maxGroupSize: 10,
			roles: {
				researcher: { kind: 'with', role: 'job-coach' },
				policy: { kind: 'with', role: 'researcher' }
			}
		});
		expect(result.groups.find((g) => g.key === 'role:job-coach:1')!.memberIds).toEqual([
			'j1',
			'p1',
			'r1'
		]);
		expect(result.groups.some((g) => g.key.startsWith('role:researcher:'))).toBe(false);
		expect(result.groups.some((g) => g.key.startsWith('role:policy:'))).toBe(false);
	});

	it('spreads a leading role over the groups as their leaders, one each', () => {
		const result = allocate({
			participants: conference,
			rule: 'role',
			maxGroupSize: 10,
			roles: {
				coordinator: { kind: 'lead' },
				researcher: { kind: 'with', role: 'job-coach' },
				policy: { kind: 'with', role: 'job-coach' }
			}
		});
		expect(result.groups.map((g) => g.key)).toEqual([
			'role:worker:1',
			'role:employer:1',
			'role:job-coach:1'
		]);
		const leaders = result.groups.map((g) => g.leaderIds);
		expect(leaders.flat().sort()).toEqual(['c1', 'c2']);
		expect(leaders.every((ids) => ids.length <= 1)).toBe(true);
		expect(result.groups.some((g) => g.key.startsWith('role:coordinator:'))).toBe(false);
	});

	it('leaves a role in no group, listed as such and not as unassigned', () => {
		const result = allocate({
			participants: conference,
			rule: 'role',
			maxGroupSize: 10,
			roles: { policy: { kind: 'none' }, coordinator: { kind: 'none' } }
		});
		expect(result.noGroup).toEqual(['c1', 'c2', 'p1']);
		expect(result.unassigned).toEqual([]);
		expect(result.groups.flatMap((g) => g.memberIds)).not.toContain('p1');
	});

	it('applies lead and none under the other rules too', () => {
		const result = allocate({
			participants: conference,
			rule: 'mixed',
			maxGroupSize: 5,
			roles: { coordinator: { kind: 'lead' }, policy: { kind: 'none' } }
		});
		expect(result.noGroup).toEqual(['p1']);
		expect(result.groups).toHaveLength(3);
		expect(result.groups.map((g) => g.leaderIds.length).sort()).toEqual([0, 1, 1]);
	});

	it('keeps a pin over a role option', () => {
		const result = allocate({
			participants: conference,
			rule: 'role',
			maxGroupSize: 10,
			roles: { policy: { kind: 'none' } },
			pinned: { p1: 'role:worker:1' }
		});
		expect(result.noGroup).toEqual([]);
		expect(result.groups[0]!.memberIds).toContain('p1');
	});

	it('refuses a number of groups that is not a whole number from 1 to 99', () => {
		for (const groups of [0, 1.5, 100]) {
			expect(() =>
				allocate({
					participants: conference,
					rule: 'role',
					maxGroupSize: 10,
					roles: { employer: { kind: 'own', groups } }
				})
			).toThrow(RangeError);
		}
	});
});

describe('equitableColouring', () => {
	it('spreads both values evenly even when a round-robin start does not', () => {
		// Sorted by role, a round-robin over 2 colours puts both Danes in colour 0.
		const items = [
			{ a: 'employer', b: 'DK' },
			{ a: 'employer', b: 'NO' },
			{ a: 'worker', b: 'DK' },
			{ a: 'worker', b: 'NO' }
		];
		const colours = equitableColouring(items, 2);
		const count = (pred: (i: number) => boolean) =>
			[0, 1].map((c) => colours.filter((x, i) => x === c && pred(i)).length);
		expect(count((i) => items[i]!.b === 'DK')).toEqual([1, 1]);
		expect(count((i) => items[i]!.a === 'worker')).toEqual([1, 1]);
		expect(count(() => true)).toEqual([2, 2]);
	});
});

describe('allocate: the Sigtuna 2010 conference', () => {
	// Round 1 of the report: by stakeholder role. National coordinators sat with the job coaches
	// and the policy people with the caseworkers; researchers (and a few others) led the groups.
	const reportKey: Record<SigtunaRound1Group, GroupKey> = {
		Arbeidstakere: 'role:worker:1',
		'Arbeidsgivere I': 'role:employer:1',
		'Arbeidsgivere II': 'role:employer:2',
		'Job coaches I': 'role:job-coach:1',
		'Job coaches II': 'role:job-coach:2',
		Caseworkers: 'role:caseworker:1'
	};
	const round1 = sigtunaParticipants.filter((p) => p.round1 !== null);
	const round1Input = round1.map((p) => ({
		id: p.id,
		name: p.name,
		country: p.country,
		role: p.role,
		leader: p.round1Leader
	}));
	const seatWith = { coordinator: 'job-coach', policy: 'caseworker' };
	const byId = new Map(sigtunaParticipants.map((p) => [p.id, p]));
	const inReportGroup = (...groups: SigtunaRound1Group[]) =>
		round1
			.filter((p) => groups.includes(p.round1!))
			.map((p) => p.id)
			.sort();

	it('has the 40 participants of the report, 39 of them in round 1', () => {
		expect(sigtunaParticipants).toHaveLength(40);
		const perCountry = ['DK', 'FI', 'IS', 'NO', 'SE'].map(
			(c) => sigtunaParticipants.filter((p) => p.country === c).length
		);
		expect(perCountry).toEqual([8, 6, 6, 12, 8]);
		expect(round1).toHaveLength(39);
		expect(sigtunaParticipants.filter((p) => p.coordinator)).toHaveLength(5);
	});

	describe('round 1 by role, leaders placed by hand as in the report', () => {
		const pinned = Object.fromEntries(
			round1.filter((p) => p.round1Leader).map((p) => [p.id, reportKey[p.round1!]])
		);
		const result = allocate({
			participants: round1Input,
			rule: 'role',
			maxGroupSize: 8,
			seatWith,
			pinned
		});

		it('makes the report’s six groups: employers and job coaches split in two', () => {
			expect(result.groups.map((g) => g.key)).toEqual(Object.values(reportKey));
			expect(names(result, 'nb')).toEqual([
				'Arbeidstakere',
				'Arbeidsgivere I',
				'Arbeidsgivere II',
				'Jobbspesialister I',
				'Jobbspesialister II',
				'Saksbehandlere'
			]);
			expect(names(result, 'en')).toEqual([
				'Workers',
				'Employers I',
				'Employers II',
				'Job coaches I',
				'Job coaches II',
				'Caseworkers'
			]);
			expect(sizes(result)).toEqual([8, 6, 5, 6, 6, 8]);
			expect(result.warnings).toEqual([]);
		});

		it('seats the workers and the caseworkers exactly as the report did', () => {
			expect(result.groups[0]!.memberIds).toEqual(inReportGroup('Arbeidstakere'));
			expect(result.groups[5]!.memberIds).toEqual(inReportGroup('Caseworkers'));
		});

		it('splits employers and job coaches into the same people as the report, countries spread', () => {
			const employers = result.groups.slice(1, 3).map((g) => g.memberIds);
			expect(employers.flat().sort()).toEqual(inReportGroup('Arbeidsgivere I', 'Arbeidsgivere II'));
			const employerCountries = employers.map((ids) =>
				ids
					.map((id) => byId.get(id)!)
					.filter((p) => p.role === 'employer')
					.map((p) => p.country)
			);
			// Nine employers: one of each country per part, and Iceland's one employer in part I.
			expect(employerCountries).toEqual([
				['DK', 'FI', 'IS', 'NO', 'SE'],
				['DK', 'FI', 'NO', 'SE']
			]);
			const coaches = result.groups.slice(3, 5).map((g) => g.memberIds);
			expect(coaches.flat().sort()).toEqual(inReportGroup('Job coaches I', 'Job coaches II'));
			// The four national coordinators without a group to lead are split two and two.
			for (const ids of coaches) {
				const coordinators = ids.filter((id) => byId.get(id)!.coordinator && !pinned[id]);
				expect(coordinators).toHaveLength(2);
			}
		});

		it('keeps every leader where the organiser put them', () => {
			expect(result.groups.map((g) => g.leaderIds)).toEqual([
				['dk-kelvin-nielsen', 'se-bertil-johansson'],
				['dk-steen-bengtsson'],
				['se-johanna-gustafsson'],
				['is-arni-mar-bjornsson'],
				['no-grete-wangen'],
				['no-angelika-schafft']
			]);
		});
	});

	describe('round 1 by role, leaders only flagged', () => {
		const result = allocate({ participants: round1Input, rule: 'role', maxGroupSize: 8, seatWith });

		it('makes the same six groups, each with a leader, and no group of researchers', () => {
			expect(result.groups.map((g) => g.key)).toEqual(Object.values(reportKey));
			expect(result.groups.every((g) => g.leaderIds.length >= 1)).toBe(true);
			expect(sizes(result).every((s) => s <= 8)).toBe(true);
			expect(result.warnings).toEqual([]);
			// The researchers and the teacher lead the groups that have no leader of their own.
			const leaders = result.groups.flatMap((g) => g.leaderIds);
			expect(leaders.sort()).toEqual(
				round1
					.filter((p) => p.round1Leader)
					.map((p) => p.id)
					.sort()
			);
		});
	});

	describe('round 2 by country', () => {
		const round2Input = sigtunaParticipants.map((p) => ({
			id: p.id,
			name: p.name,
			country: p.country,
			role: p.role,
			leader: p.round2Leader
		}));

		it('makes the report’s five country groups, each led by its own researcher or coordinator', () => {
			const result = allocate({ participants: round2Input, rule: 'country', maxGroupSize: 12 });
			expect(names(result, 'nb')).toEqual(['Danmark', 'Finland', 'Island', 'Norge', 'Sverige']);
			expect(sizes(result)).toEqual([8, 6, 6, 12, 8]);
			expect(result.groups.map((g) => g.leaderIds)).toEqual([
				['dk-steen-bengtsson'],
				['fi-ann-kristin-sundqvist'],
				['is-arni-mar-bjornsson'],
				['no-angelika-schafft'],
				['se-johanna-gustafsson']
			]);
			for (const g of result.groups) {
				const countries = new Set(g.memberIds.map((id) => byId.get(id)!.country));
				expect(countries.size).toBe(1);
			}
		});

		it('splits Norway in two with a limit of 10, its roles spread over both parts', () => {
			const result = allocate({ participants: round2Input, rule: 'country', maxGroupSize: 10 });
			expect(names(result, 'nb')).toEqual([
				'Danmark',
				'Finland',
				'Island',
				'Norge I',
				'Norge II',
				'Sverige'
			]);
			expect(sizes(result)).toEqual([8, 6, 6, 6, 6, 8]);
			const norway = result.groups.slice(3, 5).map((g) => g.memberIds.map((id) => byId.get(id)!));
			for (const role of ['employer', 'worker', 'policy']) {
				expect(norway.map((ps) => ps.filter((p) => p.role === role).length)).toEqual([1, 1]);
			}
		});

		it('keeps everyone put when two more Norwegians arrive late, opening Norge II', () => {
			const first = allocate({ participants: round2Input, rule: 'country', maxGroupSize: 12 });
			const late = [person('no-late-1', 'employer', 'NO'), person('no-late-2', 'worker', 'NO')];
			const second = allocate({
				participants: [...late, ...round2Input],
				rule: 'country',
				maxGroupSize: 12,
				previous: allocationMap(first)
			});
			expect(names(second, 'nb')).toEqual([
				'Danmark',
				'Finland',
				'Island',
				'Norge I',
				'Norge II',
				'Sverige'
			]);
			expect(second.groups[3]!.memberIds).toEqual(first.groups[3]!.memberIds);
			expect(second.groups[4]!.memberIds).toEqual(['no-late-1', 'no-late-2']);
			expect(second.warnings).toEqual([]);
		});
	});
});
