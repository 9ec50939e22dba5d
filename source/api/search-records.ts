import type {Got} from 'got';
import {isRecord} from '../policy/is-record.js';
import {ApiRequestError} from './errors.js';
import {type SearchOptions, type SearchWindow, searchAll} from './search.js';

/** A policy log event (`event_log:guardian_deviation`, `:guardian_action` or `:guardian_flag`). */
export type PolicyLogEvent = Record<string, unknown> & {id: string; time: number; message: string};

/** A deviation record (reference §1.10); `deviation` is the GuardianDeviation document merge and diff use. */
export type DeviationRecord = Record<string, unknown> & {id: string; time: number; checksum: string; policy_uid: string; deviation: Record<string, unknown>};

export type FingerprintQuery = SearchWindow & {type?: 'container' | 'linux-service'};

/** A string literal of the search query language. */
export function queryString(text: string): string {
	return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** Whose log events to read: one policy's, or (without a uid) every policy's. */
export type LogQuery = {policyUid?: string};

/** One policy's log events in the window, oldest first. */
export async function policyLogs(http: Got, orgUid: string, policyUid: string, window: SearchWindow, options?: SearchOptions): Promise<PolicyLogEvent[]> {
	return logEvents(http, orgUid, {policyUid}, window, options);
}

/** Log events in the window, of one policy or all, oldest first. spyctl 0.13's events said `description` where later ones say `message`. */
export async function logEvents(http: Got, orgUid: string, query: LogQuery, window: SearchWindow, options?: SearchOptions): Promise<PolicyLogEvent[]> {
	const filter = query.policyUid === undefined ? '*' : `policy_uid = ${queryString(query.policyUid)}`;
	const records = await searchAll(http, orgUid, {schema: 'event_log', query: filter, ...window}, options);
	const events = records.map(record => {
		const {id, time} = identity(record, 'policy log event');
		const message = typeof record['message'] === 'string' ? record['message'] : typeof record['description'] === 'string' ? record['description'] : '';
		return {...record, id, time, message};
	});
	return events.sort((left, right) => left.time - right.time);
}

/** One policy's deviations in the window, one per checksum (the first seen), as spyctl's merge and diff take them. */
export async function deviations(http: Got, orgUid: string, policyUid: string, window: SearchWindow, options?: SearchOptions): Promise<DeviationRecord[]> {
	const records = await searchAll(http, orgUid, {schema: 'event_deviation', query: `policy_uid = ${queryString(policyUid)}`, ...window}, options);
	const unique = new Map<string, DeviationRecord>();
	for (const record of records) {
		const {id, time} = identity(record, 'deviation');
		const {checksum, deviation} = record;
		if (typeof checksum !== 'string' || !isRecord(deviation)) throw new ApiRequestError('protocol', `the API returned deviation ${id} without a checksum or a deviation document`);
		if (!unique.has(checksum)) unique.set(checksum, {...record, id, time, checksum, policy_uid: policyUid, deviation});
	}
	return [...unique.values()];
}

/** Fingerprints in the window, of one workload type or all. */
export async function fingerprints(http: Got, orgUid: string, query: FingerprintQuery, options?: SearchOptions): Promise<Record<string, unknown>[]> {
	const filter = query.type ? `metadata.type = ${queryString(query.type)}` : '*';
	return searchAll(http, orgUid, {schema: 'model_fingerprint', query: filter, startTime: query.startTime, endTime: query.endTime}, options);
}

function identity(record: Record<string, unknown>, what: string): {id: string; time: number} {
	const {id, time} = record;
	if (typeof id !== 'string' || typeof time !== 'number') throw new ApiRequestError('protocol', `the API returned a ${what} without an id and a time`);
	return {id, time};
}
