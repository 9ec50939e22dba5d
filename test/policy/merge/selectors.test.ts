import {describe, expect, test} from 'vitest';
import {mergeSelectors} from '../../../source/policy/merge/selectors.js';

describe('selector merge (spyctl merge_schema)', () => {
	test('asymmetric: image stays when the other matches its glob, else it is dropped; ids must be equal', () => {
		const base = {containerSelector: {image: 'registry.io/app:*', imageID: 'sha256:1', containerName: 'web'}};
		expect(mergeSelectors(base, {containerSelector: {image: 'registry.io/app:v2', imageID: 'sha256:2', containerName: 'web'}}, 'asymmetric')).toEqual({
			containerSelector: {image: 'registry.io/app:*', containerName: 'web'},
		});
		expect(mergeSelectors(base, {containerSelector: {image: 'other:v1'}}, 'asymmetric')).toEqual({
			containerSelector: {imageID: 'sha256:1', containerName: 'web'},
		});
	});

	test('symmetric: names generalise to a wildcard; a selector only one side has is dropped', () => {
		const merged = mergeSelectors(
			{containerSelector: {image: 'app-frontend', imageID: 'sha256:1'}, podSelector: {matchLabels: {app: 'x'}}},
			{containerSelector: {image: 'app-backend', imageID: 'sha256:1'}},
			'symmetric',
		);
		expect(merged).toEqual({containerSelector: {image: 'app-*', imageID: 'sha256:1'}, podSelector: undefined});
	});

	test('asymmetric: a selector the other lacks is kept as it is', () => {
		const podSelector = {matchLabels: {app: 'x'}};
		expect(mergeSelectors({podSelector}, {}, 'asymmetric')).toEqual({podSelector});
	});

	test('labels keep the entries both sides agree on; an emptied selector is dropped', () => {
		expect(mergeSelectors({podSelector: {matchLabels: {app: 'x', tier: 'web'}}}, {podSelector: {matchLabels: {app: 'x', tier: 'db'}}}, 'asymmetric')).toEqual({
			podSelector: {matchLabels: {app: 'x'}},
		});
		expect(mergeSelectors({podSelector: {matchLabels: {app: 'x'}}}, {podSelector: {matchLabels: {app: 'y'}}}, 'asymmetric')).toEqual({podSelector: undefined});
	});

	test('expressions join by key and operator, values unioned, sorted by key then operator', () => {
		const merged = mergeSelectors(
			{namespaceSelector: {matchExpressions: [{key: 'env', operator: 'In', values: ['prod']}, {key: 'a', operator: 'Exists'}]}},
			{namespaceSelector: {matchExpressions: [{key: 'env', operator: 'In', values: ['dev', 'prod']}, {key: 'env', operator: 'NotIn', values: ['qa']}]}},
			'asymmetric',
		);
		expect(merged['namespaceSelector']).toEqual({
			matchExpressions: [
				{key: 'a', operator: 'Exists'},
				{key: 'env', operator: 'In', values: ['prod', 'dev']},
				{key: 'env', operator: 'NotIn', values: ['qa']},
			],
		});
	});

	test('podSelector keeps its matchExpressions (spyctl\'s schema would delete them)', () => {
		const podSelector = {matchLabels: {app: 'x'}, matchExpressions: [{key: 'tier', operator: 'Exists'}]};
		expect(mergeSelectors({podSelector}, {podSelector}, 'asymmetric')).toEqual({podSelector});
	});

	test('machine hostnames: two texts merge like names, lists become the sorted union', () => {
		expect(mergeSelectors({machineSelector: {hostname: 'web-1'}}, {machineSelector: {hostname: 'web-2'}}, 'symmetric')).toEqual({machineSelector: {hostname: 'web-*'}});
		expect(mergeSelectors({machineSelector: {hostname: ['b', 'a']}}, {machineSelector: {hostname: 'c'}}, 'asymmetric')).toEqual({machineSelector: {hostname: ['a', 'b', 'c']}});
	});
});
