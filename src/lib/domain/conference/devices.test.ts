import { describe, expect, it } from 'vitest';
import { limits } from '../limits';
import {
	bindByBadge,
	decideClaim,
	decideRosterClaim,
	describeDevice,
	mayDecide,
	mayRelease,
	type DeviceBinding
} from './devices';

function binding(overrides: Partial<DeviceBinding> = {}): DeviceBinding {
	return {
		id: 'b1',
		conferenceId: 'c1',
		participantId: 'p1',
		deviceHash: 'phone',
		kind: 'roster',
		status: 'active',
		device: 'Safari · iPhone',
		checkCode: '0420',
		createdAt: 1,
		lastSeenAt: 1,
		...overrides
	};
}

describe('decideRosterClaim', () => {
	it('gives an unused name to the first device that picks it', () => {
		expect(decideRosterClaim([], 'phone')).toEqual({ type: 'bind' });
	});

	it('gives the same device its own binding again, whatever its state', () => {
		for (const status of ['active', 'pending', 'refused'] as const) {
			const own = binding({ status });
			expect(decideRosterClaim([own], 'phone')).toEqual({ type: 'again', binding: own });
		}
	});

	it('makes another device ask while the name is in use', () => {
		expect(decideRosterClaim([binding()], 'laptop')).toEqual({ type: 'ask' });
		expect(decideRosterClaim([binding({ kind: 'badge' })], 'laptop')).toEqual({ type: 'ask' });
	});

	it('lets a device have a name whose only other devices were turned down or are waiting', () => {
		const others = [
			binding({ id: 'x', deviceHash: 'x', status: 'refused' }),
			binding({ id: 'y', deviceHash: 'y', status: 'pending' })
		];
		expect(decideRosterClaim(others, 'phone')).toEqual({ type: 'bind' });
	});

	it('stops asking when too many devices already wait, or use the name', () => {
		const active = binding();
		const waiting = Array.from({ length: limits.claimsWaitingPerPerson }, (_, i) =>
			binding({ id: `w${i}`, deviceHash: `w${i}`, status: 'pending' })
		);
		expect(decideRosterClaim([active, ...waiting], 'laptop')).toMatchObject({
			type: 'refused',
			error: { code: 'too_many', params: { max: limits.claimsWaitingPerPerson } }
		});
		const many = Array.from({ length: limits.devicesPerPerson }, (_, i) =>
			binding({ id: `a${i}`, deviceHash: `a${i}` })
		);
		expect(decideRosterClaim(many, 'laptop')).toMatchObject({ type: 'refused' });
	});
});

describe('who decides', () => {
	it('lets organisers decide about anyone, and a facilitator only about their own group', () => {
		expect(mayDecide({ role: 'organiser' }, null)).toBe(true);
		expect(mayDecide({ role: 'facilitator', sessionId: 's1' }, 's1')).toBe(true);
		expect(mayDecide({ role: 'facilitator', sessionId: 's1' }, 's2')).toBe(false);
		expect(mayDecide({ role: 'facilitator', sessionId: 's1' }, null)).toBe(false);
	});

	it('lets only organisers release devices', () => {
		expect(mayRelease({ role: 'organiser' })).toBe(true);
		expect(mayRelease({ role: 'facilitator', sessionId: 's1' })).toBe(false);
	});
});

describe('decideClaim', () => {
	it('lets a waiting device in as approved, or turns it down', () => {
		const waiting = binding({ status: 'pending' });
		expect(decideClaim(waiting, true)).toEqual({
			ok: true,
			binding: { ...waiting, status: 'active', kind: 'approved' },
			changed: true
		});
		expect(decideClaim(waiting, false)).toEqual({
			ok: true,
			binding: { ...waiting, status: 'refused' },
			changed: true
		});
	});

	it('changes nothing when decided twice the same way, and refuses to reverse a decision', () => {
		const active = binding({ status: 'active', kind: 'approved' });
		expect(decideClaim(active, true)).toEqual({ ok: true, binding: active, changed: false });
		expect(decideClaim(active, false)).toEqual({ ok: false, error: { code: 'conflict' } });
		const refused = binding({ status: 'refused' });
		expect(decideClaim(refused, false)).toMatchObject({ ok: true, changed: false });
		expect(decideClaim(refused, true)).toEqual({ ok: false, error: { code: 'conflict' } });
	});
});

describe('bindByBadge', () => {
	it('binds a new device, touches a bound one, and settles one that waited or was refused', () => {
		expect(bindByBadge(null)).toEqual({ type: 'create' });
		expect(bindByBadge(binding())).toEqual({ type: 'touch' });
		for (const status of ['pending', 'refused'] as const) {
			expect(bindByBadge(binding({ status }))).toEqual({
				type: 'activate',
				binding: binding({ status: 'active', kind: 'badge' })
			});
		}
	});
});

describe('describeDevice', () => {
	it.each([
		[
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
			'Safari · iPhone'
		],
		[
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1',
			'Chrome · iPhone'
		],
		['Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0', 'Firefox · Android'],
		[
			'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
			'Samsung Internet · Android'
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67',
			'Edge · Windows'
		],
		[
			'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
			'Safari · Mac'
		],
		['curl/8.5.0', ''],
		['', '']
	])('%s → %s', (agent, expected) => {
		expect(describeDevice(agent)).toBe(expected);
	});

	it('copes with no User-Agent at all', () => {
		expect(describeDevice(null)).toBe('');
		expect(describeDevice(undefined)).toBe('');
	});
});
