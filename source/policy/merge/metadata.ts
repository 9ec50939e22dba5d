import type {MergeMode} from './types.js';

type Metadata = Record<string, unknown>;

/** What a symmetric merge (create) keeps: the identity of the first object and its time span. */
const symmetricKeys = new Set(['name', 'type', 'uid', 'creationTimestamp', 'latestTimestamp']);

/**
 * Metadata of a merge: the base's identity stays and `latestTimestamp`
 * becomes the later of the two. Asymmetric merges keep every other key of the
 * base (unlike spyctl, which drops `version`, `createdBy`, `selectorHash`…
 * and so loses what the server needs to accept an update). Symmetric merges
 * keep only the identity keys both sides have, as spyctl does.
 */
export function mergeMetadata(base: Metadata, other: Metadata, mode: MergeMode): Metadata {
	if (mode === 'asymmetric') {
		const latest = laterTimestamp(base['latestTimestamp'], other['latestTimestamp']);
		return latest === undefined ? {...base} : {...base, latestTimestamp: latest};
	}
	const merged: Metadata = {};
	for (const [key, value] of Object.entries(base)) {
		if (!symmetricKeys.has(key) || value === undefined || other[key] === undefined) continue;
		merged[key] = key === 'latestTimestamp' ? laterTimestamp(value, other[key]) : value;
	}
	return merged;
}

/** The later of two timestamps (epoch numbers or text); the base's on a tie or when one cannot be read. */
export function laterTimestamp(base: unknown, other: unknown): unknown {
	if (base === undefined) return other;
	if (other === undefined) return base;
	const baseSeconds = epochSeconds(base);
	const otherSeconds = epochSeconds(other);
	return otherSeconds > baseSeconds ? other : base;
}

/** Epoch seconds of a number, a numeric text or a date text; NaN when it is none of those. */
function epochSeconds(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string') return Number.NaN;
	const numeric = Number(value);
	if (value.trim() !== '' && Number.isFinite(numeric)) return numeric;
	return Date.parse(value) / 1000;
}
