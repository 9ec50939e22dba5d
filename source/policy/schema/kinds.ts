import type {z} from 'zod';
import {baseline, fingerprint, fingerprintGroup, guardianDeviation, ruleset, uidList} from './other-kinds.js';
import {anyPolicy, clusterPolicy, tracePolicy, untypedPolicy, workloadPolicy} from './policy.js';

export const kinds = ['SpyderbatPolicy', 'SpyderbatBaseline', 'SpyderbatFingerprint', 'FingerprintGroup', 'GuardianDeviation', 'SpyderbatRuleset', 'UidList'] as const;
export type Kind = (typeof kinds)[number];

export function isKind(value: unknown): value is Kind {
	return typeof value === 'string' && (kinds as readonly string[]).includes(value);
}

/** The schema that checks one object of `kind`; a policy's variant follows its metadata.type. */
export function schemaFor(kind: Kind, policyType?: unknown): z.ZodType {
	switch (kind) {
		case 'SpyderbatPolicy': {
			if (policyType === 'cluster') return clusterPolicy;
			if (policyType === 'trace') return tracePolicy;
			if (policyType === 'container' || policyType === 'linux-service') return workloadPolicy;
			return untypedPolicy;
		}
		case 'SpyderbatBaseline': {
			return baseline;
		}
		case 'SpyderbatFingerprint': {
			return fingerprint;
		}
		case 'FingerprintGroup': {
			return fingerprintGroup;
		}
		case 'GuardianDeviation': {
			return guardianDeviation;
		}
		case 'SpyderbatRuleset': {
			return ruleset;
		}
		case 'UidList': {
			return uidList;
		}
	}
}

/** The schema published by `show-schema`: every variant of the kind. */
export function publishedSchemaFor(kind: Kind): z.ZodType {
	return kind === 'SpyderbatPolicy' ? anyPolicy : schemaFor(kind);
}
