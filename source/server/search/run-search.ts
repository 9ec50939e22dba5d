import {setImmediate as nextTurn} from 'node:timers/promises';
import {isRecord} from '../../policy/is-record.js';
import type {Cursor, RecordStore, TimeWindow} from '../store/records.js';
import type {ResultSink} from './jobs.js';
import type {Query} from './query-ast.js';
import {matchesQuery} from './query-evaluate.js';
import {pinnedPolicyUid} from './pinned-policy.js';
import {schemaMatches, tableOfSchema} from './schemas.js';

export type SearchSpec = {schema: string; query: Query; window: TimeWindow; limit: number};

/** Records read per turn of the event loop: small enough that other requests are not kept waiting behind a long search. */
const pageSize = 500;

/** Fills a job with the records that match, in (time, id) order, up to the spec's limit. */
export async function runSearch(records: RecordStore, spec: SearchSpec, sink: ResultSink): Promise<void> {
	const table = tableOfSchema(spec.schema);
	if (!table) return;
	const policyUid = pinnedPolicyUid(spec.query);
	let cursor: Cursor | undefined;
	let found = 0;
	for (;;) {
		await nextTurn();
		if (sink.cancelled) return;
		const rows = records.page(table, spec.window, cursor, pageSize, policyUid);
		for (const row of rows) {
			const record = JSON.parse(row.record) as unknown;
			if (!isRecord(record) || !schemaMatches(spec.schema, record['schema']) || !matchesQuery(spec.query, record)) continue;
			if (!sink.add(row.record) || ++found >= spec.limit) return;
		}
		if (rows.length < pageSize) return;
		cursor = rows.at(-1);
	}
}
