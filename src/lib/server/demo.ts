import type { Conference } from '$lib/domain/conference/types';
import type { DomainError } from '$lib/domain/errors';
import type { Language } from '$lib/domain/session/types';
import type { App } from './app';
import type { Result } from './conferences';
import {
	demoPeople,
	demoProgramme,
	demoProjectLeader,
	demoRoleDescriptions,
	demoRound1,
	demoRound2Instruction,
	demoRound2Leaders,
	demoTexts
} from './demo-content';
import { log } from './log';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'conferences'>;

/** The demo is our own data: a refusal is a bug, not something to show. */
async function must<T>(pending: Promise<Result<T>>, step: string): Promise<T> {
	const result = await pending;
	if (!result.ok) {
		const error: DomainError = result.error;
		throw new Error(
			`demo conference: ${step} refused (${error.code} ${JSON.stringify(error.params ?? {})})`
		);
	}
	return result.value;
}

/** The first Wednesday at least two weeks ahead, as yyyy-mm-dd (the report's day began on one). */
function demoStartDate(now: number): string {
	const day = new Date(now + 14 * 86_400_000);
	day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
	return day.toISOString().slice(0, 10);
}

function nextDay(date: string): string {
	const day = new Date(`${date}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() + 1);
	return day.toISOString().slice(0, 10);
}

/**
 * Builds a realistic demo conference through ConferenceService only, after the Nordic
 * dialogue conference on supported employment (Sigtuna 2010): 40 made-up people from five
 * countries, the report's programme, round 1 by role (groups of at most 6, researchers and
 * coordinators moved in by hand to lead, each role with its own questions) and round 2 by
 * country. Both rounds are allocated with leaders; neither is started.
 */
export async function createDemoConference(
	app: Uses,
	lang: Language = 'nb',
	now: number = Date.now(),
	ownerId: string | null = null
): Promise<Conference> {
	const text = demoTexts[lang];
	const service = app.conferences;
	const startDate = demoStartDate(now);
	const days = [startDate, nextDay(startDate)];
	const languages: Language[] = [...new Set<Language>([lang, 'nb', 'sv', 'da', 'is', 'fi'])];

	const conference = await must(
		service.create(
			{
				title: text.title,
				subtitle: text.subtitle,
				venue: 'Sigtunastiftelsen, Sigtuna',
				startDate: days[0]!,
				endDate: days[1]!,
				about: text.about,
				introduction: text.introduction,
				organisation: text.organisation,
				author: `${demoProjectLeader.name}, ${demoProjectLeader.organisation}`,
				introductionBy: `${demoProjectLeader.name} (${text.projectLeader})`,
				language: lang,
				languages
			},
			ownerId
		),
		'create'
	);
	const id = conference.id;

	for (const [i, item] of demoProgramme.entries()) {
		await must(
			service.saveProgrammeItem(id, null, {
				day: days[item.day]!,
				start: item.start,
				end: item.end,
				title: text.programme[i]!,
				kind: item.kind
			}),
			'programme'
		);
	}

	await must(
		service.addParticipants(
			id,
			demoPeople.map(([name, country, role, organisation, language, coordinator]) => ({
				name,
				country,
				role,
				organisation,
				language,
				coordinator: coordinator === true,
				roleDescription: demoRoleDescriptions[name] ?? ''
			}))
		),
		'participants'
	);
	const person = new Map((await service.participants(id)).map((p) => [p.name, p.id]));
	const idOf = (name: string) => {
		const found = person.get(name);
		if (!found) throw new Error(`demo conference: no participant ${name}`);
		return found;
	};

	// Round 1 by role: allocate, move researchers and coordinators in by hand, delete the groups
	// that are now empty, then leaders and each group's own questions.
	const round1 = await must(
		service.saveRound(id, null, {
			title: text.round1.title,
			theme: text.round1.theme,
			rule: 'role',
			maxGroupSize: 6,
			questions: [...text.questions.caseworkers]
		}),
		'round 1'
	);
	await must(service.allocate(id, round1.id), 'allocate round 1');
	const groupsByKey = async () =>
		new Map((await service.roundDetail(id, round1.id, lang))!.groups.map((g) => [g.key, g]));
	let groups = await groupsByKey();
	for (const plan of demoRound1) {
		const group = groups.get(plan.key);
		if (!group) throw new Error(`demo conference: no group ${plan.key}`);
		if (plan.joining.length === 0) continue;
		const participantIds = plan.joining.map(idOf);
		await must(
			service.group(id, round1.id, { type: 'move', participantIds, to: group.id }),
			'move'
		);
	}
	for (const group of (await service.roundDetail(id, round1.id, lang))!.groups) {
		if (group.memberIds.length === 0)
			await must(
				service.group(id, round1.id, { type: 'deleteGroup', groupId: group.id }),
				'delete'
			);
	}
	groups = await groupsByKey();
	for (const plan of demoRound1) {
		const group = groups.get(plan.key)!;
		if (plan.renamed)
			await must(
				service.group(id, round1.id, {
					type: 'renameGroup',
					groupId: group.id,
					name: text.policyGroupName
				}),
				'rename'
			);
		const participantIds = plan.leaders.map(idOf);
		await must(
			service.group(id, round1.id, { type: 'lead', groupId: group.id, participantIds }),
			'lead'
		);
		if (plan.questions)
			await must(
				service.setGroupQuestions(id, round1.id, group.id, [...text.questions[plan.questions]]),
				'questions'
			);
	}

	// Round 2 by country: one group per country (Norway's eleven fit), led as in the report.
	const round2 = await must(
		service.saveRound(id, null, {
			title: text.round2.title,
			theme: text.round2.theme,
			rule: 'country',
			maxGroupSize: 12,
			questions: [...text.questions.countries],
			instruction: demoRound2Instruction[lang]
		}),
		'round 2'
	);
	await must(service.allocate(id, round2.id), 'allocate round 2');
	for (const group of (await service.roundDetail(id, round2.id, lang))!.groups) {
		const leader = demoRound2Leaders[group.key];
		if (!leader) continue;
		await must(
			service.group(id, round2.id, {
				type: 'lead',
				groupId: group.id,
				participantIds: [idOf(leader)]
			}),
			'lead'
		);
	}

	log.info('demo.created', { conferenceId: id, participants: demoPeople.length });
	return (await service.get(id))!;
}
