import {isRecord} from '../../policy/is-record.js';
import {ApiError} from '../errors.js';

/** The body of spyctl's old source queries: `{start_time, end_time, data_type, org_uid, src_uid, pipeline}`. */
export type SourceQuery = {
	start: number;
	end: number;
	dataType: string | undefined;
	orgUid: string | undefined;
	srcUid: string | undefined;
	/** The schema prefix of the pipeline's filter stage, if it has one. */
	schema: string | undefined;
};

/**
 * Reads a source query. The pipeline spyctl builds is
 * `[{"filter": {"schema": S}}, {"latest_model": {}}]`; spytui keeps one
 * version of each record, so `latest_model` holds already. Any other stage or
 * filter is refused rather than ignored, so nobody gets unfiltered data while
 * believing it filtered.
 */
export function readSourceQuery(body: unknown): SourceQuery {
	if (!isRecord(body)) throw new ApiError(400, 'the request body must be a JSON object', {field: 'body'});
	return {
		start: readTime(body, 'start_time'),
		end: readTime(body, 'end_time'),
		dataType: optionalText(body, 'data_type'),
		orgUid: optionalText(body, 'org_uid'),
		srcUid: optionalText(body, 'src_uid'),
		schema: readPipeline(body['pipeline']),
	};
}

function readPipeline(pipeline: unknown): string | undefined {
	if (pipeline === undefined || pipeline === null) return undefined;
	if (!Array.isArray(pipeline)) throw new ApiError(400, 'pipeline must be a list of stages', {field: 'pipeline'});
	let schema: string | undefined;
	for (const stage of pipeline as unknown[]) {
		const [name, ...more] = isRecord(stage) ? Object.keys(stage) : [];
		if (!isRecord(stage) || name === undefined || more.length > 0) throw new ApiError(400, 'each pipeline stage must be an object with one key, such as {"filter": {...}}', {field: 'pipeline'});
		if (name === 'latest_model') continue;
		if (name !== 'filter') throw new ApiError(400, `pipeline stage '${name}' is not supported by spytui; it supports filter (on schema) and latest_model`, {field: 'pipeline'});
		const filter = stage['filter'];
		if (!isRecord(filter)) throw new ApiError(400, 'a filter stage must be an object such as {"schema": "event_log"}', {field: 'pipeline'});
		for (const [key, value] of Object.entries(filter)) {
			if (key !== 'schema') throw new ApiError(400, `pipeline filter on '${key}' is not supported by spytui; it filters on schema only`, {field: 'pipeline'});
			if (typeof value !== 'string' || value === '') throw new ApiError(400, 'the filter schema must be a schema name such as "event_log"', {field: 'pipeline'});
			if (schema !== undefined && schema !== value) throw new ApiError(400, 'a pipeline may filter on one schema only', {field: 'pipeline'});
			schema = value;
		}
	}
	return schema;
}

function readTime(body: Record<string, unknown>, field: string): number {
	const value = body[field];
	if (typeof value !== 'number' || !Number.isFinite(value)) throw new ApiError(400, `${field} must be epoch seconds (a number)`, {field});
	return value;
}

function optionalText(body: Record<string, unknown>, field: string): string | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new ApiError(400, `${field} must be a string`, {field});
	return value;
}
