import {isRecord} from '../is-record.js';
import {metadataOf, mergeInputs, type SpyderbatObject, specOf, targetKinds} from '../merge/merge-inputs.js';
import {disableFlagsOf} from '../merge/disable-switches.js';
import {mergeObjects} from '../merge/merge-objects.js';
import {applyDisableFlags, type DisableFlags} from '../merge/network.js';
import type {SkippedObject} from '../merge/skip-reasons.js';
import type {NetworkPolicy} from '../merge/types.js';
import type {Problem} from '../problem.js';
import {validateObject} from '../validate.js';
import {type DisableConnectionsChoice, disableFlagsFor} from './disable-options.js';
import {orderSpec, responseTemplate} from './policy-layout.js';

export type CreateOptions = {
	/** Replaces the name the first input gives. */
	name?: string;
	/** Given: the policy's mode. Absent: the first input's mode, else audit. */
	mode?: 'audit' | 'enforce';
	disableProcesses?: 'all';
	disableConnections?: DisableConnectionsChoice;
	/** Keep containerSelector.imageID, which pins the policy to one build of the image. */
	includeImageId?: boolean;
};

export type CreatedPolicy = {
	policy: SpyderbatObject;
	/** Inputs left out (another type, another policy's deviation, ...). */
	skipped: SkippedObject[];
};

/** No policy came out; `problems` holds the validation failures of the would-be policy. */
export class CreatePolicyError extends Error {
	override name = 'CreatePolicyError';

	constructor(
		message: string,
		readonly problems: readonly Problem[] = [],
	) {
		super(message);
	}
}

/** The metadata a new policy inherits from its inputs. */
const keptMetadata = new Set(['name', 'type', 'uid', 'creationTimestamp', 'latestTimestamp']);

/**
 * A policy built from baselines, fingerprints, fingerprint groups or
 * policies, as `spyctl create policy` builds it (reference §4.6): every input
 * is merged symmetrically into the first, so the policy covers each of them.
 */
export function createPolicy(inputs: readonly SpyderbatObject[], options: CreateOptions = {}): CreatedPolicy {
	const objects = inputs.flatMap(input => {
		if (input['kind'] === 'UidList') throw new CreatePolicyError('A UidList names fingerprints and deviations stored in Spyderbat; download them first, then build the policy from those files.');
		return mergeInputs(input);
	});
	const [first, ...rest] = objects;
	if (!first) throw new CreatePolicyError('Nothing to build policy with');
	if (!(targetKinds as readonly unknown[]).includes(first['kind'])) {
		throw new CreatePolicyError(`Cannot build a policy starting from a ${String(first['kind'])}: the first input must be a ${targetKinds.join(', ')} or FingerprintGroup.`);
	}
	const type = metadataOf(first)['type'];
	if (type !== 'container' && type !== 'linux-service') {
		throw new CreatePolicyError(`Cannot build a policy of type '${String(type)}' from files: create policy builds container and linux-service policies.`);
	}
	const disable = disableFlagsFor(options.disableProcesses, options.disableConnections);
	const {merged, skipped} = mergeFirst(first, rest, disable);

	const metadata = Object.fromEntries(Object.entries(metadataOf(merged)).filter(([key]) => keptMetadata.has(key)));
	if (options.name !== undefined) metadata['name'] = options.name;
	const spec = withSwitches(specOf(merged), options, disable);
	const policy = {apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata, spec: orderSpec(spec)};
	const problems = validateObject(policy);
	if (problems.length > 0) throw new CreatePolicyError('Created policy failed validation.', problems);
	return {policy, skipped};
}

function mergeFirst(first: SpyderbatObject, rest: SpyderbatObject[], disable: DisableFlags): {merged: SpyderbatObject; skipped: SkippedObject[]} {
	if (rest.length === 0) return {merged: first, skipped: []};
	return mergeObjects(first, rest, 'symmetric', {disable});
}

/**
 * Mode, response and the disable switches of the new policy. The switches
 * also shape the rules, one input or many: no process tree when processes are
 * disabled, no connections of a disabled kind.
 */
function withSwitches(source: Record<string, unknown>, options: CreateOptions, disable: DisableFlags): Record<string, unknown> {
	const spec: Record<string, unknown> = {...source};
	spec['mode'] = options.mode ?? spec['mode'] ?? 'audit';
	spec['response'] ??= responseTemplate();
	Object.assign(spec, disable);
	const flags = disableFlagsOf(spec);
	if (flags.disableProcesses === 'all') spec['processPolicy'] = [];
	if (Object.keys(flags).length > 0 && isRecord(spec['networkPolicy'])) {
		spec['networkPolicy'] = applyDisableFlags(spec['networkPolicy'] as NetworkPolicy, flags);
	}
	if (!options.includeImageId && isRecord(spec['containerSelector'])) {
		const {imageID: _dropped, ...selector} = spec['containerSelector'];
		spec['containerSelector'] = selector;
	}
	return spec;
}
