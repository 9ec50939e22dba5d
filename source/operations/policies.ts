import type {ApiClient} from '../api/client.js';
import {ApiRequestError} from '../api/errors.js';
import type {PolicyDocument, ServerPolicy} from '../api/policy-records.js';
import {policyStatus} from '../policy/status.js';

/** Policy uids are `pol:` plus 20 letters and digits; people often paste the part after the colon. */
export function withUidPrefix(text: string): string {
	return /^[A-Za-z0-9]{20}$/.test(text) ? `pol:${text}` : text;
}

/**
 * Policies named by a user's word, the way `get`, `delete` and `edit` do it in
 * spyctl: a uid (with or without `pol:`) or a name, as a substring unless
 * `exact`. `*` is stripped, as spyctl strips it before asking the API.
 */
export async function findPolicies(client: ApiClient, nameOrUid: string | undefined, options: {exact?: boolean; type?: string} = {}): Promise<ServerPolicy[]> {
	if (nameOrUid === undefined) return client.listPolicies({type: options.type});
	const word = withUidPrefix(nameOrUid.replaceAll('*', ''));
	return options.exact ? client.listPolicies({name_or_uid_equals: word, type: options.type}) : client.listPolicies({name_or_uid_contains: word, type: options.type});
}

/**
 * Exactly one policy for commands that act on one (`logs`, `describe`, `edit`,
 * `diff -p`): an exact uid or name wins over substring matches.
 */
export async function findOnePolicy(client: ApiClient, nameOrUid: string): Promise<ServerPolicy> {
	const word = withUidPrefix(nameOrUid);
	const matches = await client.listPolicies({name_or_uid_contains: word.replaceAll('*', '')});
	const exact = matches.filter(policy => policy.uid === word || policy.name === word);
	const candidates = exact.length > 0 ? exact : matches;
	if (candidates.length === 0) throw new ApiRequestError('not-found', `No policies matching name_or_uid '${nameOrUid}'.`);
	if (candidates.length > 1) {
		const listed = candidates.map(policy => `${policy.name} (${policy.uid})`).join(', ');
		throw new ApiRequestError('not-found', `Policy name '${nameOrUid}' is ambiguous, use the uid: ${listed}`);
	}
	return candidates[0]!;
}

export type ApplyResult = {action: 'created' | 'updated'; uid: string; message: string};

/** Creates a policy without a uid, updates one with a uid, and says so in spyctl's words. */
export async function applyPolicy(client: ApiClient, document: PolicyDocument): Promise<ApplyResult> {
	const uid = document.metadata['uid'];
	if (typeof uid === 'string' && uid !== '') {
		await client.updatePolicy(document);
		return {action: 'updated', uid, message: `Successfully updated policy ${uid}`};
	}
	const created = await client.createPolicy(document);
	const type = String(document.metadata['type']);
	const subtype = type === 'trace' ? 'suppression' : 'guardian';
	return {action: 'created', uid: created, message: `Successfully applied new ${type} ${subtype} policy with uid: ${created}`};
}

/** How to get out of a version clash: the next step, not just the error. */
export function conflictAdvice(uid: string, error: ApiRequestError): string {
	const versions =
		error.details.currentVersion !== undefined && error.details.yourVersion !== undefined
			? `the server has version ${error.details.currentVersion}, and your copy is based on version ${error.details.yourVersion}`
			: 'it changed on the server since your copy was taken';
	return `Policy ${uid} was not updated: ${versions}. Fetch the latest with 'spytui get policies -o yaml ${uid} > latest.yaml', merge your changes into it ('spytui merge -f latest.yaml -w YOUR_FILE'), then apply the result.`;
}

export function statusOf(policy: ServerPolicy) {
	return policyStatus(policy.policy as unknown as Record<string, unknown>);
}

/** `YYYY-MM-DDTHH:mm:ssZ`, spyctl's way of showing epoch times; N/A when missing. */
export function formatTimestamp(value: unknown): string {
	const seconds = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
	if (!Number.isFinite(seconds)) return 'N/A';
	return `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
}
