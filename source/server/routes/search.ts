import type {FastifyInstance} from 'fastify';
import {isRecord} from '../../policy/is-record.js';
import type {ServerContext} from '../context.js';
import {ApiError} from '../errors.js';
import {type SearchJobRegistry, searchJobRegistry} from '../search/jobs.js';
import {resultPage} from '../search/result-page.js';
import {runSearch} from '../search/run-search.js';
import {searchError} from '../search/search-error.js';
import {readQuery, readSchema, readSearchRequest} from '../search/search-request.js';
import type {RecordStore} from '../store/records.js';

/** spyctl fetches objects 500 ids at a time. */
const maximumObjectIds = 500;

/**
 * The search API (reference §2.5): start a job, poll it until it has results,
 * page through them by token. Jobs run beside other requests, a page of
 * records per turn of the event loop, so a poll may find one still RUNNING.
 */
export function searchRoutes(app: FastifyInstance, context: ServerContext, records: RecordStore, jobs: SearchJobRegistry = searchJobRegistry()): void {
	const base = '/api/v1/org/:org/search';
	// Running jobs read the database between turns; they must stop before it closes.
	app.addHook('onClose', async () => jobs.close());

	app.post(`${base}/`, async request => {
		const orgUid = context.checkOrg(request.params);
		const {spec, outputFields} = readSearchRequest(orgUid, request.body, request.query as Record<string, unknown>);
		const job = jobs.start(orgUid, outputFields, sink => runSearch(records, spec, sink));
		return {id: job.id};
	});

	app.post(`${base}/validate`, async request => {
		context.checkOrg(request.params);
		const body = isRecord(request.body) ? request.body : {};
		try {
			readSchema(body['schema']);
			readQuery(body['query']);
			return {ok: true, error: ''};
		} catch (error) {
			if (error instanceof ApiError) return {ok: false, error: error.message};
			throw error;
		}
	});

	app.post(`${base}/:id`, async request => {
		const orgUid = context.checkOrg(request.params);
		const {id} = request.params as {id: string};
		const job = jobs.get(orgUid, id);
		if (!job) throw searchError(404, `search ${id} not found; a search is kept for ${jobs.ttlMs / 60_000} minutes after it was last read`);
		if (job.status === 'RUNNING') return {status: 'RUNNING'};
		if (job.failure) throw searchError(job.failure.status, job.failure.message);
		return resultPage(job, request.body);
	});

	// spyctl searches without output_fields get ids only, then fetch the records here.
	app.post('/api/v1/org/:org/objects', async (request, reply) => {
		const orgUid = context.checkOrg(request.params);
		const ids = isRecord(request.body) ? request.body['ids'] : undefined;
		if (!Array.isArray(ids) || !ids.every(id => typeof id === 'string') || ids.length > maximumObjectIds) {
			throw new ApiError(400, `ids must be a list of at most ${maximumObjectIds} ids`, {field: 'ids'});
		}
		const rows = records.byIds(orgUid, ids);
		reply.type('application/json').send(`{"results":[${rows.map(row => row.record).join(',')}]}`);
	});
}
