import {isRecord} from '../is-record.js';

/** An object as loaded from a file and validated: apiVersion, kind, metadata, spec or data. */
export type SpyderbatObject = Record<string, unknown>;

/** The kinds a merge can take in, after a FingerprintGroup is opened into its fingerprints. */
export const mergeableKinds = ['SpyderbatPolicy', 'SpyderbatBaseline', 'SpyderbatFingerprint', 'GuardianDeviation'] as const;

/** The kinds a merge can write into (spyctl merges into policies and baselines; create starts from any workload object). */
export const targetKinds = ['SpyderbatPolicy', 'SpyderbatBaseline', 'SpyderbatFingerprint'] as const;

/** The objects one input stands for: a FingerprintGroup stands for each of its fingerprints. */
export function mergeInputs(object: SpyderbatObject): SpyderbatObject[] {
	if (object['kind'] !== 'FingerprintGroup') return [object];
	const data = isRecord(object['data']) ? object['data'] : {};
	const fingerprints = Array.isArray(data['fingerprints']) ? data['fingerprints'] : [];
	return fingerprints.filter(fingerprint => isRecord(fingerprint));
}

export function metadataOf(object: SpyderbatObject): Record<string, unknown> {
	return isRecord(object['metadata']) ? object['metadata'] : {};
}

export function specOf(object: SpyderbatObject): Record<string, unknown> {
	return isRecord(object['spec']) ? object['spec'] : {};
}
