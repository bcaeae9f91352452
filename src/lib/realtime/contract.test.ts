import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { commandNames, commandSchemas, handshakeSchema } from './contract';

const id = 'abcdefghijklmnopqrstuv';

describe('the event contract', () => {
	it('refuses an array where settings belong (arrays are objects to valibot)', () => {
		const schema = commandSchemas['session.configure'];
		expect(v.safeParse(schema, { id, settings: [] }).success).toBe(false);
		expect(v.safeParse(schema, { id, settings: { topN: 3 } }).success).toBe(true);
		expect(v.safeParse(schema, { id, settings: { topN: 3, extra: 1 } }).success).toBe(false);
	});

	it('requires a client-made id on every command', () => {
		for (const name of commandNames) {
			expect(v.safeParse(commandSchemas[name], {}).success, name).toBe(false);
			expect(v.safeParse(commandSchemas[name], { id: 'short' }).success, name).toBe(false);
		}
	});

	it('knows every handshake role and nothing else', () => {
		expect(v.safeParse(handshakeSchema, { role: 'plenum', token: id }).success).toBe(true);
		expect(v.safeParse(handshakeSchema, { role: 'admin' }).success).toBe(false);
		expect(v.parse(handshakeSchema, {}).role).toBe('guest');
	});
});
