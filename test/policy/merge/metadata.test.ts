import {describe, expect, test} from 'vitest';
import {laterTimestamp, mergeMetadata} from '../../../source/policy/merge/metadata.js';

const server = {name: 'web', type: 'container', uid: 'pol:1', createdBy: 'alice', version: 7, selectorHash: 'abc', latestTimestamp: 100};

describe('metadata merge', () => {
	test('asymmetric keeps every base key, server ones included, and takes the later latestTimestamp', () => {
		expect(mergeMetadata(server, {name: 'other', type: 'container', latestTimestamp: 250, version: 1}, 'asymmetric')).toEqual({...server, latestTimestamp: 250});
		expect(mergeMetadata(server, {latestTimestamp: 50}, 'asymmetric')).toEqual(server);
	});

	test('asymmetric takes latestTimestamp from the other when the base has none', () => {
		expect(Object.entries(mergeMetadata({name: 'a', type: 'container'}, {latestTimestamp: 5}, 'asymmetric'))).toEqual([
			['name', 'a'],
			['type', 'container'],
			['latestTimestamp', 5],
		]);
	});

	test('symmetric keeps only the identity keys both sides have', () => {
		expect(mergeMetadata(server, {name: 'x', type: 'container', latestTimestamp: 300, creationTimestamp: 1}, 'symmetric')).toEqual({name: 'web', type: 'container', latestTimestamp: 300});
	});

	test('timestamps compare as numbers whether written as numbers, numeric text or dates', () => {
		expect(laterTimestamp('100', 99)).toBe('100');
		expect(laterTimestamp(1_700_000_000, '2024-01-01T00:00:00Z')).toBe('2024-01-01T00:00:00Z');
		expect(laterTimestamp('soon', 5)).toBe('soon');
	});
});
