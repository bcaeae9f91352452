import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SessionClient } from './session-client.svelte';

/**
 * Never run: `npm run check` compiles it, and fails when a misuse below is no longer refused or
 * an answer is no longer typed by the contract.
 */
async function typedByTheContract(client: SessionClient): Promise<void> {
	client.send('note.add', { questionId: 'q', noteId: 'n', text: 'Mer tid' });
	client.send('reveal.next', { questionId: 'q' });
	client.send('timer.pause', {});
	// @ts-expect-error a note needs its text
	client.send('note.add', { questionId: 'q', noteId: 'n' });
	// @ts-expect-error pausing the timer takes no seconds
	client.send('timer.pause', { seconds: 5 });
	// @ts-expect-error a ballot is a ranking, not a note
	client.send('ballot.cast', { questionId: 'q', noteId: 'n', text: 'x' });
	// @ts-expect-error topN is a number
	client.send('session.configure', { settings: { topN: '5' } });

	const joined = await client.request('participant.join', { code: 'ABCDEF', name: 'Anna' });
	if (joined?.ok) {
		expectTypeOf(joined.token).toEqualTypeOf<string>();
		expectTypeOf(joined.participantId).toEqualTypeOf<string>();
		// @ts-expect-error joining answers with no note
		void joined.noteId;
	}
	// @ts-expect-error joining needs a name
	void client.request('participant.join', { code: 'ABCDEF' });
	const added = await client.request('note.add', { questionId: 'q', noteId: 'n', text: 'x' });
	if (added?.ok) expectTypeOf(added.noteId).toEqualTypeOf<string>();
}

describe('the client send', () => {
	it('is typed by the contract, payload and answer (checked by npm run check)', () => {
		expect(typedByTheContract).toBeTypeOf('function');
	});
});
