/**
 * A client's view and its version, kept apart from the patch code itself so that a page's first
 * load carries only this; no imports, so the bench's load generator bundles it too.
 */
import type { PatchOp, VersionedPatch } from './view-patch';

/** Applies operations without changing the document: applyPatch of view-patch.ts. */
export type Apply = <T>(document: T, ops: readonly PatchOp[]) => T;

/**
 * What a client did with a patch: applied it, ignored one it already had, found a version
 * missing or a patch that does not fit (ask for the full view), or still waits for that view.
 */
export type PatchOutcome = 'applied' | 'stale' | 'gap' | 'broken' | 'waiting';

/**
 * A client's copy of its view: full views replace it, patches change it in order. A patch that
 * does not start at this copy's version (a missed one) or does not apply asks for a full view.
 */
export class PatchedView<V> {
	view: V | null = null;
	version: number | null = null;
	/** A full view was asked for: patches until it comes cannot apply, and ask nothing more. */
	#asked = false;

	full(view: V, version: number): void {
		this.view = view;
		this.version = version;
		this.#asked = false;
	}

	/** Applies a patch with `apply` (the patch code, loaded once it is needed). */
	patch(patch: VersionedPatch, apply: Apply): PatchOutcome {
		const outcome = this.#apply(patch, apply);
		if (outcome === 'gap' || outcome === 'broken') this.#asked = true;
		return outcome;
	}

	#apply(patch: VersionedPatch, apply: Apply): PatchOutcome {
		if (this.#asked) return 'waiting';
		if (this.view === null || this.version === null) return 'gap';
		// Already held (a patch repeated or overtaken by a full view): nothing to do.
		if (patch.to < this.version || (patch.to === this.version && patch.from !== patch.to))
			return 'stale';
		if (patch.from !== this.version) return 'gap';
		try {
			this.view = apply(this.view, patch.ops);
		} catch {
			return 'broken';
		}
		this.version = patch.to;
		return 'applied';
	}
}
