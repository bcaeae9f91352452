/**
 * Who may use a conference participant's name on which device. A name picked from the roster
 * belongs to the device that picked it; another device asking for it waits until the
 * facilitator of the person's group or an organiser lets it in; the badge link works on any
 * device. Pure rules: no storage, no clock, no randomness.
 */
import { refuse, type DomainError } from '../errors';
import { limits } from '../limits';

/** How a device came to use a name. */
export type BindingKind = 'roster' | 'badge' | 'approved';
/** pending: asked for a name in use on another device; refused: turned down. */
export type BindingStatus = 'pending' | 'active' | 'refused';

/** One device of one participant (the device itself is known only by the hash of its cookie). */
export interface DeviceBinding {
	id: string;
	conferenceId: string;
	participantId: string;
	deviceHash: string;
	kind: BindingKind;
	status: BindingStatus;
	/** What people recognise it by ("Safari · iPhone"); '' when the browser did not say. */
	device: string;
	/** Four digits shown on the asking phone and beside its request. */
	checkCode: string;
	createdAt: number;
	lastSeenAt: number;
}

/** What picking a name on the roster does, given the person's devices. */
export type RosterClaim =
	/** Nobody uses the name yet: this device gets it. */
	| { type: 'bind' }
	/** This device already has it, asked for it, or was turned down: the same binding again. */
	| { type: 'again'; binding: DeviceBinding }
	/** The name is in use on another device: this one asks, and waits. */
	| { type: 'ask' }
	| { type: 'refused'; error: DomainError };

/** Decides a roster claim for `deviceHash` from the person's bindings. */
export function decideRosterClaim(bindings: DeviceBinding[], deviceHash: string): RosterClaim {
	const own = bindings.find((b) => b.deviceHash === deviceHash);
	if (own) return { type: 'again', binding: own };
	const active = bindings.filter((b) => b.status === 'active');
	if (active.length === 0) return { type: 'bind' };
	const waiting = bindings.filter((b) => b.status === 'pending').length;
	if (waiting >= limits.claimsWaitingPerPerson)
		return { type: 'refused', error: refuse('too_many', { max: limits.claimsWaitingPerPerson }) };
	if (active.length >= limits.devicesPerPerson)
		return { type: 'refused', error: refuse('too_many', { max: limits.devicesPerPerson }) };
	return { type: 'ask' };
}

/** Who decides about a device: an organiser, or the facilitator of one group's session. */
export type Decider = { role: 'organiser' } | { role: 'facilitator'; sessionId: string };

/**
 * Whether `decider` may let in or turn down a waiting device: organisers always; a
 * facilitator only for a person in their group now (`personSessionId`: that person's session).
 */
export function mayDecide(decider: Decider, personSessionId: string | null): boolean {
	return (
		decider.role === 'organiser' ||
		(personSessionId !== null && decider.sessionId === personSessionId)
	);
}

/** Only organisers release devices (they see every device of every person). */
export function mayRelease(decider: Decider): boolean {
	return decider.role === 'organiser';
}

/**
 * A decision about a waiting device: letting it in makes it active; turning it down keeps it as
 * refused, so that it cannot ask again and again. Deciding twice the same way changes nothing.
 */
export function decideClaim(
	binding: DeviceBinding,
	approve: boolean
): { ok: true; binding: DeviceBinding; changed: boolean } | { ok: false; error: DomainError } {
	const wanted: BindingStatus = approve ? 'active' : 'refused';
	if (binding.status === 'pending') {
		return {
			ok: true,
			binding: { ...binding, status: wanted, kind: approve ? 'approved' : binding.kind },
			changed: true
		};
	}
	if (binding.status === wanted) return { ok: true, binding, changed: false };
	return { ok: false, error: refuse('conflict') };
}

/**
 * Opening the badge link proves the person: the device is bound (or touched) at once, and any
 * request it had waiting or turned down is settled.
 */
export function bindByBadge(
	existing: DeviceBinding | null
): { type: 'create' } | { type: 'activate'; binding: DeviceBinding } | { type: 'touch' } {
	if (!existing) return { type: 'create' };
	if (existing.status === 'active') return { type: 'touch' };
	return { type: 'activate', binding: { ...existing, status: 'active', kind: 'badge' } };
}

const browsers: [RegExp, string][] = [
	[/\bEdg(?:e|A|iOS)?\//, 'Edge'],
	[/\b(?:OPR|Opera)\//, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\b(?:Firefox|FxiOS)\//, 'Firefox'],
	[/\b(?:Chrome|CriOS|Chromium)\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari']
];
const systems: [RegExp, string][] = [
	[/\biPhone\b/, 'iPhone'],
	[/\biPad\b/, 'iPad'],
	[/\bAndroid\b/, 'Android'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bWindows\b/, 'Windows'],
	[/\bMac OS X\b|\bMacintosh\b/, 'Mac'],
	[/\bLinux\b/, 'Linux']
];

/**
 * A short description of a device that its owner and the organiser recognise, from its
 * User-Agent: "Safari · iPhone". Product names only, the same in every language; '' if unknown.
 */
export function describeDevice(userAgent: string | null | undefined): string {
	const agent = (userAgent ?? '').slice(0, 512);
	const browser = browsers.find(([pattern]) => pattern.test(agent))?.[1];
	const system = systems.find(([pattern]) => pattern.test(agent))?.[1];
	return [browser, system].filter(Boolean).join(' · ');
}
