import type {z} from 'zod';
import type {networkPolicy} from '../../../source/policy/schema/network.js';
import type {ProcessNode} from '../../../source/policy/schema/process.js';
import type {JsonObject} from '../helpers.js';

/** The parts of a workload spec the diff tests change, typed so that edits read plainly. */
export type EditableSpec = {processPolicy: ProcessNode[]; networkPolicy: z.infer<typeof networkPolicy>};

/** A copy of `policy` with its spec changed by `change`. */
export function editSpec(policy: JsonObject, change: (spec: EditableSpec) => void): JsonObject {
	const copy = structuredClone(policy);
	change(copy['spec'] as unknown as EditableSpec);
	return copy;
}
