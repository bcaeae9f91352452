// One session command's cost in the server, without sockets: the session service deciding and
// committing `note.add` on a real SQLite file, one at a time and in bursts (many phones at
// once). Prints CPU and wall time per command, median of the runs. Written so that it also runs
// against older commits (whose service answered synchronously), to compare the two paths.
//
//   npx tsx scripts/bench/dispatch.ts               20 runs of 2,000 commands, after a warm-up
//   npx tsx scripts/bench/dispatch.ts --runs 40 --commands 4000
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setLogLevel } from '$lib/server/log';
import { tempApp } from '$lib/server/report/test-conference';

const { values: options } = parseArgs({
	options: {
		runs: { type: 'string', default: '20' },
		commands: { type: 'string', default: '2000' },
		burst: { type: 'string', default: '50' }
	}
});
const runs = Math.max(1, Number(options.runs));
const commands = Math.max(1, Number(options.commands));
const burst = Math.max(1, Number(options.burst));
setLogLevel('warn');

type Outcome = { ack: { ok: boolean } };
const { app, close } = await tempApp('dispatch-bench');
const sessions = app.sessions as unknown as {
	create(input: object): Promise<{ ok: true; access: { id: string } }>;
	get(id: string): Promise<{ state: { questions: { id: string }[] } }>;
	dispatch(
		sessionId: string,
		commandId: string,
		scope: string,
		command: object,
		actor: object
	): Promise<Outcome> | Outcome;
};

let counter = 0;
const id = (prefix: string) => `${prefix}${(counter++).toString(36).padStart(12, '0')}`;

/** A fresh session in its writing phase with 20 people, as one group of a conference. */
async function writingSession(): Promise<{
	sessionId: string;
	questionId: string;
	people: string[];
}> {
	const created = await sessions.create({ title: 'Bench', questions: ['Q'], language: 'en' });
	const sessionId = created.access.id;
	const questionId = (await sessions.get(sessionId)).state.questions[0].id;
	const people: string[] = [];
	for (let i = 0; i < 20; i++) {
		const participantId = id('p');
		await run(
			sessionId,
			{ type: 'participant.join', participantId, name: `P${i}` },
			{ role: 'guest' }
		);
		people.push(participantId);
	}
	await run(
		sessionId,
		{ type: 'phase.advance', questionId, from: 'lobby' },
		{ role: 'facilitator' }
	);
	return { sessionId, questionId, people };
}

async function run(sessionId: string, command: object, actor: object): Promise<void> {
	const outcome = await sessions.dispatch(
		sessionId,
		id('c'),
		`s:${sessionId}:bench`,
		command,
		actor
	);
	if (!outcome.ack.ok) throw new Error(`refused: ${JSON.stringify(outcome.ack)}`);
}

/** `commands` notes in ten sessions, `size` at once (1 = one after another). */
async function notes(size: number): Promise<{ cpuUs: number; wallUs: number }> {
	const groups = await Promise.all(Array.from({ length: 10 }, writingSession));
	const cpu = process.cpuUsage();
	const start = performance.now();
	for (let sent = 0; sent < commands; sent += size) {
		const batch: Promise<void>[] = [];
		for (let k = sent; k < Math.min(commands, sent + size); k++) {
			const group = groups[k % groups.length];
			const author = group.people[Math.floor(k / groups.length) % group.people.length];
			batch.push(
				run(
					group.sessionId,
					{ type: 'note.add', questionId: group.questionId, noteId: id('n'), text: `Note ${k}` },
					{ role: 'participant', participantId: author }
				)
			);
		}
		await Promise.all(batch);
	}
	const wallUs = ((performance.now() - start) * 1000) / commands;
	const used = process.cpuUsage(cpu);
	return { cpuUs: (used.user + used.system) / commands, wallUs };
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(size: number): Promise<{ cpuUs: number; wallUs: number }> {
	await notes(size); // warm-up
	const results: { cpuUs: number; wallUs: number }[] = [];
	for (let i = 0; i < runs; i++) results.push(await notes(size));
	return {
		cpuUs: median(results.map((r) => r.cpuUs)),
		wallUs: median(results.map((r) => r.wallUs))
	};
}

const loadBefore = loadavg()[0];
const oneByOne = await measure(1);
const bursts = await measure(burst);
close();
console.log(
	JSON.stringify(
		{
			commands,
			runs,
			burst,
			loadBefore: Number(loadBefore.toFixed(2)),
			loadAfter: Number(loadavg()[0].toFixed(2)),
			oneByOne: { cpuUs: Math.round(oneByOne.cpuUs), wallUs: Math.round(oneByOne.wallUs) },
			bursts: { cpuUs: Math.round(bursts.cpuUs), wallUs: Math.round(bursts.wallUs) }
		},
		null,
		2
	)
);
