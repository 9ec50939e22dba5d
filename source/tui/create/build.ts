import type {PolicyDocument} from '../../api/policy-records.js';
import {createPolicy, CreatePolicyError} from '../../policy/create/create-policy.js';
import {skipMessage} from '../../policy/merge/skip-reasons.js';
import {formatPath} from '../../policy/problem.js';
import type {CreateSource, PolicyMode, Preview} from './flow.js';

/**
 * The policy `spytui create policy --from-file` would print for this source,
 * name and mode, or why there is none (one line each). Never throws: it runs
 * in the reducer, and a failure must reach the dialog, not end the app.
 */
export function buildPolicy(source: CreateSource, name: string, mode: PolicyMode): Preview | {problems: string[]} {
	try {
		const {policy, skipped} = createPolicy(source.objects, {name: name.trim(), mode});
		// The server gives a new policy its uid; one carried over from a policy file would name another policy.
		const {uid: _uid, ...metadata} = policy['metadata'] as Record<string, unknown>;
		return {
			policy: {...(policy as PolicyDocument), metadata},
			skipped: skipped.map(skip => skipMessage(skip, 'merge', `the policy built from ${source.label}`)),
		};
	} catch (error) {
		if (error instanceof CreatePolicyError && error.problems.length > 0) {
			return {problems: error.problems.map(problem => `${formatPath(problem.path) || '(policy)'}: ${problem.message}`)};
		}
		return {problems: [error instanceof Error ? error.message : String(error)]};
	}
}
