/** localStorage that never throws (private mode, full quota, disabled storage). */
export const safeStorage = {
	read<T>(key: string): T | null {
		try {
			const raw = localStorage.getItem(key);
			return raw === null ? null : (JSON.parse(raw) as T);
		} catch {
			return null;
		}
	},
	write(key: string, value: unknown): boolean {
		try {
			localStorage.setItem(key, JSON.stringify(value));
			return true;
		} catch {
			return false;
		}
	},
	remove(key: string): void {
		try {
			localStorage.removeItem(key);
		} catch {
			// Nothing to do: storage is unavailable.
		}
	}
};
