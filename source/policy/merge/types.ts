import type {z} from 'zod';
import type {networkPolicy} from '../schema/network.js';
import type {ProcessNode} from '../schema/process.js';

/**
 * Asymmetric (diff, merge): the other object is added into the base, which
 * keeps its own values. Symmetric (create): both sides are generalised into
 * one policy that covers each of them.
 */
export type MergeMode = 'asymmetric' | 'symmetric';

export type NetworkPolicy = z.infer<typeof networkPolicy>;
export type {ProcessNode};

/**
 * What the process-tree merge tells the network merge: where each process id
 * of either input ended up in the merged tree. Network rules name processes by
 * id, so their references must be rewritten the same way.
 */
export type ProcessIdMap = {
	/** Merged id of a base process id (identity unless symmetric mode renumbered it). */
	base: (id: string) => string;
	/** Merged id of an id from the other object's tree. */
	other: (id: string) => string;
};
