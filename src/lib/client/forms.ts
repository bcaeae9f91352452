import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A form enhancement for forms that keep what was typed: the answer updates the page without
 * resetting the fields (a refused save shows its errors next to the values), `busy` says while
 * it is on its way, and `onSuccess` runs (and is awaited) after a successful answer.
 */
export function keepValues(
	busy: (sending: boolean) => void,
	onSuccess?: () => unknown
): SubmitFunction {
	return () => {
		busy(true);
		return async ({ result, update }) => {
			await update({ reset: false });
			busy(false);
			if (result.type === 'success') await onSuccess?.();
		};
	};
}

/**
 * The same for an upload form: a file larger than `maxBytes` is refused at once instead of being
 * sent to a server that will not take it; `tooLarge` gets its size, or null when it fits.
 */
export function keepValuesWithFile(
	maxBytes: number,
	tooLarge: (size: number | null) => void,
	busy: (sending: boolean) => void
): SubmitFunction {
	const send = keepValues(busy);
	return (input) => {
		const file = input.formData.get('file');
		const size = file instanceof File && file.size > maxBytes ? file.size : null;
		tooLarge(size);
		if (size !== null) return input.cancel();
		return send(input);
	};
}
