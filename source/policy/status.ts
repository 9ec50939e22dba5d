import {isRecord} from './is-record.js';

export const statuses = ['Enforcing', 'Auditing', 'Disabled', 'Not Applied', 'Not Applied & Disabled'] as const;
export type PolicyStatus = (typeof statuses)[number];

/**
 * spyctl's STATUS column (reference §4.2): a policy is applied when it has a uid,
 * enabled unless `enabled: false`, and enforcing unless `mode: audit`.
 */
export function policyStatus(policy: Record<string, unknown>): PolicyStatus {
	const metadata = isRecord(policy['metadata']) ? policy['metadata'] : {};
	const spec = isRecord(policy['spec']) ? policy['spec'] : {};
	const applied = typeof metadata['uid'] === 'string' && metadata['uid'] !== '';
	const enabled = spec['enabled'] !== false;
	if (!enabled) return applied ? 'Disabled' : 'Not Applied & Disabled';
	if (!applied) return 'Not Applied';
	return spec['mode'] === 'audit' ? 'Auditing' : 'Enforcing';
}
