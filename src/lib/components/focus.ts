import { tick } from 'svelte';

/**
 * Moves keyboard focus to an element by id once the DOM shows the latest state: after an action
 * replaces the control that was used, focus goes to what the person acts on next instead of
 * falling to the page body. A text field gets its caret after the text.
 */
export async function focusById(id: string): Promise<void> {
	await tick();
	const element = document.getElementById(id);
	if (!element) return;
	element.focus();
	if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
		const end = element.value.length;
		element.setSelectionRange(end, end);
	}
}
