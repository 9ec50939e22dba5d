import {describe, expect, test} from 'vitest';
import {policyStatus, statuses} from '../../source/policy/status.js';
import {containerPolicy, type Json, withValue} from './helpers.js';

const uid = 'pol:VRQaaJkukIl6Au1C0PrT';

function policy({uid: policyUid, enabled, mode}: {uid?: Json; enabled?: Json; mode?: Json}) {
	let value = withValue(containerPolicy(), 'spec.mode', mode);
	value = withValue(value, 'spec.enabled', enabled);
	return withValue(value, 'metadata.uid', policyUid);
}

describe('policyStatus (reference §4.2 STATUS column)', () => {
	test('there are exactly the five spyctl statuses', () => {
		expect([...statuses].sort()).toEqual(['Auditing', 'Disabled', 'Enforcing', 'Not Applied', 'Not Applied & Disabled']);
	});

	test.each([
		{uid, enabled: false, mode: 'enforce', expected: 'Disabled'},
		{uid, enabled: false, mode: 'audit', expected: 'Disabled'},
		{uid: undefined, enabled: false, mode: 'audit', expected: 'Not Applied & Disabled'},
		{uid: undefined, enabled: false, mode: undefined, expected: 'Not Applied & Disabled'},
		{uid, enabled: true, mode: 'enforce', expected: 'Enforcing'},
		{uid, enabled: true, mode: 'audit', expected: 'Auditing'},
		{uid: undefined, enabled: true, mode: 'enforce', expected: 'Not Applied'},
		{uid: undefined, enabled: true, mode: 'audit', expected: 'Not Applied'},
	])('uid=$uid enabled=$enabled mode=$mode → $expected', ({uid: policyUid, enabled, mode, expected}) => {
		expect(policyStatus(policy({uid: policyUid, enabled, mode}))).toBe(expected);
	});

	test('a missing mode counts as enforce once applied', () => {
		expect(policyStatus(policy({uid, enabled: true}))).toBe('Enforcing');
		expect(policyStatus(policy({}))).toBe('Not Applied');
	});

	test('a missing enabled counts as enabled', () => {
		expect(policyStatus(policy({uid, mode: 'audit'}))).toBe('Auditing');
		expect(policyStatus(policy({uid, mode: 'enforce'}))).toBe('Enforcing');
		expect(policyStatus(policy({mode: 'audit'}))).toBe('Not Applied');
	});

	test('an empty uid is not applied', () => {
		expect(policyStatus(policy({uid: '', mode: 'audit'}))).toBe('Not Applied');
		expect(policyStatus(policy({uid: '', enabled: false}))).toBe('Not Applied & Disabled');
	});

	test('an object without metadata or spec does not throw', () => {
		expect(policyStatus({})).toBe('Not Applied');
		expect(policyStatus({metadata: null, spec: 'x'})).toBe('Not Applied');
	});
});
