/**
 * What someone types, ticks, chooses or opens on a server-rendered page while the app's scripts
 * are still on their way must survive the app starting. Starting (hydration) writes the server's
 * values back into bound fields and closes a `<details>` opened meanwhile, so the page's state is
 * taken before it starts and given back after: a field the person changed from its server default
 * gets its value back if starting reset it (with `input`/`change` events, so the app's bindings
 * and drafts hear of it); a `<details>` gets back the open state starting changed.
 */
import { onMount, tick } from 'svelte';
import { browser } from '$app/environment';

/** Called while a page with server-rendered forms is initialised (before its forms start). */
export function keepWhatWasTypedAcrossStart(): void {
	if (!browser) return;
	const giveBack = keepWhatWasTyped(document);
	onMount(() => {
		void tick().then(giveBack);
	});
}

export function keepWhatWasTyped(root: ParentNode): () => void {
	const restores: (() => void)[] = [];
	for (const el of root.querySelectorAll('input, textarea, select, details')) {
		const restore = kept(el);
		if (restore) restores.push(restore);
	}
	return () => {
		for (const restore of restores) restore();
	};
}

function kept(el: Element): (() => void) | undefined {
	if (el instanceof HTMLDetailsElement) {
		const open = el.open;
		return () => {
			if (el.open !== open) el.open = open;
		};
	}
	if (el instanceof HTMLSelectElement) {
		const options = [...el.options];
		const chosen = options.map((o) => o.selected);
		if (options.every((o, i) => chosen[i] === o.defaultSelected)) return undefined;
		return () => {
			if (options.every((o, i) => o.selected === chosen[i])) return;
			options.forEach((o, i) => (o.selected = chosen[i]!));
			changed(el, 'change');
		};
	}
	if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
		const checked = el.checked;
		if (checked === el.defaultChecked) return undefined;
		return () => {
			if (el.checked === checked) return;
			el.checked = checked;
			changed(el, 'change');
		};
	}
	if (el instanceof HTMLInputElement && (el.type === 'file' || el.type === 'hidden'))
		return undefined;
	if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return undefined;
	const value = el.value;
	if (value === el.defaultValue) return undefined;
	return () => {
		if (el.value === value) return;
		el.value = value;
		changed(el, 'input');
	};
}

function changed(el: Element, type: 'input' | 'change'): void {
	if (!el.isConnected) return;
	el.dispatchEvent(new Event(type, { bubbles: true }));
	if (type === 'input') el.dispatchEvent(new Event('change', { bubbles: true }));
}
