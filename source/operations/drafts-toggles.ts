import type {PolicyDocument} from '../api/policy-records.js';

/**
 * Audit <-> enforce. A policy without a mode enforces, as spyctl's STATUS
 * column reads it, so the first toggle of such a policy turns it to audit.
 */
export function toggleMode(document: PolicyDocument): PolicyDocument {
	return withSpec(document, 'mode', document.spec['mode'] === 'audit' ? 'enforce' : 'audit');
}

/** On <-> off. Only `enabled: false` disables a policy; a missing field is on. */
export function toggleEnabled(document: PolicyDocument): PolicyDocument {
	return withSpec(document, 'enabled', document.spec['enabled'] === false);
}

function withSpec(document: PolicyDocument, field: string, value: unknown): PolicyDocument {
	return {...document, spec: {...document.spec, [field]: value}};
}

/** What a missing switch means: spyctl reads no `enabled` as on and no `mode` as enforce. */
const switchDefaults: Record<string, unknown> = {enabled: true, mode: 'enforce'};

/**
 * The document with each switch written as the server copy writes it, where
 * the two mean the same. A toggle has to write a value, so `m` pressed twice on
 * a policy without `mode` would otherwise leave `mode: enforce` behind: a
 * change to review and apply that changes nothing.
 */
export function inBaseSpelling(document: PolicyDocument, base: PolicyDocument): PolicyDocument {
	let spec = document.spec;
	for (const [field, fallback] of Object.entries(switchDefaults)) {
		const meansTheSame = (document.spec[field] ?? fallback) === (base.spec[field] ?? fallback);
		if (!meansTheSame || document.spec[field] === base.spec[field]) continue;
		spec = {...spec};
		if (Object.hasOwn(base.spec, field)) spec[field] = base.spec[field];
		else delete spec[field];
	}
	return spec === document.spec ? document : {...document, spec};
}
