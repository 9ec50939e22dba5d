import {stableHash} from '../server/evaluate/stable-hash.js';
import type {ObservedFingerprint} from './fingerprint.js';

/** A fingerprint that differs from what was last sent for its workload, and the hash that says so. */
export type Change = {key: string; hash: string; fingerprint: ObservedFingerprint};

/**
 * The metadata that changes without the workload doing anything new: when
 * it was seen, when its oldest process started, and which pids run it. A new
 * pid of a known program is no news; the pids go along with the next change.
 */
const volatileMetadata = new Set(['latestTimestamp', 'firstTimestamp', 'hostProcesses']);

/**
 * Remembers what was sent for each workload, by a hash blind to key order,
 * so that only fingerprints that changed are sent again. A workload that
 * ends is forgotten: if it comes back, it is news again.
 */
export function changeTracker() {
	const sent = new Map<string, string>();
	// An unchanged workload comes back with the very same spec (see hostObservation): its hash is not worked out again.
	const hashes = new WeakMap<object, string>();

	/** The fingerprints (by workload key) that differ from what was last sent. */
	function changed(fingerprints: ReadonlyMap<string, ObservedFingerprint>): Change[] {
		for (const key of sent.keys()) if (!fingerprints.has(key)) sent.delete(key);
		const changes: Change[] = [];
		for (const [key, fingerprint] of fingerprints) {
			let hash = hashes.get(fingerprint.spec);
			if (hash === undefined) {
				hash = stableHash({metadata: stableMetadata(fingerprint.metadata), spec: fingerprint.spec});
				hashes.set(fingerprint.spec, hash);
			}
			if (sent.get(key) !== hash) changes.push({key, hash, fingerprint});
		}
		return changes;
	}

	/** Marks changes as sent: call it once the server took them, so that a failed send is tried again. */
	function delivered(changes: readonly Change[]): void {
		for (const {key, hash} of changes) sent.set(key, hash);
	}

	return {changed, delivered};
}

function stableMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(metadata).filter(([key]) => !volatileMetadata.has(key)));
}
