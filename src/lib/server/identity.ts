import { createHash, randomInt } from 'node:crypto';
import {
	bindByBadge,
	decideClaim,
	decideRosterClaim,
	describeDevice,
	mayDecide,
	mayRelease,
	type BindingStatus,
	type Decider,
	type DeviceBinding
} from '$lib/domain/conference/devices';
import { refuse, type DomainError } from '$lib/domain/errors';
import type { Conference, ConferenceParticipant } from '$lib/domain/conference/types';
import type { App } from './app';
import { log } from './log';
import { memberSessionId } from './realtime/conference-live';
import { randomToken } from './tokens';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'stores' | 'bus' | 'conferences' | 'sessions'>;

/**
 * Identity at a conference: which device may use whose name. Rules in
 * domain/conference/devices.ts; this module stores their outcome and tells the live views.
 */

type Outcome<T> = ({ ok: true } & T) | { ok: false; error: DomainError };

/** The SHA-256 of a device link token, as stored. */
function hashLinkToken(token: string): string {
	return createHash('sha256').update(`binding:${token}`).digest('base64url');
}

/** A device's own link: /c/d/<token>, valid only together with that device's cookie. */
export function deviceLink(token: string): string {
	return `/c/d/${token}`;
}

function newBinding(
	person: ConferenceParticipant,
	deviceHash: string,
	kind: DeviceBinding['kind'],
	status: BindingStatus,
	userAgent: string | null,
	now: number
): DeviceBinding {
	return {
		id: randomToken(16),
		conferenceId: person.conferenceId,
		participantId: person.id,
		deviceHash,
		kind,
		status,
		device: describeDevice(userAgent),
		checkCode: String(randomInt(0, 10_000)).padStart(4, '0'),
		createdAt: now,
		lastSeenAt: now
	};
}

/**
 * A name picked on the roster by this device: the name if nobody has it, else a request that
 * waits for the facilitator or an organiser. Answers with the device's own link token (a new
 * one each time: only the hash is kept).
 */
export async function claimName(
	app: Uses,
	person: ConferenceParticipant,
	deviceHash: string,
	userAgent: string | null,
	now: number = Date.now()
): Promise<Outcome<{ token: string; status: BindingStatus }>> {
	const token = randomToken(24);
	type Claimed = Outcome<{ status: BindingStatus; changed: boolean }>;
	const outcome = await app.stores.transaction(async (tx): Promise<Claimed> => {
		const claim = decideRosterClaim(await tx.deviceBindings.listOf(person.id), deviceHash);
		if (claim.type === 'refused') return { ok: false, error: claim.error };
		if (claim.type === 'again') {
			await tx.deviceBindings.replaceToken(claim.binding.id, hashLinkToken(token), now);
			return { ok: true, status: claim.binding.status, changed: false };
		}
		const status = claim.type === 'bind' ? 'active' : 'pending';
		const binding = newBinding(person, deviceHash, 'roster', status, userAgent, now);
		await tx.deviceBindings.insert(binding, hashLinkToken(token));
		return { ok: true, status, changed: true };
	});
	if (!outcome.ok) return outcome;
	log.info('identity.claimed', { status: outcome.status });
	if (outcome.changed) {
		app.bus.publish({
			type: 'identity',
			conferenceId: person.conferenceId,
			participantId: person.id,
			waiting: outcome.status === 'pending'
		});
	}
	return { ok: true, token, status: outcome.status };
}

/** The device a badge link is opened on is bound at once; returns its binding's id. */
export async function openBadge(
	app: Uses,
	person: ConferenceParticipant,
	deviceHash: string | null,
	userAgent: string | null,
	now: number = Date.now()
): Promise<string | null> {
	if (!deviceHash) return null;
	// Read and written in one unit: a page and a socket opening the badge at once bind once.
	const opened = await app.stores.transaction(async (tx) => {
		const existing = await tx.deviceBindings.findOfDevice(person.id, deviceHash);
		const step = bindByBadge(existing);
		if (step.type === 'touch') {
			await tx.deviceBindings.touch(existing!.id, now);
			return { id: existing!.id, changed: false, existing };
		}
		const binding =
			step.type === 'create'
				? newBinding(person, deviceHash, 'badge', 'active', userAgent, now)
				: { ...step.binding, lastSeenAt: now };
		if (step.type === 'create') await tx.deviceBindings.insert(binding, null);
		else await tx.deviceBindings.update(binding);
		return { id: binding.id, changed: true, existing };
	});
	if (!opened.changed) return opened.id;
	const { existing } = opened;
	app.bus.publish({
		type: 'identity',
		conferenceId: person.conferenceId,
		participantId: person.id,
		waiting: existing?.status === 'pending'
	});
	return opened.id;
}

/** The binding a device link opens on this device; null for any other device. */
export async function bindingForLink(
	app: Pick<App, 'stores'>,
	token: string,
	deviceHash: string | null
): Promise<DeviceBinding | null> {
	if (!deviceHash) return null;
	const binding = await app.stores.deviceBindings.findByToken(hashLinkToken(token));
	return binding && binding.deviceHash === deviceHash ? binding : null;
}

/** The binding a device link opens on this device, with its person and conference. */
export async function deviceLinkHolder(
	app: Pick<App, 'stores'>,
	token: string,
	deviceHash: string | null
): Promise<{
	binding: DeviceBinding;
	person: ConferenceParticipant;
	conference: Conference;
} | null> {
	const { conferences } = app.stores;
	const binding = await bindingForLink(app, token, deviceHash);
	const person = binding
		? await conferences.participant(binding.conferenceId, binding.participantId)
		: null;
	const conference = person ? await conferences.find(person.conferenceId) : null;
	return binding && person && conference ? { binding, person, conference } : null;
}

/** What a member socket's token proves on its device. */
export type MemberProof =
	| { kind: 'member'; conferenceId: string; participantId: string; bindingId: string | null }
	| { kind: 'claimant'; conferenceId: string; participantId: string; bindingId: string };

/**
 * A phone's credentials: the badge token (any device; the device is bound as it connects), or
 * a device link token together with the cookie of the device it was given to.
 */
export async function proveMember(
	app: Uses,
	token: string,
	deviceHash: string | null,
	userAgent: string | null,
	now: number = Date.now()
): Promise<MemberProof | null> {
	const person = await app.stores.conferences.participantByToken(token);
	if (person) {
		const bindingId = await openBadge(app, person, deviceHash, userAgent, now);
		return {
			kind: 'member',
			conferenceId: person.conferenceId,
			participantId: person.id,
			bindingId
		};
	}
	const binding = await bindingForLink(app, token, deviceHash);
	if (!binding) return null;
	await app.stores.deviceBindings.touch(binding.id, now);
	return binding.status === 'active'
		? {
				kind: 'member',
				conferenceId: binding.conferenceId,
				participantId: binding.participantId,
				bindingId: binding.id
			}
		: {
				kind: 'claimant',
				conferenceId: binding.conferenceId,
				participantId: binding.participantId,
				bindingId: binding.id
			};
}

/** Lets a waiting device in, or turns it down. */
export async function decideDevice(
	app: Uses,
	decider: Decider,
	conferenceId: string,
	bindingId: string,
	approve: boolean
): Promise<Outcome<unknown>> {
	const asked = await app.stores.deviceBindings.find(conferenceId, bindingId);
	if (!asked) return { ok: false, error: refuse('not_found') };
	if (!mayDecide(decider, await memberSessionId(app, conferenceId, asked.participantId)))
		return { ok: false, error: refuse('forbidden') };
	// Decided on the binding as the unit reads it: a second answer sees the first.
	const decided = await app.stores.transaction(async (tx) => {
		const binding = await tx.deviceBindings.find(conferenceId, bindingId);
		if (!binding) return { ok: false as const, error: refuse('not_found') };
		const decision = decideClaim(binding, approve);
		if (decision.ok && decision.changed) await tx.deviceBindings.update(decision.binding);
		return decision;
	});
	if (!decided.ok) return decided;
	const binding = decided.binding;
	if (decided.changed) {
		log.info('identity.decided', { approve, by: decider.role });
		app.bus.publish({
			type: 'identity',
			conferenceId,
			participantId: binding.participantId,
			waiting: true
		});
	}
	return { ok: true };
}

/** Signs a device out of a person's name (its sockets are closed and told why). */
export async function releaseDevice(
	app: Uses,
	decider: Decider,
	conferenceId: string,
	bindingId: string
): Promise<Outcome<unknown>> {
	if (!mayRelease(decider)) return { ok: false, error: refuse('forbidden') };
	const binding = await app.stores.transaction(async (tx) => {
		const found = await tx.deviceBindings.find(conferenceId, bindingId);
		return found && (await tx.deviceBindings.remove(conferenceId, bindingId)) ? found : null;
	});
	if (!binding) return { ok: false, error: refuse('not_found') };
	log.info('identity.released');
	app.bus.publish({
		type: 'identity',
		conferenceId,
		participantId: binding.participantId,
		waiting: binding.status === 'pending'
	});
	return { ok: true };
}

/** A device waiting for a name, as a console or the organiser sees it. */
export interface WaitingDevice {
	id: string;
	participantId: string;
	device: string;
	checkCode: string;
	at: number;
	/** The session of the person's group now, whose facilitator may decide; null if none. */
	sessionId: string | null;
}

/** Every device that asked for or uses a name at a conference, in the order they came. */
export function conferenceDevices(
	app: Pick<App, 'stores'>,
	conferenceId: string
): Promise<DeviceBinding[]> {
	return app.stores.deviceBindings.list(conferenceId);
}

/** Every device waiting to be let in, oldest first. */
export async function waitingDevices(
	app: Omit<Uses, 'bus'>,
	conferenceId: string
): Promise<WaitingDevice[]> {
	const waiting = (await conferenceDevices(app, conferenceId)).filter(
		(b) => b.status === 'pending'
	);
	return Promise.all(
		waiting.map(async (b) => ({
			id: b.id,
			participantId: b.participantId,
			device: b.device,
			checkCode: b.checkCode,
			at: b.createdAt,
			sessionId: await memberSessionId(app, conferenceId, b.participantId)
		}))
	);
}
