import type {FastifyInstance} from 'fastify';
import {isRecord} from '../../policy/is-record.js';
import {ApiError} from '../errors.js';
import type {PolicyFilters, PolicyStore} from '../store/policies.js';
import type {ServerContext} from '../context.js';

type Query = Record<string, string | string[] | undefined>;

/** `/api/v1/org/{org}/analyticspolicy/`, in both spyctl generations' shapes (reference §2.3). */
export function policyRoutes(app: FastifyInstance, context: ServerContext, policies: PolicyStore): void {
	const base = '/api/v1/org/:org/analyticspolicy';

	app.get(`${base}/`, async (request, reply) => {
		const orgUid = context.checkOrg(request.params);
		const {body, etag} = policies.listAnswer(orgUid, filtersFrom(request.query as Query));
		reply.header('etag', etag);
		// The app lists every few seconds; an unchanged list of thousands of policies need not travel again.
		if (request.headers['if-none-match'] === etag) return reply.code(304).send();
		return reply.type('application/json').send(body);
	});

	app.get(`${base}/:uid`, async request => {
		const orgUid = context.checkOrg(request.params);
		const {uid} = request.params as {uid: string};
		const query = request.query as Query;
		const archiveVersion = integerParameter(query, 'archive_version');
		return policies.get(orgUid, uid, {archiveVersion});
	});

	app.post(`${base}/`, async request => {
		const orgUid = context.checkOrg(request.params);
		const body = bodyOf(request.body);
		const record = policies.create(orgUid, policyFrom(body), context.actor(), tagsFrom(body));
		return {uid: record.uid};
	});

	app.put(`${base}/`, async request => {
		const orgUid = context.checkOrg(request.params);
		const body = bodyOf(request.body);
		return policies.update(orgUid, policyFrom(body), context.actor(), undefined, tagsFrom(body));
	});

	// spyctl 0.13 put the uid in the path and the policy as a JSON string.
	app.put(`${base}/:uid`, async request => {
		const orgUid = context.checkOrg(request.params);
		const {uid} = request.params as {uid: string};
		const body = bodyOf(request.body);
		return policies.update(orgUid, policyFrom(body), context.actor(), uid, tagsFrom(body));
	});

	app.delete(`${base}/:uid`, async (request, reply) => {
		const orgUid = context.checkOrg(request.params);
		const {uid} = request.params as {uid: string};
		policies.remove(orgUid, uid);
		reply.code(200).send();
	});
}

function bodyOf(body: unknown): Record<string, unknown> {
	if (!isRecord(body)) throw new ApiError(400, 'the request body must be a JSON object', {field: 'body'});
	return body;
}

/** The new API sends the policy as an object; spyctl 0.13 sent it as a JSON string. */
function policyFrom(body: Record<string, unknown>): unknown {
	const policy = body['policy'];
	if (typeof policy !== 'string') {
		if (policy === undefined) throw new ApiError(400, 'policy is required', {field: 'policy'});
		return policy;
	}
	try {
		return JSON.parse(policy) as unknown;
	} catch {
		throw new ApiError(400, 'policy is a string but not valid JSON', {field: 'policy'});
	}
}

function tagsFrom(body: Record<string, unknown>): string[] | undefined {
	const tags = body['tags'];
	if (tags === undefined) return undefined;
	if (!Array.isArray(tags) || !tags.every(tag => typeof tag === 'string')) throw new ApiError(400, 'tags must be a list of strings', {field: 'tags'});
	return tags;
}

function stringParameter(query: Query, name: string): string | undefined {
	const value = query[name];
	return Array.isArray(value) ? value[0] : value;
}

function integerParameter(query: Query, name: string): number | undefined {
	const text = stringParameter(query, name);
	if (text === undefined) return undefined;
	const value = Number(text);
	if (!Number.isInteger(value)) throw new ApiError(400, `${name} must be an integer`, {field: name});
	return value;
}

function booleanParameter(query: Query, name: string): boolean | undefined {
	const text = stringParameter(query, name);
	if (text === undefined) return undefined;
	return /^(true|1|yes)$/i.test(text);
}

const maximumFilterLength = 64;

function filtersFrom(query: Query): PolicyFilters {
	const text = (name: string) => {
		const value = stringParameter(query, name);
		if (value !== undefined && value.length > maximumFilterLength) throw new ApiError(400, `${name} must be at most ${maximumFilterLength} characters`, {field: name});
		return value;
	};
	const tags = query['has_tags'];
	return {
		type: text('type'),
		nameOrUidContains: text('name_or_uid_contains'),
		nameOrUidEquals: text('name_or_uid_equals'),
		nameContains: text('name_contains'),
		nameEquals: text('name_equals'),
		uidEquals: text('uid_equals'),
		selectorContains: text('selector_contains'),
		selectorHashEquals: text('selector_hash_equals'),
		policyContains: stringParameter(query, 'policy_contains'),
		hasTags: tags === undefined ? undefined : Array.isArray(tags) ? tags : [tags],
		fromArchive: booleanParameter(query, 'from_archive'),
	};
}
