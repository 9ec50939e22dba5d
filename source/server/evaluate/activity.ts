import {isRecord} from '../../policy/is-record.js';
import type {NetworkPolicy, ProcessNode} from '../../policy/merge/types.js';

/** The part of a workload document that evaluation compares: its process tree and its network rules. */
export type Activity = {processPolicy: ProcessNode[]; networkPolicy: NetworkPolicy};

export function activityOf(spec: Record<string, unknown>): Activity {
	const network = isRecord(spec['networkPolicy']) ? spec['networkPolicy'] : {};
	return {
		processPolicy: Array.isArray(spec['processPolicy']) ? (spec['processPolicy'] as ProcessNode[]) : [],
		networkPolicy: {
			ingress: Array.isArray(network['ingress']) ? (network['ingress'] as NetworkPolicy['ingress']) : [],
			egress: Array.isArray(network['egress']) ? (network['egress'] as NetworkPolicy['egress']) : [],
		},
	};
}

/**
 * Observed activity as a fingerprint the merge engine takes in. Only the
 * activity goes in: the fingerprint's selectors would narrow or widen the
 * policy's scope in the merge, and scope is not what a deviation is about.
 * A part left out (say the network rules) is left alone by the merge.
 */
export function activityFingerprint(type: string, activity: Partial<Activity>): Record<string, unknown> {
	return {apiVersion: 'spyderbat/v1', kind: 'SpyderbatFingerprint', metadata: {type}, spec: {...activity}};
}
