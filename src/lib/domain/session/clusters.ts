import type { Cluster, QuestionRun } from './types';

/** Takes notes out of whatever cluster holds them. */
function withoutNotes(clusters: Cluster[], noteIds: ReadonlySet<string>): Cluster[] {
	return clusters.map((c) =>
		c.noteIds.some((id) => noteIds.has(id))
			? { ...c, noteIds: c.noteIds.filter((id) => !noteIds.has(id)) }
			: c
	);
}

/**
 * A new heading at the end, holding the given notes (moved from wherever they were); a
 * sub-heading when `parentId` names the heading it goes under.
 */
export function createCluster(
	run: QuestionRun,
	clusterId: string,
	heading: string,
	noteIds: string[],
	parentId?: string
): QuestionRun {
	const moving = new Set(noteIds);
	const clusters = withoutNotes(run.clusters, moving);
	const created: Cluster = { id: clusterId, heading, noteIds: [...moving] };
	if (parentId !== undefined) created.parentId = parentId;
	return { ...run, clusters: [...clusters, created] };
}

/** Sub-headings of a heading, in display order. */
export function subheadingsOf(clusters: readonly Cluster[], clusterId: string): Cluster[] {
	return clusters.filter((c) => c.parentId === clusterId);
}

/** A heading's notes followed by those of its sub-headings: what it stands for in a vote. */
export function headingNoteIds(clusters: readonly Cluster[], cluster: Cluster): string[] {
	return [...cluster.noteIds, ...subheadingsOf(clusters, cluster.id).flatMap((c) => c.noteIds)];
}

/** Without a parent: a sub-heading whose heading goes becomes a heading itself. */
function promoted(cluster: Cluster): Cluster {
	return { id: cluster.id, heading: cluster.heading, noteIds: cluster.noteIds };
}

export function renameCluster(run: QuestionRun, clusterId: string, heading: string): QuestionRun {
	return {
		...run,
		clusters: run.clusters.map((c) => (c.id === clusterId ? { ...c, heading } : c))
	};
}

/** Puts notes under a heading (appended in the given order), or under none when clusterId is null. */
export function assignNotes(
	run: QuestionRun,
	noteIds: string[],
	clusterId: string | null
): QuestionRun {
	const moving = new Set(noteIds);
	const clusters = withoutNotes(run.clusters, moving).map((c) =>
		c.id === clusterId ? { ...c, noteIds: [...c.noteIds, ...moving] } : c
	);
	return { ...run, clusters };
}

/**
 * Moves every note of `sourceId` under `targetId` and removes the source heading; its
 * sub-headings go under the target (the core refuses this when the target is a sub-heading).
 */
export function mergeClusters(run: QuestionRun, sourceId: string, targetId: string): QuestionRun {
	const source = run.clusters.find((c) => c.id === sourceId);
	if (!source || sourceId === targetId) return run;
	const clusters = run.clusters
		.filter((c) => c.id !== sourceId)
		.map((c) => (c.id === targetId ? { ...c, noteIds: [...c.noteIds, ...source.noteIds] } : c))
		.map((c) => (c.parentId === sourceId ? { ...c, parentId: targetId } : c));
	return { ...run, clusters };
}

/**
 * Removes a heading; its notes become ungrouped and its sub-headings become headings with
 * their notes, so no grouping the room made below it is lost.
 */
export function dissolveCluster(run: QuestionRun, clusterId: string): QuestionRun {
	const clusters = run.clusters
		.filter((c) => c.id !== clusterId)
		.map((c) => (c.parentId === clusterId ? promoted(c) : c));
	return { ...run, clusters };
}

/** Moves a heading to a new position (clamped to the list). */
export function moveCluster(run: QuestionRun, clusterId: string, toIndex: number): QuestionRun {
	const from = run.clusters.findIndex((c) => c.id === clusterId);
	if (from < 0) return run;
	const clusters = [...run.clusters];
	const [moved] = clusters.splice(from, 1);
	const to = Math.max(0, Math.min(toIndex, clusters.length));
	clusters.splice(to, 0, moved!);
	return { ...run, clusters };
}

/** Moves a note to a new position within its heading (clamped). */
export function moveNoteInCluster(run: QuestionRun, noteId: string, toIndex: number): QuestionRun {
	return {
		...run,
		clusters: run.clusters.map((c) => {
			const from = c.noteIds.indexOf(noteId);
			if (from < 0) return c;
			const noteIds = [...c.noteIds];
			noteIds.splice(from, 1);
			noteIds.splice(Math.max(0, Math.min(toIndex, noteIds.length)), 0, noteId);
			return { ...c, noteIds };
		})
	};
}

/** Headings with notes that are no longer revealed dropped from them (after stepping back). */
export function pruneHiddenNotes(run: QuestionRun): QuestionRun {
	const hidden = new Set(run.notes.filter((n) => n.revealIndex === null).map((n) => n.id));
	if (hidden.size === 0) return run;
	return { ...run, clusters: withoutNotes(run.clusters, hidden) };
}

/** The cluster a note is under, if any. */
export function clusterOf(run: QuestionRun, noteId: string): Cluster | undefined {
	return run.clusters.find((c) => c.noteIds.includes(noteId));
}
