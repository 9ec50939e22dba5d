import {createHash} from 'node:crypto';
import {isRecord} from '../../policy/is-record.js';
import type {FingerprintInput} from '../store/records.js';
import {stableHash} from './stable-hash.js';

export type FingerprintRecord = FingerprintInput & {id: string; metadata: Record<string, unknown> & {id: string; checksum: string}};

/**
 * Metadata that changes as a workload is watched longer, or that is derived;
 * it does not make another workload. The pids spytui's observer lists come
 * and go with the processes of one workload.
 */
const volatileMetadata = new Set(['id', 'checksum', 'firstTimestamp', 'latestTimestamp', 'hostProcesses']);

/**
 * A fingerprint as the search API serves it (`model_fingerprint`): the
 * document, with `metadata.id` and `metadata.checksum` filled in when the
 * sender left them out (reference §1.10), and the time it was last seen.
 * Without an id, the id names the workload (its metadata and selectors), so
 * that a newer fingerprint of the same workload replaces the older one. The
 * checksum names the activity as sent: nothing is deduplicated by it, so it
 * is a plain hash of the spec's JSON rather than a key-order-blind one.
 */
export function fingerprintRecord(fingerprint: Record<string, unknown>, now: number): FingerprintRecord {
	const metadata = fingerprint['metadata'] as Record<string, unknown>;
	const spec = isRecord(fingerprint['spec']) ? fingerprint['spec'] : {};
	const id = givenText(metadata['id']) ?? `fprint:${stableHash(workloadIdentity(metadata, spec)).slice(0, 20)}`;
	const checksum = givenText(metadata['checksum']) ?? createHash('md5').update(JSON.stringify(spec)).digest('hex');
	return {...fingerprint, metadata: {...metadata, id, checksum}, id, time: observedTime(metadata, now)};
}

function workloadIdentity(metadata: Record<string, unknown>, spec: Record<string, unknown>): Record<string, unknown> {
	const identity: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(metadata)) if (!volatileMetadata.has(key)) identity[key] = value;
	for (const [key, value] of Object.entries(spec)) if (key.endsWith('Selector')) identity[key] = value;
	return identity;
}

function givenText(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** When the activity was last seen: `latestTimestamp` (epoch seconds, as a number or a numeric string), else now. */
function observedTime(metadata: Record<string, unknown>, now: number): number {
	const stamp = metadata['latestTimestamp'];
	const time = typeof stamp === 'number' ? stamp : typeof stamp === 'string' && stamp.trim() !== '' ? Number(stamp) : Number.NaN;
	return Number.isFinite(time) ? time : now;
}
