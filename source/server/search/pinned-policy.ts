import type {Query} from './query-ast.js';

/**
 * The policy uid a query pins with a `policy_uid = "..."` that every match
 * must satisfy (alone or in a chain of ANDs). That is how spyctl and spytui
 * ask for one policy's deviations and logs, and the store can then filter on
 * its policy_uid column instead of parsing every other policy's records.
 */
export function pinnedPolicyUid(query: Query): string | undefined {
	if (query.type === 'and') return pinnedPolicyUid(query.left) ?? pinnedPolicyUid(query.right);
	if (query.type !== 'compare' || query.operator !== '=' || typeof query.value !== 'string') return undefined;
	const [step, ...rest] = query.field.steps;
	return rest.length === 0 && step?.kind === 'key' && step.name === 'policy_uid' ? query.value : undefined;
}
