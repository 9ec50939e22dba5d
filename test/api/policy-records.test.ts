import {describe, expect, it} from 'vitest';
import {readPolicyRecord} from '../../source/api/policy-records.js';

describe('reading a DaoOutputAnalyticsPolicy', () => {
	it("back-fills the uid and creation time into spyctl 0.13's policy text", () => {
		const read = readPolicyRecord({uid: 'pol:old', name: 'web', type: 'container', valid_from: '2024-01-01T00:00:00Z', policy: JSON.stringify({apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: {name: 'web'}, spec: {mode: 'audit'}})});
		expect(read).toMatchObject({uid: 'pol:old', name: 'web', type: 'container', tags: []});
		expect(read.policy.metadata).toEqual({name: 'web', uid: 'pol:old', creationTimestamp: 1_704_067_200});
	});

	it('keeps the four document fields only, and fills the ones missing', () => {
		const read = readPolicyRecord({uid: 'pol:x', version: 3, policy: {metadata: {name: 'x'}, status: {internal: true}}});
		expect(read.policy).toEqual({apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: {name: 'x', uid: 'pol:x'}, spec: {}});
		expect(read.version).toBe(3);
	});

	it('refuses what is not a policy record, saying so', () => {
		expect(() => readPolicyRecord('nope')).toThrow('the API returned a policy that is not an object');
		expect(() => readPolicyRecord({uid: 'pol:y', policy: '{not json'})).toThrow('the API returned policy pol:y as text that is not JSON');
		expect(() => readPolicyRecord({uid: 'pol:z'})).toThrow('the API returned policy pol:z without a document');
	});
});
