import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {diffPolicies} from '../../../source/policy/diff/policy-diff.js';
import {mergeObjects} from '../../../source/policy/merge/merge-objects.js';
import {formatPath} from '../../../source/policy/problem.js';
import {validateObject} from '../../../source/policy/validate.js';
import {workload} from './merge-arbitraries.js';

describe('diff of a policy and its merge (property)', () => {
	test('diff(p, merge(p, x)) only adds to the spec', () => {
		fc.assert(
			fc.property(workload('SpyderbatPolicy', {anyProcess: true}), workload('SpyderbatBaseline', {anyProcess: false}), (raw, other) => {
				expect(validateObject(raw)).toEqual([]);
				expect(validateObject(other)).toEqual([]);
				// Merge sorts exes and children and combines overlapping rules; a policy in that form is what merge keeps.
				const policy = mergeObjects(raw, raw, 'asymmetric').merged;
				const merged = mergeObjects(policy, other, 'asymmetric').merged;
				const notAdded = diffPolicies(policy, merged).changes.filter(change => change.path[0] === 'spec' && change.kind !== 'added');
				expect(notAdded.map(change => `${change.kind} ${formatPath(change.path)}`)).toEqual([]);
			}),
			{numRuns: 300},
		);
	});
});
