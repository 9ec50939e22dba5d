import {z} from 'zod';
import {apiVersion, policyMetadata, workloadMetadata} from './common.js';
import {networkPolicy} from './network.js';
import {processNode} from './process.js';
import {response} from './response.js';
import {
	clusterSelector,
	containerSelector,
	machineSelector,
	namespaceSelector,
	podSelector,
	serviceSelector,
	traceSelector,
	userSelector,
	workloadSelectors,
} from './selectors.js';

export const modes = ['audit', 'enforce'] as const;
const direction = z.enum(['all', 'egress', 'ingress']);

/** Selectors, switches and the process and network model shared by policies, baselines and fingerprints. */
export const workloadSpecFields = {
	...workloadSelectors,
	disableProcesses: z.literal('all').optional(),
	disableConnections: direction.optional(),
	disablePrivateConnections: direction.optional(),
	disablePublicConnections: direction.optional(),
	processPolicy: z.array(processNode),
	networkPolicy,
};

export const workloadPolicySpec = z.strictObject({
	...workloadSpecFields,
	enabled: z.boolean().optional(),
	mode: z.enum(modes).optional(),
	response,
});

export const clusterPolicySpec = z.strictObject({
	// Required, but reported by the cross-check in spyctl's words rather than as a bare "is required".
	clusterSelector: clusterSelector.optional(),
	namespaceSelector: namespaceSelector.optional(),
	podSelector: podSelector.optional(),
	containerSelector: containerSelector.optional(),
	enabled: z.boolean().optional(),
	mode: z.enum(modes).optional(),
	rulesets: z.array(z.string()).optional(),
	response,
});

export const tracePolicySpec = z
	.strictObject({
		traceSelector: traceSelector.optional(),
		userSelector: userSelector.optional(),
		clusterSelector: clusterSelector.optional(),
		machineSelector: machineSelector.optional(),
		namespaceSelector: namespaceSelector.optional(),
		podSelector: podSelector.optional(),
		containerSelector: containerSelector.optional(),
		serviceSelector: serviceSelector.optional(),
		enabled: z.boolean().optional(),
		mode: z.enum(modes).optional(),
		allowedFlags: z.array(z.strictObject({class: z.string().min(1)})).optional(),
		response: response.optional(),
	})
	.check(context => {
		if (!Object.keys(context.value).some(key => key.endsWith('Selector'))) {
			context.issues.push({code: 'custom', input: context.value, message: 'a trace policy needs at least one selector'});
		}
	});

const envelope = {apiVersion, kind: z.literal('SpyderbatPolicy')};

export const workloadPolicy = z.strictObject({...envelope, metadata: workloadMetadata, spec: workloadPolicySpec});
export const clusterPolicy = z.strictObject({...envelope, metadata: policyMetadata.extend({type: z.literal('cluster')}), spec: clusterPolicySpec});
export const tracePolicy = z.strictObject({...envelope, metadata: policyMetadata.extend({type: z.literal('trace')}), spec: tracePolicySpec});

/** A policy whose type is missing or unknown: checked as a workload policy, but the type error lists all four types. */
export const untypedPolicy = workloadPolicy.extend({metadata: policyMetadata});

/** For the JSON Schema only: validation picks the variant from metadata.type to give one clear set of errors. */
export const anyPolicy = z.union([workloadPolicy, clusterPolicy, tracePolicy]);

export type WorkloadPolicy = z.infer<typeof workloadPolicy>;
export type ClusterPolicy = z.infer<typeof clusterPolicy>;
export type TracePolicy = z.infer<typeof tracePolicy>;
export type SpyderbatPolicy = WorkloadPolicy | ClusterPolicy | TracePolicy;
