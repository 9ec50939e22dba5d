import type {FastifyInstance, FastifyReply} from 'fastify';
import {isRecord} from '../../policy/is-record.js';
import type {ServerContext} from '../context.js';
import {ApiError} from '../errors.js';
import {logSource, withDescription} from '../search/log-schemas.js';
import {schemaMatches} from '../search/schemas.js';
import {readSourceQuery} from '../search/source-query.js';
import type {RecordStore, StoredRow} from '../store/records.js';

/**
 * The NDJSON endpoints of spyctl before the search API (reference §2.5, §2.6):
 * policy logs and deviations by policy, and fingerprints by source. Records
 * come one JSON document a line, in time order, for `start_time <= time < end_time`.
 */
export function legacyQueryRoutes(app: FastifyInstance, context: ServerContext, records: RecordStore): void {
	app.post('/api/v1/org/:org/analyticspolicy/logs', async (request, reply) => {
		const orgUid = context.checkOrg(request.params);
		const query = readSourceQuery(request.body);
		if (query.orgUid !== undefined) context.checkOrg({org: query.orgUid});
		if (!query.srcUid) throw new ApiError(400, 'src_uid (the policy uid) is required', {field: 'src_uid'});
		const source = logSource(query.schema ?? 'event_log');
		if (!source) {
			sendNdjson(reply, []);
			return;
		}
		const rows = records.list(source.table, {orgUid, start: query.start, end: query.end}, query.srcUid);
		const matching = kept(rows, record => schemaMatches(source.schema, record['schema']));
		sendNdjson(reply, matching.map(({row, record}) => (source.describe ? JSON.stringify(withDescription(record)) : row.record)));
	});

	app.post('/api/v1/source/query/', async (request, reply) => {
		const query = readSourceQuery(request.body);
		if (!query.orgUid) throw new ApiError(400, 'org_uid is required', {field: 'org_uid'});
		const orgUid = context.checkOrg({org: query.orgUid});
		if (query.dataType !== 'fingerprints') {
			throw new ApiError(400, `data_type '${String(query.dataType)}' is not served by spytui; its source query serves fingerprints only`, {field: 'data_type'});
		}
		const schema = query.schema ?? 'model_fingerprint';
		// The org's global source holds every fingerprint; a machine's source holds the ones from that machine.
		const everyMachine = query.srcUid === undefined || query.srcUid === `global:${orgUid}`;
		const rows = records.list('fingerprints', {orgUid, start: query.start, end: query.end});
		const matching = kept(rows, record => schemaMatches(schema, record['schema']) && (everyMachine || machineOf(record) === query.srcUid));
		sendNdjson(reply, matching.map(({row}) => row.record));
	});
}

function kept(rows: StoredRow[], keep: (record: Record<string, unknown>) => boolean): {row: StoredRow; record: Record<string, unknown>}[] {
	return rows.flatMap(row => {
		const record = JSON.parse(row.record) as unknown;
		return isRecord(record) && keep(record) ? [{row, record}] : [];
	});
}

function machineOf(record: Record<string, unknown>): unknown {
	return isRecord(record['metadata']) ? (record['metadata']['muid'] ?? record['muid']) : record['muid'];
}

/** One JSON document a line, each line ended, as spyctl reads it with `iter_lines`. */
function sendNdjson(reply: FastifyReply, lines: string[]): void {
	reply.type('application/x-ndjson').send(lines.map(line => `${line}\n`).join(''));
}
