import { describe, expect, it } from 'vitest';
import { readArchive, type ArchiveProblem } from './read';
import {
	archiveFormat,
	archiveJson,
	archiveLimits,
	archiveSchemaVersion,
	type ConferenceArchive
} from './schema';
import { conferenceDetails } from '$lib/testing/conference-details';

/** A small archive written by hand: two people, one round with two groups, no sessions. */
function archive(): ConferenceArchive {
	const at = Date.UTC(2026, 4, 6, 9);
	return {
		format: archiveFormat,
		schemaVersion: archiveSchemaVersion,
		conference: {
			...conferenceDetails({ languages: ['nb', 'sv'] }),
			notice: '',
			noticeAt: null,
			currentRound: 'r1',
			plenumRound: null,
			plenumGroup: null,
			createdAt: at,
			updatedAt: at
		},
		programme: [
			{ day: '2026-05-06', start: '09:00', end: '10:00', title: 'Velkommen', kind: 'plenary' }
		],
		roles: [],
		participants: [
			{
				ref: 'p1',
				name: 'Åsa Bergelin',
				country: 'SE',
				role: 'job-coach',
				organisation: '',
				language: 'sv',
				coordinator: false,
				createdAt: at,
				roleDescription: 'jobbcoach, teamledare'
			},
			{
				ref: 'p2',
				name: 'Øystein Sørmark',
				country: 'NO',
				role: 'employer',
				organisation: '',
				language: 'nb',
				coordinator: true,
				createdAt: at,
				roleDescription: ''
			}
		],
		glossary: [{ id: 'caseworker', terms: { nb: ['saksbehandler'], sv: ['handläggare'] } }],
		rounds: [
			{
				ref: 'r1',
				title: 'Runde 1',
				theme: '',
				rule: 'role',
				maxGroupSize: 8,
				questions: ['Hva hindrer?'],
				plenumSummary: '',
				startedAt: null,
				groups: [
					{
						ref: 'r1g1',
						key: 'role:job-coach:1',
						descriptor: { kind: 'role', role: 'job-coach', part: 1, parts: 1 },
						customName: null,
						questions: null,
						leaders: ['p1'],
						members: [{ participant: 'p1', pinned: false }],
						session: null
					},
					{
						ref: 'r1g2',
						key: 'role:employer:1',
						descriptor: { kind: 'role', role: 'employer', part: 1, parts: 1 },
						customName: 'Arbeidsgivere',
						questions: null,
						leaders: [],
						members: [{ participant: 'p2', pinned: true }],
						session: null
					}
				],
				roles: { coordinator: { kind: 'lead' }, researcher: { kind: 'with', role: 'job-coach' } },
				noGroup: [],
				instruction: 'Ta utgangspunkt i forrige runde:\nHva har endret seg?'
			}
		]
	} as ConferenceArchive;
}

function problem(file: string | Uint8Array): ArchiveProblem {
	const result = readArchive(file);
	if (result.ok) throw new Error('read a bad file');
	return result.problem;
}

describe('readArchive', () => {
	it('reads a sound archive back as it was written, with or without a BOM', () => {
		const file = archiveJson(archive());
		expect(readArchive(file)).toEqual({ ok: true, value: archive() });
		expect(readArchive(`\uFEFF${file}`)).toEqual({ ok: true, value: archive() });
		expect(readArchive(new TextEncoder().encode(file))).toEqual({ ok: true, value: archive() });
	});

	it('refuses a file that is not JSON, or not UTF-8', () => {
		expect(problem('{"format": "samrad.conference",')).toEqual({ code: 'not_json' });
		expect(problem(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({ code: 'not_json' });
	});

	it('refuses JSON that is not a conference archive', () => {
		expect(problem('{"title": "Nordisk dialog"}')).toEqual({ code: 'not_archive' });
		expect(problem('[1, 2, 3]')).toEqual({ code: 'not_archive' });
	});

	it('refuses an archive from a newer Samråd, saying which version it reads', () => {
		const newer = { ...archive(), schemaVersion: archiveSchemaVersion + 1 };
		expect(problem(JSON.stringify(newer))).toEqual({
			code: 'newer_version',
			version: archiveSchemaVersion + 1,
			supported: archiveSchemaVersion
		});
	});

	it('refuses a file over the size limit before reading it', () => {
		const big = new Uint8Array(archiveLimits.maxBytes + 1);
		expect(problem(big)).toMatchObject({ code: 'too_large', max: archiveLimits.maxBytes });
	});

	it('names the place of every field that breaks the schema', () => {
		const bad = archive();
		bad.conference.title = 'x'.repeat(161);
		bad.participants[1]!.country = 'XX';
		delete (bad.participants[0] as Partial<ConferenceArchive['participants'][number]>).name;
		(bad.programme[0] as Record<string, unknown>).room = 'Aula';
		bad.conference.updatedAt = 1e300;
		expect(problem(JSON.stringify(bad))).toEqual({
			code: 'invalid',
			total: 5,
			issues: expect.arrayContaining([
				{ path: 'conference.title', kind: 'too_long' },
				{ path: 'participants[1].country', kind: 'invalid' },
				{ path: 'participants[0].name', kind: 'missing' },
				{ path: 'programme[0].room', kind: 'unexpected' },
				{ path: 'conference.updatedAt', kind: 'invalid_date' }
			])
		});
	});

	it('takes a time on the last moment of the year 9999 and refuses one a millisecond later', () => {
		const last = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
		const file = (updatedAt: number) => {
			const written = archive();
			written.conference.updatedAt = updatedAt;
			return JSON.stringify(written);
		};
		expect(readArchive(file(last)).ok).toBe(true);
		expect(problem(file(last + 1))).toEqual({
			code: 'invalid',
			total: 1,
			issues: [{ path: 'conference.updatedAt', kind: 'invalid_date' }]
		});
	});

	it('finds references to people, roles and rounds that are not there, and people placed twice', () => {
		const bad = archive();
		const [first, second] = bad.rounds[0]!.groups;
		first!.leaders = ['p9'];
		second!.members.push({ participant: 'p1', pinned: false });
		bad.participants[0]!.role = 'astronaut';
		bad.conference.currentRound = 'r9';
		bad.conference.plenumGroup = 'r1g1';
		expect(problem(JSON.stringify(bad))).toEqual({
			code: 'invalid',
			total: 5,
			issues: expect.arrayContaining([
				{ path: 'rounds[0].groups[0].leaders[0]', kind: 'unknown_reference' },
				{ path: 'rounds[0].groups[1].members[1].participant', kind: 'duplicate' },
				{ path: 'participants[0].role', kind: 'unknown_reference' },
				{ path: 'conference.currentRound', kind: 'unknown_reference' },
				// A plenum group must belong to the plenum round, and there is none.
				{ path: 'conference.plenumGroup', kind: 'unknown_reference' }
			])
		});
	});

	it('finds "no group" people unknown or also in a group, and role options for unknown roles', () => {
		const bad = archive();
		bad.rounds[0]!.noGroup = ['p1', 'p9'];
		bad.rounds[0]!.roles = { astronaut: { kind: 'none' }, worker: { kind: 'with', role: 'pilot' } };
		expect(problem(JSON.stringify(bad))).toEqual({
			code: 'invalid',
			total: 4,
			issues: expect.arrayContaining([
				{ path: 'rounds[0].noGroup[0]', kind: 'duplicate' },
				{ path: 'rounds[0].noGroup[1]', kind: 'unknown_reference' },
				{ path: 'rounds[0].roles.astronaut', kind: 'unknown_reference' },
				{ path: 'rounds[0].roles.worker.role', kind: 'unknown_reference' }
			])
		});
	});

	it('reads a version 2 archive: no role options and no "no group" in it', () => {
		const older = archive() as unknown as Record<string, unknown> & {
			rounds: Record<string, unknown>[];
		};
		older.schemaVersion = 2;
		for (const round of older.rounds) {
			delete round.roles;
			delete round.noGroup;
		}
		const read = readArchive(JSON.stringify(older));
		expect(read.ok && read.value.rounds[0]).toMatchObject({ roles: {}, noGroup: [] });
		// A version 3 file must say where each role goes and who is in no group.
		expect(problem(JSON.stringify({ ...older, schemaVersion: 3 }))).toMatchObject({
			code: 'invalid'
		});
	});

	it('lists only the first problems of a badly broken file, and how many there were', () => {
		const bad = archive();
		bad.participants = Array.from({ length: 20 }, (_, i) => ({
			...bad.participants[0]!,
			ref: `p${i + 1}`,
			country: 'XX'
		}));
		const result = problem(JSON.stringify(bad));
		expect(result).toMatchObject({ code: 'invalid', total: 20 });
		expect(result.code === 'invalid' && result.issues).toHaveLength(archiveLimits.issuesShown);
	});
});
