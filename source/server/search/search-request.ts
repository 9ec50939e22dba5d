import {isRecord} from '../../policy/is-record.js';
import {QuerySyntaxError} from './query-error.js';
import {parseQuery} from './query-parser.js';
import {parsePath} from './query-path.js';
import type {SearchSpec} from './run-search.js';
import {servedSchemas, tableOfSchema} from './schemas.js';
import {searchError} from './search-error.js';

/** spyctl asks for at most 10,000 results; a larger limit is allowed, the job size budget still applies. */
const defaultResultLimit = 10_000;
const maximumResultLimit = 100_000;

export type SearchRequest = {spec: SearchSpec; outputFields: string[] | undefined};

/** Reads `POST /search/?limit=N` with `{schema, query, start_time, end_time, output_fields?}`; anything wrong is a 400 naming it. */
export function readSearchRequest(orgUid: string, body: unknown, query: Record<string, unknown>): SearchRequest {
	if (!isRecord(body)) throw searchError(400, 'the request body must be a JSON object', 'body');
	for (const unsupported of ['order_by', 'group_by']) {
		if (body[unsupported] !== undefined) throw searchError(400, `${unsupported} is not supported by spytui's search; results come in time order`, unsupported);
	}
	const schema = readSchema(body['schema']);
	const parsed = readQuery(body['query']);
	const start = readTime(body, 'start_time');
	const end = readTime(body, 'end_time');
	return {
		spec: {schema, query: parsed, window: {orgUid, start, end}, limit: readLimit(query['limit'])},
		outputFields: readOutputFields(body['output_fields']),
	};
}

/** The schema, checked to be one spytui serves. */
export function readSchema(value: unknown): string {
	if (typeof value !== 'string' || value === '') throw searchError(400, 'schema is required', 'schema');
	if (!tableOfSchema(value)) throw searchError(400, `schema '${value}' is not served by spytui; it serves ${servedSchemas.join(', ')}`, 'schema');
	return value;
}

export function readQuery(value: unknown): ReturnType<typeof parseQuery> {
	if (typeof value !== 'string') throw searchError(400, 'query is required (use * for everything)', 'query');
	try {
		return parseQuery(value);
	} catch (error) {
		if (error instanceof QuerySyntaxError) throw searchError(400, `invalid query: ${error.message}`, 'query');
		throw error;
	}
}

function readTime(body: Record<string, unknown>, field: string): number {
	const value = body[field];
	if (typeof value !== 'number' || !Number.isFinite(value)) throw searchError(400, `${field} must be epoch seconds (a number)`, field);
	return value;
}

function readLimit(value: unknown): number {
	const text = Array.isArray(value) ? (value[0] as unknown) : value;
	if (text === undefined) return defaultResultLimit;
	const limit = Number(text);
	if (!Number.isInteger(limit) || limit < 1 || limit > maximumResultLimit) throw searchError(400, `limit must be a whole number from 1 to ${maximumResultLimit}`, 'limit');
	return limit;
}

/** `full_json` is the whole record; other entries are fields of it, written as in queries (`metadata.name`). */
function readOutputFields(value: unknown): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || !value.every(field => typeof field === 'string')) throw searchError(400, 'output_fields must be a list of field names', 'output_fields');
	for (const field of value) {
		if (field === 'full_json') continue;
		try {
			parsePath(field, 1);
		} catch (error) {
			if (error instanceof QuerySyntaxError) throw searchError(400, `output_fields: ${error.message}`, 'output_fields');
			throw error;
		}
	}
	return value;
}
