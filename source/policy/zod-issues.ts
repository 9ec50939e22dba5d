import type {z} from 'zod';
import {describeValue} from './load.js';
import type {PathSegment, Problem} from './problem.js';
import {allowedFieldsAt, closestFieldName} from './field-names.js';

type Issue = z.core.$ZodIssue;

/**
 * What the issues were found in: the schema and the value it checked. Files
 * that hold secrets set quoteValues to false, so a message never repeats a value.
 */
type Checked = {schema: z.core.$ZodType; root: unknown; quoteValues?: boolean};

/** Turns zod's issues into plain sentences a policy author can act on. */
export function issuesToProblems(issues: readonly Issue[], checked: Checked, prefix: PathSegment[] = []): Problem[] {
	return issues.flatMap(issue => issueToProblems(issue, checked, prefix));
}

function issueToProblems(issue: Issue, checked: Checked, prefix: PathSegment[]): Problem[] {
	const {root} = checked;
	const path = [...prefix, ...(issue.path as PathSegment[])];
	if (valueAt(root, path) === undefined && isMissingValueIssue(issue)) return [{path, message: requiredText(issue)}];
	switch (issue.code) {
		case 'unrecognized_keys': {
			const allowed = allowedFieldsAt(checked.schema, path);
			return issue.keys.map(key => {
				const suggestion = closestFieldName(key, allowed);
				return {path: [...path, key], atKey: true, message: `unknown field '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`};
			});
		}
		case 'invalid_type': {
			return [{path, message: `must be ${expectedText(issue.expected)}${found(checked, path)}`}];
		}
		case 'invalid_value': {
			return [{path, message: `${optionsText(issue)}${found(checked, path)}`}];
		}
		case 'too_small': {
			return [{path, message: tooSmallText(issue)}];
		}
		case 'too_big': {
			return [{path, message: tooBigText(issue)}];
		}
		case 'invalid_format': {
			if (issue.format === 'url') return [{path, message: 'must be an http or https URL'}];
			// A pattern carries the schema's own sentence, e.g. "must not contain spaces".
			return [{path, message: issue.format === 'regex' ? issue.message : `must be a valid ${issue.format}`}];
		}
		case 'invalid_union': {
			return bestBranch(issue, checked, prefix);
		}
		default: {
			return [{path, message: issue.message}];
		}
	}
}

/** A union fails as a whole; the branch that came closest explains the mistake best. */
function bestBranch(issue: z.core.$ZodIssueInvalidUnion, checked: Checked, prefix: PathSegment[]): Problem[] {
	const path = [...prefix, ...(issue.path as PathSegment[])];
	const value = valueAt(checked.root, path);
	if (typeof value !== 'object' || value === null) {
		return [{path, message: `must be ${unionText(issue)}${found(checked, path)}`}];
	}
	const branches = issue.errors.map(branch => issuesToProblems(branch, checked, path));
	const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
	return best.length > 0 ? best : [{path, message: issue.message}];
}

function unionText(issue: z.core.$ZodIssueInvalidUnion): string {
	const expected = issue.errors.flatMap(branch => branch.filter(inner => inner.code === 'invalid_type' && inner.path.length === 0).map(inner => expectedText((inner as z.core.$ZodIssueInvalidType).expected)));
	return expected.length > 0 ? [...new Set(expected)].join(' or ') : 'a valid value';
}

function found(checked: Checked, path: readonly PathSegment[]): string {
	return checked.quoteValues === false ? '' : `, not ${describeValue(valueAt(checked.root, path))}`;
}

/** Issues that, on a missing value, mean only that the field must be given. */
function isMissingValueIssue(issue: Issue): boolean {
	return issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union';
}

function requiredText(issue: Issue): string {
	if (issue.code !== 'invalid_value') return 'is required';
	return issue.values.length === 1 ? `is required and ${optionsText(issue)}` : `is required: ${optionsText(issue).replace(/^must be /, '')}`;
}

function optionsText(issue: z.core.$ZodIssueInvalidValue): string {
	const options = issue.values.map(option => String(option));
	return options.length === 1 ? `must be '${options[0]}'` : `must be one of ${options.join(', ')}`;
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
