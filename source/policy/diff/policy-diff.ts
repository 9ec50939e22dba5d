import {countChanges, type PolicyDiff} from './changes.js';
import {diffValues} from './value-diff.js';

/**
 * The structured diff of two versions of one object: a policy and its merge
 * result, or a local draft and the server copy. Works for any kind; policies
 * get process nodes matched by id and network rules matched by content.
 */
export function diffPolicies(before: Record<string, unknown>, after: Record<string, unknown>): PolicyDiff {
	const changes = diffValues(before, after);
	return {changes, counts: countChanges(changes)};
}

/** spyctl skips a diff whose merge left `spec` alone, whatever happened to metadata. */
export function specChanged(diff: PolicyDiff): boolean {
	return diff.changes.some(change => change.path.length === 0 || change.path[0] === 'spec');
}
