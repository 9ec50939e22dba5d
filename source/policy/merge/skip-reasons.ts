import {type SpyderbatObject, metadataOf, mergeableKinds} from './merge-inputs.js';

/** Why an object was left out of a merge; the rest of the merge goes on without it. */
export type SkipReason =
	| {kind: 'type-mismatch'; targetType: unknown; otherKind: unknown; otherType: unknown}
	| {kind: 'uid-mismatch'; targetType: unknown; otherKind: unknown}
	| {kind: 'unknown-policy-node'; ids: string[]}
	| {kind: 'unsupported-kind'; otherKind: unknown};

export type SkippedObject = {object: SpyderbatObject; reason: SkipReason};

/**
 * The mismatch that keeps `other` out of a merge into `target`, as spyctl
 * checks it: a deviation must belong to the target policy (its uid), any
 * other object must be of the target's type.
 */
export function mismatch(target: SpyderbatObject, other: SpyderbatObject): SkipReason | undefined {
	const otherKind = other['kind'];
	if (!(mergeableKinds as readonly unknown[]).includes(otherKind)) return {kind: 'unsupported-kind', otherKind};
	const targetMetadata = metadataOf(target);
	const otherMetadata = metadataOf(other);
	const targetType = targetMetadata['type'];
	if (target['kind'] === 'SpyderbatPolicy' && otherKind === 'GuardianDeviation') {
		return targetMetadata['uid'] === otherMetadata['policy_uid'] ? undefined : {kind: 'uid-mismatch', targetType, otherKind};
	}
	return targetType === otherMetadata['type'] ? undefined : {kind: 'type-mismatch', targetType, otherKind, otherType: otherMetadata['type']};
}

/** How a command words a skip, in spyctl's terms. `target` names the target, e.g. `local file 'p.yaml'`. */
export function skipMessage({reason}: SkippedObject, verb: string, target: string): string {
	switch (reason.kind) {
		case 'type-mismatch': {
			return `Error type mismatch. Trying to ${verb} ${target} of type '${String(reason.targetType)}' with '${String(reason.otherKind)}' object of type '${String(reason.otherType)}'. Skipping...`;
		}
		case 'uid-mismatch': {
			return `Error uid mismatch. Trying to ${verb} ${target} of type '${String(reason.targetType)}' with '${String(reason.otherKind)}' but the policy uids do not match. Skipping...`;
		}
		case 'unknown-policy-node': {
			return `Unable to ${verb} with invalid object. Deviation process node ID (${reason.ids.join(', ')}) is missing in base policy. Skipping...`;
		}
		case 'unsupported-kind': {
			return `Unable to ${verb} with a ${String(reason.otherKind)}: only ${mergeableKinds.join(', ')} and FingerprintGroup objects merge. Skipping...`;
		}
	}
}
