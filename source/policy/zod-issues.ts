import type {z} from 'zod';
import {describeValue} from './load.js';
import type {PathSegment, Problem} from './problem.js';
import {closestFieldName} from './field-names.js';

type Issue = z.core.$ZodIssue;

/** Turns zod's issues into plain sentences a policy author can act on. */
export function issuesToProblems(issues: readonly Issue[], root: unknown, prefix: PathSegment[] = []): Problem[] {
	return issues.flatMap(issue => issueToProblems(issue, root, prefix));
}

function issueToProblems(issue: Issue, root: unknown, prefix: PathSegment[]): Problem[] {
	const path = [...prefix, ...(issue.path as PathSegment[])];
	switch (issue.code) {
		case 'unrecognized_keys': {
			return issue.keys.map(key => {
				const suggestion = closestFieldName(key);
				return {path: [...path, key], atKey: true, message: `unknown field '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`};
			});
		}
		case 'invalid_type': {
			const value = valueAt(root, path);
			if (value === undefined) return [{path, message: 'is required'}];
			return [{path, message: `must be ${expectedText(issue.expected)}, not ${describeValue(value)}`}];
		}
		case 'invalid_value': {
			const options = issue.values.map(option => String(option));
			const value = valueAt(root, path);
			const found = value === undefined ? '' : `, not ${describeValue(value)}`;
			return [{path, message: options.length === 1 ? `must be '${options[0]}'${found}` : `must be one of ${options.join(', ')}${found}`}];
		}
		case 'too_small': {
			return [{path, message: tooSmallText(issue)}];
		}
		case 'too_big': {
			return [{path, message: tooBigText(issue)}];
		}
		case 'invalid_format': {
			return [{path, message: issue.format === 'url' ? 'must be an http or https URL' : `must be a valid ${issue.format}`}];
		}
		case 'invalid_union': {
			return bestBranch(issue, root, prefix);
		}
		default: {
			return [{path, message: issue.message}];
		}
	}
}

/** A union fails as a whole; the branch that came closest explains the mistake best. */
function bestBranch(issue: z.core.$ZodIssueInvalidUnion, root: unknown, prefix: PathSegment[]): Problem[] {
	const path = [...prefix, ...(issue.path as PathSegment[])];
	const value = valueAt(root, path);
	if (typeof value !== 'object' || value === null) {
		return [{path, message: `must be ${unionText(issue)}, not ${describeValue(value)}`}];
	}
	const branches = issue.errors.map(branch => issuesToProblems(branch, root, path));
	const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
	return best.length > 0 ? best : [{path, message: issue.message}];
}

function unionText(issue: z.core.$ZodIssueInvalidUnion): string {
	const expected = issue.errors.flatMap(branch => branch.filter(inner => inner.code === 'invalid_type' && inner.path.length === 0).map(inner => expectedText((inner as z.core.$ZodIssueInvalidType).expected)));
	return expected.length > 0 ? [...new Set(expected)].join(' or ') : 'a valid value';
}

function expectedText(expected: string): string {
	switch (expected) {
		case 'object':
			return 'a mapping';
		case 'array':
			return 'a list';
		case 'string':
			return 'text';
		case 'int':
			return 'a whole number';
		case 'number':
			return 'a number';
		case 'boolean':
			return 'true or false';
		default:
			return expected;
	}
}

function tooSmallText(issue: z.core.$ZodIssueTooSmall): string {
	const minimum = Number(issue.minimum);
	if (issue.origin === 'array') return minimum === 1 ? 'must not be empty' : `must have at least ${minimum} entries`;
	if (issue.origin === 'string') return minimum === 1 ? 'must not be empty' : `must be at least ${minimum} characters`;
	return `must be at least ${minimum}`;
}

function tooBigText(issue: z.core.$ZodIssueTooBig): string {
	const maximum = Number(issue.maximum);
	if (issue.origin === 'array') return `must have at most ${maximum} entries`;
	if (issue.origin === 'string') return `must be at most ${maximum} characters`;
	return `must be at most ${maximum}`;
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
	let value = root;
	for (const segment of path) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<PathSegment, unknown>)[segment];
	}
	return value;
}
