import {createHash} from 'node:crypto';
import {isRecord} from '../../policy/is-record.js';
import {validateObject} from '../../policy/validate.js';
import {formatPath} from '../../policy/problem.js';
import {ApiError, notFound} from '../errors.js';
import {newPolicyUid} from '../ids.js';
import {type PolicyRecord, toRecord} from '../policy-record.js';
import type {Db} from './database.js';
import {GrowingBuffer} from './growing-buffer.js';

export type PolicyFilters = {
	type?: string;
	nameOrUidContains?: string;
	nameOrUidEquals?: string;
	nameContains?: string;
	nameEquals?: string;
	uidEquals?: string;
	selectorContains?: string;
	selectorHashEquals?: string;
	policyContains?: string;
	hasTags?: string[];
	fromArchive?: boolean;
};

export type Actor = {user: string; now: number};

export type ListAnswer = {body: Buffer; etag: string};

const openBracket = 0x5b;
const closeBracket = 0x5d;
const comma = 0x2c;

/**
 * Policies and every version they had. Each write is one transaction; the
 * current record is stored as the JSON the API returns, so that a list is a
 * join of stored strings rather than a parse and a dump per policy.
 */
export function policyStore(db: Db) {
	const statements = {
		current: db.prepare<[string, string], {record: string; version: number}>('SELECT record, version FROM policies WHERE org_uid = ? AND uid = ?'),
		archived: db.prepare<[string, string, number], {record: string}>('SELECT record FROM policy_versions WHERE org_uid = ? AND uid = ? AND version = ?'),
		insert: db.prepare('INSERT INTO policies (uid, org_uid, name, type, version, selector_hash, tags, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
		update: db.prepare('UPDATE policies SET name = ?, type = ?, version = ?, selector_hash = ?, tags = ?, record = ? WHERE uid = ?'),
		closeVersion: db.prepare('UPDATE policy_versions SET valid_to = ?, record = ? WHERE uid = ? AND version = ?'),
		insertVersion: db.prepare('INSERT INTO policy_versions (uid, version, org_uid, valid_from, valid_to, record) VALUES (?, ?, ?, ?, NULL, ?)'),
		remove: db.prepare('DELETE FROM policies WHERE org_uid = ? AND uid = ?'),
		removeVersions: db.prepare('DELETE FROM policy_versions WHERE uid = ?'),
	};

	function get(orgUid: string, uid: string, options: {archiveVersion?: number} = {}): PolicyRecord {
		if (options.archiveVersion !== undefined) {
			const row = statements.archived.get(orgUid, uid, options.archiveVersion);
			if (!row) throw notFound(`version ${options.archiveVersion} of policy ${uid}`);
			return JSON.parse(row.record) as PolicyRecord;
		}
		const row = statements.current.get(orgUid, uid);
		if (!row) throw notFound(`policy ${uid}`);
		return JSON.parse(row.record) as PolicyRecord;
	}

	/**
	 * Answers to recent list queries, as the bytes sent. Every client polls the
	 * same list (the TUI every few seconds), so until the next write the answer
	 * is the same. Another process may write to the same database (the app and
	 * a command each run an embedded server): SQLite's data_version tells us when.
	 */
	const listCache = new Map<string, ListAnswer>();
	const maximumCachedLists = 32;
	let cachedDataVersion = -1;
	/** Writes through this connection, which data_version does not count. */
	let localWrites = 0;

	function written(): void {
		localWrites++;
		listCache.clear();
	}

	/** Changes whenever a policy may have changed, here or in another process. */
	function revision(): string {
		return `${String(db.pragma('data_version', {simple: true}))}:${localWrites}`;
	}

	/**
	 * The list as the UTF-8 bytes of a JSON array, the same Buffer until the
	 * data changes, and its entity tag: a client that sends the tag back with
	 * If-None-Match is told "not modified" instead of sent it again.
	 */
	function listAnswer(orgUid: string, filters: PolicyFilters): ListAnswer {
		const dataVersion = db.pragma('data_version', {simple: true}) as number;
		if (dataVersion !== cachedDataVersion) {
			listCache.clear();
			cachedDataVersion = dataVersion;
		}
		const key = JSON.stringify([orgUid, filters]);
		const cached = listCache.get(key);
		if (cached !== undefined) return cached;
		const body = queryListBody(orgUid, filters, key);
		const answer = {body, etag: `"${createHash('sha256').update(body).digest('base64url')}"`};
		if (listCache.size >= maximumCachedLists) listCache.clear();
		listCache.set(key, answer);
		return answer;
	}

	/** The size of the last body of each query: the next one is written into a buffer of about that size, once. */
	const lastSizes = new Map<string, number>();

	/**
	 * The records joined into one buffer, row by row. SQLite's own
	 * group_concat grew its string by doubling and copied it twice more:
	 * some 50 MB of fresh memory for a 10 MB list, 175 ms on a VM that
	 * faults each new page in. Each record's string dies young here.
	 */
	function queryListBody(orgUid: string, filters: PolicyFilters, key: string): Buffer {
		const {table, where, parameters, order} = listQuery(orgUid, filters);
		const needsRecord = filters.selectorContains !== undefined || filters.policyContains !== undefined || (filters.hasTags?.length ?? 0) > 0;
		const rows = db.prepare<unknown[], string>(`SELECT record FROM ${table} WHERE ${where} ORDER BY ${order}`).pluck().iterate(...parameters);
		const body = new GrowingBuffer(lastSizes.get(key) ?? 64 * 1024);
		body.byte(openBracket);
		let first = true;
		for (const record of rows) {
			if (needsRecord && !matchesRecord(JSON.parse(record) as PolicyRecord, filters)) continue;
			if (!first) body.byte(comma);
			first = false;
			body.text(record);
		}
		body.byte(closeBracket);
		const bytes = body.bytes();
		if (lastSizes.size >= maximumCachedLists) lastSizes.clear();
		lastSizes.set(key, bytes.length);
		return bytes;
	}

	/** Calls `each` with the stored JSON of every current policy of a type, one at a time. */
	function forEachOfType(orgUid: string, type: string, each: (record: string) => void): void {
		const {table, where, parameters, order} = listQuery(orgUid, {type});
		for (const row of db.prepare<unknown[], {record: string}>(`SELECT record FROM ${table} WHERE ${where} ORDER BY ${order}`).iterate(...parameters)) each(row.record);
	}

	function create(orgUid: string, document: unknown, actor: Actor, tags: string[] = []): PolicyRecord {
		const policy = checkPolicy(document);
		const uid = newPolicyUid();
		const record = toRecord(policy, {uid, orgUid, version: 1, user: actor.user, now: actor.now, created: {by: actor.user, at: actor.now}, tags});
		written();
		db.transaction(() => {
			const text = JSON.stringify(record);
			statements.insert.run(uid, orgUid, record.name, record.type, 1, record.selector_hash, JSON.stringify(tags), text);
			statements.insertVersion.run(uid, 1, orgUid, actor.now, text);
		})();
		return record;
	}

	/**
	 * A new version of an existing policy. An update based on an older version
	 * than the stored one would undo someone else's change, so it is refused.
	 */
	function update(orgUid: string, document: unknown, actor: Actor, uidFromPath?: string, tags?: string[]): PolicyRecord {
		const policy = checkPolicy(document);
		const metadata = policy['metadata'] as Record<string, unknown>;
		const uid = uidFromPath ?? (typeof metadata['uid'] === 'string' ? metadata['uid'] : undefined);
		if (!uid) throw new ApiError(400, 'policy.metadata.uid is required to update a policy', {field: 'metadata.uid'});
		written();
		return db.transaction(() => {
			const stored = get(orgUid, uid);
			const based = metadata['version'];
			if (typeof based === 'number' && based < stored.version) {
				throw new ApiError(409, `policy ${uid} is at version ${stored.version}, but the update is based on version ${based}`, {
					uid,
					current_version: stored.version,
					your_version: based,
				});
			}
			const version = stored.version + 1;
			const creation = stored.policy.metadata;
			const record = toRecord(policy, {
				uid,
				orgUid,
				version,
				user: actor.user,
				now: actor.now,
				created: {by: String(creation['createdBy']), at: Number(creation['creationTimestamp'])},
				tags: tags ?? stored.tags,
			});
			const text = JSON.stringify(record);
			statements.update.run(record.name, record.type, version, record.selector_hash, JSON.stringify(record.tags), text, uid);
			statements.closeVersion.run(actor.now, JSON.stringify({...stored, valid_to: new Date(actor.now * 1000).toISOString()}), uid, stored.version);
			statements.insertVersion.run(uid, version, orgUid, actor.now, text);
			return record;
		})();
	}

	function remove(orgUid: string, uid: string): void {
		written();
		db.transaction(() => {
			if (statements.remove.run(orgUid, uid).changes === 0) throw notFound(`policy ${uid}`);
			statements.removeVersions.run(uid);
		})();
	}

	return {get, listAnswer, forEachOfType, revision, create, update, remove};
}

export type PolicyStore = ReturnType<typeof policyStore>;

/** The same validator as `spytui validate`; the first problem becomes the API's `{err_msg, field}`. */
function checkPolicy(document: unknown): Record<string, unknown> {
	if (!isRecord(document)) throw new ApiError(400, 'policy must be a JSON object', {field: 'policy'});
	if (document['kind'] !== 'SpyderbatPolicy') throw new ApiError(400, `kind must be SpyderbatPolicy, not ${String(document['kind'])}`, {field: 'kind'});
	const problems = validateObject(document);
	const first = problems[0];
	if (first) {
		const field = formatPath(first.path);
		const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
		throw new ApiError(400, `${field}: ${first.message}${more}`, {field, problems: problems.map(problem => ({field: formatPath(problem.path), message: problem.message}))});
	}
	return document;
}

function listQuery(orgUid: string, filters: PolicyFilters): {table: string; where: string; parameters: unknown[]; order: string} {
	const table = filters.fromArchive ? 'policy_versions' : 'policies';
	const where = ['org_uid = ?'];
	const parameters: unknown[] = [orgUid];
	const add = (clause: string, ...values: unknown[]) => {
		where.push(clause);
		parameters.push(...values);
	};
	// Archived rows have no name column of their own; read it from the stored record.
	const name = filters.fromArchive ? "json_extract(record, '$.name')" : 'name';
	const type = filters.fromArchive ? "json_extract(record, '$.type')" : 'type';
	if (filters.type) add(`${type} = ?`, filters.type);
	if (filters.nameEquals) add(`${name} = ?`, filters.nameEquals);
	if (filters.uidEquals) add('uid = ?', filters.uidEquals);
	if (filters.nameContains) add(`instr(lower(${name}), lower(?)) > 0`, filters.nameContains);
	if (filters.nameOrUidEquals) add(`(${name} = ? OR uid = ?)`, filters.nameOrUidEquals, filters.nameOrUidEquals);
	if (filters.nameOrUidContains) add(`(instr(lower(${name}), lower(?)) > 0 OR instr(lower(uid), lower(?)) > 0)`, filters.nameOrUidContains, filters.nameOrUidContains);
	if (filters.selectorHashEquals) add(filters.fromArchive ? "json_extract(record, '$.selector_hash') = ?" : 'selector_hash = ?', filters.selectorHashEquals);
	const order = filters.fromArchive ? `${type}, ${name}, uid, version` : 'type, name, uid';
	return {table, where: where.join(' AND '), parameters, order};
}

function matchesRecord(record: PolicyRecord, filters: PolicyFilters): boolean {
	if (filters.selectorContains !== undefined) {
		const selectors = Object.fromEntries(Object.entries(record.policy.spec).filter(([key]) => key.endsWith('Selector')));
		if (!JSON.stringify(selectors).includes(filters.selectorContains)) return false;
	}
	if (filters.policyContains !== undefined && !JSON.stringify(record.policy).includes(filters.policyContains)) return false;
	return (filters.hasTags ?? []).every(tag => record.tags.includes(tag));
}
