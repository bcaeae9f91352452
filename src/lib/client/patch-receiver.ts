import type { SentView } from '$lib/domain/session/sent-views';
import type { PatchEnvelope, ViewEnvelope } from '$lib/realtime/contract';
import { PatchedView } from '$lib/realtime/patched-view';
import { applyPatch } from '$lib/realtime/view-patch';

const envelopeFields = ['joinCode', 'joinUrl', 'online', 'notice'] as const;

/**
 * Applies a session's patches to the view a client holds. Loaded with the first patch, after the
 * page is usable, so that a page's first load does not carry it.
 */
export class PatchReceiver {
	readonly #held = new PatchedView<SentView>();
	#envelope: ViewEnvelope | null = null;

	/** `ask` asks the server for the whole view. */
	constructor(readonly ask: () => void) {}

	/**
	 * The envelope `patch` makes of the newest view the client holds (`latest`); null when there
	 * is none new (a patch held already, or one that does not fit: the whole view is asked for).
	 */
	patch(patch: PatchEnvelope, latest: ViewEnvelope | null): ViewEnvelope | null {
		if (latest && latest !== this.#envelope) {
			this.#envelope = latest;
			this.#held.full(latest.view, latest.version);
		}
		const outcome = this.#held.patch(patch, applyPatch);
		if (outcome === 'gap' || outcome === 'broken') this.ask();
		if (outcome !== 'applied' || !this.#envelope) return null;
		const envelope = { ...this.#envelope, view: this.#held.view!, version: patch.to };
		envelope.serverTime = patch.serverTime;
		for (const field of envelopeFields)
			if (patch[field] !== undefined) Object.assign(envelope, { [field]: patch[field] });
		return (this.#envelope = envelope);
	}
}
