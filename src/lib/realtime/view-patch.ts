/**
 * Views sent as changes: RFC 6902 JSON Patch operations (add, remove, replace) between two
 * views of one viewer, and the copy-on-write apply both the browser and the bench use. No
 * imports, so the bench's plain-JavaScript load generator bundles the same code; the browser
 * loads it once the first patch comes, after its page is usable.
 */

/** One RFC 6902 operation; a view diff only ever adds, removes and replaces. */
export type PatchOp =
	| { op: 'add'; path: string; value: unknown }
	| { op: 'replace'; path: string; value: unknown }
	| { op: 'remove'; path: string };

/** A patch as sent: the versions it goes from and to, and its operations. */
export interface VersionedPatch {
	from: number;
	to: number;
	ops: PatchOp[];
}

type Json = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Json => typeof value === 'object' && value !== null;

const escapeToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapeToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Differences of shared arrays, by the pair of arrays: a group's phones share the public part of
 * a state's view, so its diff is walked once per change, not once per phone.
 */
export type DiffMemo = WeakMap<object, WeakMap<object, PatchOp[]>>;

/** The operations that turn `before` into `after`; equal references are skipped unread. */
export function diff(before: unknown, after: unknown, memo?: DiffMemo): PatchOp[] {
	const ops: PatchOp[] = [];
	diffInto(before, after, '', ops, memo);
	return ops;
}

function diffInto(a: unknown, b: unknown, path: string, ops: PatchOp[], memo?: DiffMemo): void {
	if (a === b) return;
	if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) {
		ops.push({ op: 'replace', path, value: b });
		return;
	}
	if (Array.isArray(a)) return diffArrays(a, b as unknown[], path, ops, memo);
	const before = a as Record<string, unknown>;
	const after = b as Record<string, unknown>;
	for (const key of Object.keys(before)) {
		if (before[key] !== undefined && after[key] === undefined)
			ops.push({ op: 'remove', path: `${path}/${escapeToken(key)}` });
	}
	for (const key of Object.keys(after)) {
		const value = after[key];
		if (value === undefined) continue;
		const at = `${path}/${escapeToken(key)}`;
		if (before[key] === undefined) ops.push({ op: 'add', path: at, value });
		else diffInto(before[key], value, at, ops, memo);
	}
}

function diffArrays(a: unknown[], b: unknown[], path: string, ops: PatchOp[], memo?: DiffMemo) {
	const known = memo?.get(a)?.get(b);
	if (known) {
		for (const op of known) ops.push({ ...op, path: path + op.path });
		return;
	}
	const own: PatchOp[] = [];
	const common = Math.min(a.length, b.length);
	for (let i = 0; i < common; i++) diffInto(a[i], b[i], `/${i}`, own, memo);
	// From the end, so that each index still names the element it meant.
	for (let i = a.length - 1; i >= b.length; i--) own.push({ op: 'remove', path: `/${i}` });
	for (let i = common; i < b.length; i++) own.push({ op: 'add', path: `/${i}`, value: b[i] });
	if (memo) {
		let pairs = memo.get(a);
		if (!pairs) memo.set(a, (pairs = new WeakMap()));
		pairs.set(b, own);
	}
	for (const op of own) ops.push({ ...op, path: path + op.path });
}

/** A patch that does not fit the document it is applied to. */
export class PatchError extends Error {}

/**
 * Applies operations without changing `document`: containers on the changed paths are copied,
 * everything else is shared with the old document (so unchanged parts keep their identity).
 */
export function applyPatch<T>(document: T, ops: readonly PatchOp[]): T {
	const copied = new WeakSet<object>();
	const copy = (value: Json): Json => {
		const fresh = Array.isArray(value) ? [...value] : { ...value };
		copied.add(fresh);
		return fresh;
	};
	let root: unknown = document;
	for (const op of ops) {
		if (op.path === '') {
			if (op.op === 'remove') throw new PatchError('cannot remove the document');
			root = op.value;
			continue;
		}
		if (!op.path.startsWith('/')) throw new PatchError(`bad path ${op.path}`);
		const tokens = op.path.slice(1).split('/').map(unescapeToken);
		if (!isContainer(root)) throw new PatchError(`no container at ${op.path}`);
		if (!copied.has(root)) root = copy(root);
		let parent = root as Json;
		for (const token of tokens.slice(0, -1)) {
			const child: unknown = (parent as Record<string, unknown>)[token];
			if (!isContainer(child) || !Object.hasOwn(parent, token))
				throw new PatchError(`no container at ${op.path}`);
			const own = copied.has(child) ? child : copy(child);
			(parent as Record<string, unknown>)[token] = own;
			parent = own;
		}
		applyAt(parent, tokens.at(-1)!, op);
	}
	return root as T;
}

function applyAt(parent: Json, token: string, op: PatchOp): void {
	if (token === '__proto__') throw new PatchError('no member __proto__');
	if (Array.isArray(parent)) {
		const index = token === '-' ? parent.length : Number(token);
		const limit = op.op === 'add' ? parent.length : parent.length - 1;
		if (!/^(0|[1-9][0-9]*|-)$/.test(token) || index > limit)
			throw new PatchError(`no index ${token} for ${op.op}`);
		if (op.op === 'add') parent.splice(index, 0, op.value);
		else if (op.op === 'remove') parent.splice(index, 1);
		else parent[index] = op.value;
		return;
	}
	if (op.op !== 'add' && !Object.hasOwn(parent, token))
		throw new PatchError(`no member ${token} to ${op.op}`);
	if (op.op === 'remove') delete parent[token];
	else parent[token] = op.value;
}
