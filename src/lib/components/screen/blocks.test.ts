import { describe, expect, it } from 'vitest';
import type { ClusterView, RevealedNoteView } from '$lib/domain/session/views';
import { boardBlocks } from './blocks';

const note = (id: string, revealIndex: number): RevealedNoteView => ({
	id,
	text: `Note ${id}`,
	revealIndex,
	author: null,
	edited: false
});

describe('boardBlocks with sub-headings (projector and plenum)', () => {
	it('puts each sub-heading, with its notes, after its heading’s own notes', () => {
		const notes = ['n1', 'n2', 'n3', 'n4', 'n5'].map(note);
		const clusters: ClusterView[] = [
			{ id: 'sub', heading: 'What is needed?', noteIds: ['n2', 'n3'], parentId: 'theme' },
			{ id: 'theme', heading: 'SUPPORT', noteIds: ['n1'] },
			{ id: 'other', heading: 'MONEY', noteIds: ['n4'] }
		];
		const blocks = boardBlocks(notes, clusters, 'Not under a heading');
		expect(
			blocks.map((b) =>
				b.kind === 'heading' ? `${b.sub ? 'sub' : 'heading'}:${b.text}` : `${b.kind}:${b.group}`
			)
		).toEqual([
			'heading:SUPPORT',
			'note:c:theme',
			'sub:What is needed?',
			'note:c:sub',
			'note:c:sub',
			'heading:MONEY',
			'note:c:other',
			'heading:Not under a heading',
			'note:loose'
		]);
	});
});
