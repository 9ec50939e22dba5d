import type {z} from 'zod';

export type IssueDescription = {
	/** Where the problem is, including the offending key for unknown fields. */
	path: PropertyKey[];
	message: string;
	/** The position to report is the key itself rather than its value. */
	atKey: boolean;
};

/** Turns a zod issue into a short message in the user's terms, never echoing the value (it may be a key). */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): IssueDescription {
	const path = [...issue.path];
	if (issue.code !== 'unrecognized_keys' && issue.code !== 'custom' && valueAt(input, path) === undefined) {
		return {path, message: 'is required', atKey: false};
	}
	switch (issue.code) {
		case 'unrecognized_keys': {
			return {path: [...path, issue.keys[0] ?? ''], message: 'is not a known field', atKey: true};
		}
		case 'invalid_type': {
			return {path, message: `must be ${article(issue.expected)}`, atKey: false};
		}
		case 'invalid_value': {
			return {path, message: `must be ${issue.values.map(value => JSON.stringify(value)).join(' or ')}`, atKey: false};
		}
		case 'too_small': {
			return {path, message: 'must not be empty', atKey: false};
		}
		default: {
			return {path, message: issue.message, atKey: false};
		}
	}
}

export function formatPath(path: readonly PropertyKey[]): string {
	let text = '';
	for (const segment of path) {
		if (typeof segment === 'number') text += `[${segment}]`;
		else text += text ? `.${String(segment)}` : String(segment);
	}
	return text || 'the document';
}

function article(expected: string): string {
	if (expected === 'array') return 'a list';
	if (expected === 'object') return 'a mapping';
	return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let value = input;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[segment];
	}
	return value;
}
