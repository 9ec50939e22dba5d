import type {PathSegment} from '../problem.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

/**
 * One difference between two versions of an object. A removed value's path
 * locates it in the before object; an added or changed value's path locates it
 * in the after object (list indexes can differ between the two).
 */
export type Change = {
	kind: ChangeKind;
	path: PathSegment[];
	/** The old value: set on removed and changed. */
	before?: unknown;
	/** The new value: set on added and changed. */
	after?: unknown;
};

/** Terraform-style totals: `3 to add, 1 to change, 0 to remove`. */
export type ChangeCounts = {add: number; change: number; remove: number};

export type PolicyDiff = {changes: Change[]; counts: ChangeCounts};

export function countChanges(changes: readonly Change[]): ChangeCounts {
	const counts: ChangeCounts = {add: 0, change: 0, remove: 0};
	for (const change of changes) {
		if (change.kind === 'added') counts.add++;
		else if (change.kind === 'changed') counts.change++;
		else counts.remove++;
	}
	return counts;
}

export function formatCounts(counts: ChangeCounts): string {
	return `${counts.add} to add, ${counts.change} to change, ${counts.remove} to remove`;
}
