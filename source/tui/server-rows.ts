import type {ServerPolicy} from '../api/policy-records.js';
import {currentDocument, type Draft} from '../operations/drafts.js';
import type {LocalRow} from '../operations/local-folder.js';
import {type PolicyStatus, policyStatus} from '../policy/status.js';

/** A policy as the API has it, shown through its draft when there is one. */
export type ServerRow = {
	kind: 'server';
	/** The uid: selection and folds follow it across refreshes. */
	id: string;
	uid: string;
	name: string;
	type: string;
	status: PolicyStatus;
	mode: string;
	enabled: boolean;
	version?: number;
	/** Epoch seconds. */
	created?: number;
	/** What the detail pane shows: the draft's document, else the server copy. */
	value: Record<string, unknown>;
	policy: ServerPolicy;
	draft?: Draft;
	/** The server copy is newer than the one the draft was started from: applying it needs a rebase. */
	stale: boolean;
};

/** Every row the list can show: a file's policy or problem (offline), or a server policy. */
export type Row = LocalRow | ServerRow;

const cache = new WeakMap<ServerPolicy, {draft: Draft | undefined; row: ServerRow}>();

/** One row per server policy; a refresh that returns the same objects reuses the rows, and so their trees. */
export function serverRow(policy: ServerPolicy, draft: Draft | undefined): ServerRow {
	const cached = cache.get(policy);
	if (cached && cached.draft === draft) return cached.row;
	const document = draft ? currentDocument(draft) : policy.policy;
	const value = document as unknown as Record<string, unknown>;
	const created = Number(policy.policy.metadata['creationTimestamp']);
	const row: ServerRow = {
		kind: 'server',
		id: policy.uid,
		uid: policy.uid,
		name: draft ? draft.name : policy.name,
		type: policy.type,
		status: policyStatus(value),
		// spyctl treats a missing mode as enforce (reference §4.2).
		mode: typeof document.spec['mode'] === 'string' ? document.spec['mode'] : 'enforce',
		enabled: document.spec['enabled'] !== false,
		...(policy.version === undefined ? {} : {version: policy.version}),
		...(Number.isFinite(created) ? {created} : {}),
		value,
		policy,
		...(draft ? {draft} : {}),
		stale: draft !== undefined && isNewer(policy.version, draft.baseVersion),
	};
	cache.set(policy, {draft, row});
	return row;
}

export function isNewer(server: number | undefined, base: number | undefined): boolean {
	return server !== undefined && base !== undefined && server > base;
}

/** `45s`, `12m`, `3h`, `10d`: kubectl's AGE, from whole seconds. */
export function formatAge(seconds: number): string {
	const whole = Math.max(0, Math.floor(seconds));
	if (whole < 60) return `${whole}s`;
	if (whole < 3600) return `${Math.floor(whole / 60)}m`;
	if (whole < 86_400) return `${Math.floor(whole / 3600)}h`;
	return `${Math.floor(whole / 86_400)}d`;
}
