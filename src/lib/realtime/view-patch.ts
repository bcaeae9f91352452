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

const needsEscape = /[~/]/;
const escapeToken = (key: string) =>
	needsEscape.test(key) ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
const unescapeToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Where the walk is: the keys and indexes from the root, made into a JSON Pointer only when an
 * operation is written (most of a walk finds equal references and writes nothing).
 */
type Tokens = (string | number)[];

function pointer(tokens: Tokens, last?: string | number): string {
	let path = '';
	for (const token of tokens) path += `/${typeof token === 'number' ? token : escapeToken(token)}`;
	if (last !== undefined) path += `/${typeof last === 'number' ? last : escapeToken(last)}`;
	return path;
}

/**
 * Differences of shared arrays, by the pair of arrays: a group's phones share the public part of
 * a state's view, so its diff is walked once per change, not once per phone.
 */
export type DiffMemo = WeakMap<object, WeakMap<object, PatchOp[]>>;

/** The operations that turn `before` into `after`; equal references are skipped unread. */
export function diff(before: unknown, after: unknown, memo?: DiffMemo): PatchOp[] {
	const ops: PatchOp[] = [];
	diffInto(before, after, [], ops, memo);
	return ops;
}

function diffInto(a: unknown, b: unknown, at: Tokens, ops: PatchOp[], memo?: DiffMemo): void {
	if (a === b) return;
	if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) {
		ops.push({ op: 'replace', path: pointer(at), value: b });
		return;
	}
	if (Array.isArray(a)) return diffArrays(a, b as unknown[], at, ops, memo);
	const before = a as Record<string, unknown>;
	const after = b as Record<string, unknown>;
	for (const key in before) {
		if (before[key] !== undefined && after[key] === undefined)
			ops.push({ op: 'remove', path: pointer(at, key) });
	}
	for (const key in after) {
		const value = after[key];
		const old = before[key];
		if (value === undefined || value === old) continue;
		if (old === undefined) {
			ops.push({ op: 'add', path: pointer(at, key), value });
			continue;
		}
		at.push(key);
		diffInto(old, value, at, ops, memo);
		at.pop();
	}
}

function diffArrays(a: unknown[], b: unknown[], at: Tokens, ops: PatchOp[], memo?: DiffMemo) {
	let own = memo?.get(a)?.get(b);
	if (!own) {
		own = [];
		const inner: Tokens = [];
		const common = Math.min(a.length, b.length);
		for (let i = 0; i < common; i++) {
			if (a[i] === b[i]) continue;
			inner.push(i);
			diffInto(a[i], b[i], inner, own, memo);
			inner.pop();
		}
		// From the end, so that each index still names the element it meant.
		for (let i = a.length - 1; i >= b.length; i--) own.push({ op: 'remove', path: `/${i}` });
		for (let i = common; i < b.length; i++) own.push({ op: 'add', path: `/${i}`, value: b[i] });
		if (memo) {
			let pairs = memo.get(a);
			if (!pairs) memo.set(a, (pairs = new WeakMap()));
			pairs.set(b, own);
		}
	}
	if (own.length === 0) return;
	const prefix = pointer(at);
	for (const op of own) ops.push({ ...op, path: prefix + op.path });
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
