import {span, type Span} from '../tone.js';
import {treeNode, type TreeNode} from './node.js';
import {asArray, asRecord, asText, asTextList, fields} from './values.js';

/** The selector entries of a spec or an action, in the order they are written. */
export function selectorNodes(owner: Record<string, unknown>, keyPrefix: string): TreeNode[] {
	return Object.entries(owner)
		.filter(([name]) => name.endsWith('Selector'))
		.map(([name, value]) => treeNode(`${keyPrefix}/${name}`, [span(name, 'name'), span('  '), ...describeSelector(value)]));
}

/** One selector on one line: `image nginx:*  matchLabels app=web`, expressions as `key In (a, b)`. */
function describeSelector(value: unknown): Span[] {
	const selector = asRecord(value);
	if (!selector) return [span(asText(value), 'value')];
	return fields(
		Object.entries(selector).map(([key, field]): [string, string] => {
			if (key === 'matchLabels' || key === 'matchFields') return [key, labels(field)];
			if (key === 'matchExpressions' || key === 'matchFieldsExpressions') return [key, asArray(field).map(expression).join(', ')];
			return [key, asTextList(field).join(', ')];
		}),
	);
}

function labels(value: unknown): string {
	const record = asRecord(value);
	if (!record) return asText(value);
	return Object.entries(record)
		.map(([key, label]) => `${key}=${asText(label)}`)
		.join(', ');
}

function expression(value: unknown): string {
	const record = asRecord(value);
	if (!record) return asText(value);
	const values = record['values'] === undefined ? '' : ` (${asTextList(record['values']).join(', ')})`;
	return `${asText(record['key'])} ${asText(record['operator'])}${values}`;
}
