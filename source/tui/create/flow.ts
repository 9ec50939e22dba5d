import type {PolicyDocument} from '../../api/policy-records.js';
import type {SpyderbatObject} from '../../policy/merge/merge-inputs.js';
import type {Scope} from '../keymap.js';

/** The create dialog's steps, in order; esc walks back through them. */
export type CreateStep = 'source' | 'path' | 'name' | 'preview';

export type PolicyMode = 'audit' | 'enforce';

/**
 * How far back the server's fingerprints are listed. A day covers the
 * workloads running now and recent ones, without searching the whole history.
 */
export const fingerprintWindowSeconds = 24 * 3600;

/** One workload the server has fingerprints of: a container image, or a linux service's cgroup. */
export type Workload = {
	key: string;
	type: string;
	/** The image, or the service's name. */
	title: string;
	/** The cgroup of a service; nothing for a container, whose image says it all. */
	detail?: string;
	/** Newest first: the first one names the policy and keeps its metadata. */
	fingerprints: SpyderbatObject[];
	/** Epoch seconds of the newest fingerprint. */
	latest: number;
};

/** What the policy is built from, once picked (a workload) or read and checked (a file). */
export type CreateSource = {
	/** Says where the policy comes from, in the dialog and in skip messages. */
	label: string;
	objects: SpyderbatObject[];
	/** What spyctl would name the policy: the first input's name, else its image or service. */
	defaultName: string;
};

/** A typed file, read and checked: a source, or why it cannot be one (one line each). */
export type SourceRead = {source: CreateSource} | {problems: string[]};

/** What the fingerprint search gave: the workloads and when it was asked (for their age), or why it failed. */
type WorkloadListing = {workloads: Workload[]; at: number} | {error: string};

/** The built policy waiting for confirmation, and inputs the merge left out. */
export type Preview = {policy: PolicyDocument; skipped: string[]};

/**
 * Everything the dialog has gathered. Earlier steps keep their data while
 * later ones are shown, so esc goes back to them as they were left.
 */
export type CreateFlow = {
	step: CreateStep;
	/** Undefined while the server's fingerprints are being fetched. */
	listing?: WorkloadListing;
	/** The highlighted source: 0 is the local file, then the workloads. */
	cursor: number;
	path: string;
	/** Why the typed file cannot be used, one line each. */
	problems: readonly string[];
	source?: CreateSource;
	name: string;
	mode: PolicyMode;
	/** Why the policy cannot be built with this name and mode. */
	buildProblems: readonly string[];
	preview?: Preview;
	/** Why the last create request failed; the preview stays so it can be sent again. */
	error?: string;
};

export const newFlow: CreateFlow = {step: 'source', cursor: 0, path: '', problems: [], name: '', mode: 'audit', buildProblems: []};

/** The workloads listed so far (none while fetching, or after a failure). */
export function workloadsOf(flow: CreateFlow): Workload[] {
	return flow.listing && 'workloads' in flow.listing ? flow.listing.workloads : [];
}

/**
 * The create steps have keys of their own (typing, the source list); the
 * preview adds the buttons and scrolling that every dialog has.
 */
export function createScopes(flow: CreateFlow): Scope[] {
	return flow.step === 'preview' ? ['create', 'dialog'] : ['create'];
}
