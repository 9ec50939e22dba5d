import {createHash} from 'node:crypto';
import {isRecord} from '../../policy/is-record.js';
import {ApiError} from '../errors.js';
import {randomId} from '../ids.js';
import type {Db} from './database.js';
import {ensureOrg} from './orgs.js';

export type RecordTable = 'deviations' | 'events' | 'fingerprints';

/** A stored record as the API hands it out: its JSON text, and the keys results are ordered by. */
export type StoredRow = {id: string; time: number; record: string};

/** Records with `start <= time < end` (epoch seconds). Half-open, so that spyctl's back-to-back 12 h blocks never return a record twice. */
export type TimeWindow = {orgUid: string; start: number; end: number};

/** Where a page of a scan starts: after this record in (time, id) order. */
export type Cursor = {time: number; id: string};

/** A deviation record (reference §1.10). `id` is made up when missing; `schema` defaults to the workload deviation schema. */
export type DeviationInput = Record<string, unknown> & {policy_uid: string; checksum: string; time: number; deviation: Record<string, unknown>; id?: string};
/** A policy log event: `schema` is `event_log:guardian_deviation`, `event_log:guardian_action` or `event_log:guardian_flag` (plus any version suffix). */
export type EventInput = Record<string, unknown> & {schema: string; time: number; id?: string; policy_uid?: string};
/** A fingerprint; `metadata.type` is `container` or `linux-service`. A newer fingerprint with the same id replaces the stored one. */
export type FingerprintInput = Record<string, unknown> & {time: number; id?: string; metadata: Record<string, unknown>};

const deviationSchema = 'event_deviation:workload:1.0.0';

/**
 * Deviations, policy log events and fingerprints: what ingestion writes and
 * search reads. Each insert is one statement, so one transaction. Records are
 * kept as the JSON the API returns, with their `id` and `schema` filled in,
 * and belong to the server's one org.
 */
export function recordStore(db: Db) {
	const orgUid = ensureOrg(db).uid;
	const inserts = {
		deviation: db.prepare('INSERT INTO deviations (id, org_uid, policy_uid, checksum, time, record) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
		event: db.prepare('INSERT INTO events (id, org_uid, policy_uid, schema, time, record) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
		fingerprint: db.prepare(
			`INSERT INTO fingerprints (id, org_uid, type, checksum, time, record) VALUES (?, ?, ?, ?, ?, ?)
			 ON CONFLICT (id) DO UPDATE SET type = excluded.type, checksum = excluded.checksum, time = excluded.time, record = excluded.record
			 WHERE excluded.time >= fingerprints.time`,
		),
	};
	const pages = new Map<string, ReturnType<typeof db.prepare<unknown[], StoredRow>>>();
	const withIds = db.prepare<[string, string, string, string, string, string], StoredRow>(
		['deviations', 'events', 'fingerprints'].map(table => `SELECT id, time, record FROM ${table} WHERE org_uid = ? AND id IN (SELECT value FROM json_each(?))`).join(' UNION ALL ') +
			' ORDER BY time, id',
	);

	/** Stores a deviation unless its policy already has one with the same checksum (or its id is taken); true when it was new. */
	function insertDeviation(input: DeviationInput): boolean {
		requireTime(input.time);
		requireText(input.policy_uid, 'policy_uid');
		requireText(input.checksum, 'checksum');
		if (!isRecord(input.deviation)) throw new ApiError(400, 'deviation (the GuardianDeviation document) is required', {field: 'deviation'});
		const record = {...input, id: input.id ?? `dev:${randomId()}`, schema: typeof input['schema'] === 'string' ? input['schema'] : deviationSchema};
		return inserts.deviation.run(record.id, orgUid, record.policy_uid, record.checksum, record.time, JSON.stringify(record)).changes === 1;
	}

	/** Stores a policy log event; false when an event with its id is already stored. */
	function insertEvent(input: EventInput): boolean {
		requireTime(input.time);
		requireText(input.schema, 'schema');
		const record = {...input, id: input.id ?? `log:${randomId()}`};
		const policyUid = typeof record.policy_uid === 'string' ? record.policy_uid : null;
		return inserts.event.run(record.id, orgUid, policyUid, record.schema, record.time, JSON.stringify(record)).changes === 1;
	}

	/** Stores a fingerprint, or replaces the stored one with its id when this one is not older; true when something was written. */
	function insertFingerprint(input: FingerprintInput): boolean {
		requireTime(input.time);
		const type = input.metadata['type'];
		if (type !== 'container' && type !== 'linux-service') throw new ApiError(400, `metadata.type must be container or linux-service, not ${String(type)}`, {field: 'metadata.type'});
		const text = JSON.stringify(input);
		const checksum = typeof input.metadata['checksum'] === 'string' ? input.metadata['checksum'] : createHash('md5').update(text).digest('hex');
		const record = {...input, id: input.id ?? `fprint:${randomId()}`, schema: typeof input['schema'] === 'string' ? input['schema'] : fingerprintSchema(type)};
		return inserts.fingerprint.run(record.id, orgUid, type, checksum, record.time, JSON.stringify(record)).changes === 1;
	}

	/**
	 * One page of a table's records in the window, in (time, id) order, after
	 * `cursor`. Search reads a window page by page so that a long scan gives
	 * way to other requests between pages. `policyUid` narrows deviations and
	 * events in SQL, which spares parsing every other policy's records.
	 */
	function page(table: RecordTable, window: TimeWindow, cursor: Cursor | undefined, size: number, policyUid?: string): StoredRow[] {
		const byPolicy = policyUid !== undefined && table !== 'fingerprints';
		const key = `${table}:${byPolicy}`;
		let statement = pages.get(key);
		if (!statement) {
			statement = db.prepare<unknown[], StoredRow>(
				`SELECT id, time, record FROM ${table}
				 WHERE org_uid = ? AND time >= ? AND time < ? AND (time > ? OR (time = ? AND id > ?))${byPolicy ? ' AND policy_uid = ?' : ''}
				 ORDER BY time, id LIMIT ?`,
			);
			pages.set(key, statement);
		}
		const after = cursor ?? {time: window.start, id: ''};
		const parameters: unknown[] = [window.orgUid, window.start, window.end, after.time, after.time, after.id];
		if (byPolicy) parameters.push(policyUid);
		return statement.all(...parameters, size);
	}

	/** Every record of a table in the window, in (time, id) order. */
	function list(table: RecordTable, window: TimeWindow, policyUid?: string): StoredRow[] {
		return page(table, window, undefined, -1, policyUid);
	}

	/** The records with these ids, whatever their kind, in (time, id) order; unknown ids are left out. */
	function byIds(owner: string, ids: string[]): StoredRow[] {
		const wanted = JSON.stringify(ids);
		return withIds.all(owner, wanted, owner, wanted, owner, wanted);
	}

	/** Runs several inserts as one transaction: all are stored or none, and a batch commits once instead of once a record. */
	function transaction<T>(write: () => T): T {
		return db.transaction(write)();
	}

	return {insertDeviation, insertEvent, insertFingerprint, transaction, page, list, byIds};
}

export type RecordStore = ReturnType<typeof recordStore>;

/** The search schema of a fingerprint of this type, as spyctl's source queries name it. */
function fingerprintSchema(type: 'container' | 'linux-service'): string {
	return `model_fingerprint:${type === 'container' ? 'container' : 'linux_svc'}`;
}

function requireTime(time: unknown): void {
	if (typeof time !== 'number' || !Number.isFinite(time)) throw new ApiError(400, 'time must be epoch seconds (a number)', {field: 'time'});
}

function requireText(value: unknown, field: string): void {
	if (typeof value !== 'string' || value === '') throw new ApiError(400, `${field} is required`, {field});
}
