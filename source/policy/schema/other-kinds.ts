import {z} from 'zod';
import {apiVersion, timestamp, workloadMetadata} from './common.js';
import {partialNetworkPolicy} from './network.js';
import {deviationProcessEntry} from './process.js';
import {workloadSpecFields} from './policy.js';
import {clusterSelector, containerSelector, namespaceSelector, podSelector, processSelector} from './selectors.js';

export const baseline = z.strictObject({
	apiVersion,
	kind: z.literal('SpyderbatBaseline'),
	metadata: workloadMetadata,
	spec: z.strictObject(workloadSpecFields),
});

/** Fingerprints come from the server and carry whatever it recorded about the workload. */
export const fingerprint = z.strictObject({
	apiVersion,
	kind: z.literal('SpyderbatFingerprint'),
	metadata: z.looseObject({type: z.enum(['container', 'linux-service'])}),
	spec: z.strictObject(workloadSpecFields),
});

export const fingerprintGroup = z.strictObject({
	apiVersion,
	kind: z.literal('FingerprintGroup'),
	metadata: z.looseObject({firstTimestamp: timestamp.optional(), latestTimestamp: timestamp.optional()}),
	data: z.looseObject({
		fingerprints: z.array(fingerprint),
		machines: z.array(z.string()).optional(),
		containerNames: z.array(z.string()).optional(),
		containerIDs: z.array(z.string()).optional(),
	}),
});

export const guardianDeviation = z.strictObject({
	apiVersion,
	kind: z.literal('GuardianDeviation'),
	metadata: z.looseObject({
		type: z.enum(['container', 'linux-service', 'cluster']),
		policy_uid: z.string(),
		checksum: z.string(),
		uid: z.string(),
	}),
	spec: z.looseObject({
		processPolicy: z.array(deviationProcessEntry).optional(),
		networkPolicy: partialNetworkPolicy.optional(),
	}),
});

const ruleTargets = ['container::image', 'container::imageID', 'container::containerName', 'container::containerID', 'process::exe', 'process::name', 'process::euser'] as const;

export const ruleset = z.strictObject({
	apiVersion,
	kind: z.literal('SpyderbatRuleset'),
	metadata: z.looseObject({
		name: z.string().regex(/^\S+$/, 'must not contain spaces').max(63),
		type: z.enum(['cluster', 'container']),
		uid: z.string().optional(),
		version: z.int().optional(),
	}),
	spec: z.strictObject({
		rules: z.array(
			z.strictObject({
				target: z.enum(ruleTargets),
				verb: z.enum(['allow', 'deny']),
				values: z.array(z.string()).min(1),
				clusterSelector: clusterSelector.optional(),
				namespaceSelector: namespaceSelector.optional(),
				podSelector: podSelector.optional(),
				containerSelector: containerSelector.optional(),
				processSelector: processSelector.optional(),
			}),
		),
	}),
});

export const uidList = z.strictObject({
	apiVersion,
	kind: z.literal('UidList'),
	metadata: z.looseObject({startTime: timestamp, endTime: timestamp}),
	data: z.strictObject({uniqueIdentifiers: z.array(z.string())}),
});
