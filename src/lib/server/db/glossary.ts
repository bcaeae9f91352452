import type { Glossary, GlossaryConcept } from '$lib/domain/glossary/types';
import { sql, type Db } from './database';

/** A conference's glossary, in display order. */
export function readGlossary(db: Db, conferenceId: string): GlossaryConcept[] {
	return (
		sql(db, 'SELECT concept FROM glossary_entries WHERE conference_id = ? ORDER BY position').all(
			conferenceId
		) as {
			concept: string;
		}[]
	).map((r) => JSON.parse(r.concept) as GlossaryConcept);
}

/** Replaces a conference's whole glossary (edits, imports) in one go. */
export function writeGlossary(db: Db, conferenceId: string, glossary: Glossary): void {
	sql(db, 'DELETE FROM glossary_entries WHERE conference_id = ?').run(conferenceId);
	const insert = sql(
		db,
		'INSERT INTO glossary_entries (conference_id, id, position, concept) VALUES (?, ?, ?, ?)'
	);
	glossary.forEach((concept, position) =>
		insert.run(conferenceId, concept.id, position, JSON.stringify(concept))
	);
}
