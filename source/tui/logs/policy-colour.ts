import type {PolicyColour, Tone} from '../tone.js';

const colourCount = 8;

/**
 * A policy's colour when every policy is tailed, as stern colours pods: a
 * hash of its uid (FNV-1a, 32 bits), so a policy keeps its colour across
 * runs, windows and machines.
 */
export function policyTone(uid: string): Tone {
	let hash = 0x811c9dc5;
	for (let index = 0; index < uid.length; index++) {
		hash ^= uid.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return `policy:${(hash % colourCount) as PolicyColour}`;
}
