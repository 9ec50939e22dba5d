import {isRecord} from '../../policy/is-record.js';
import {mergeInputs, metadataOf, type SpyderbatObject, specOf} from '../../policy/merge/merge-inputs.js';
import {formatPath} from '../../policy/problem.js';
import {policyMetadata} from '../../policy/schema/common.js';
import {issuesToProblems} from '../../policy/zod-issues.js';
import {serviceName} from './workloads.js';

/**
 * The name the policy starts with. spyctl keeps the first input's name;
 * fingerprints the embedded server recorded may have none, and then the
 * image or the service says what the policy is for.
 */
export function defaultName(objects: readonly SpyderbatObject[]): string {
	const first = objects.flatMap(object => mergeInputs(object))[0];
	if (!first) return '';
	const name = metadataOf(first)['name'];
	if (typeof name === 'string' && name.trim() !== '') return name.trim();
	const spec = specOf(first);
	const image = isRecord(spec['containerSelector']) ? spec['containerSelector']['image'] : undefined;
	if (typeof image === 'string' && image !== '') return image;
	const cgroup = isRecord(spec['serviceSelector']) ? spec['serviceSelector']['cgroup'] : undefined;
	return typeof cgroup === 'string' && cgroup !== '' ? serviceName(cgroup) : '';
}

const nameSchema = policyMetadata.shape.name;

/** What the policy schema says about this metadata.name, as validation would word it; undefined when it is fine. */
export function nameProblem(name: string): string | undefined {
	const result = nameSchema.safeParse(name);
	if (result.success) return undefined;
	const [problem] = issuesToProblems(result.error.issues, {schema: nameSchema, root: name});
	return problem ? `${formatPath(['metadata', 'name'])}: ${problem.message}` : undefined;
}
