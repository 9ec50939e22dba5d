import {severities} from '../../policy/schema/common.js';
import {actionNames} from '../../policy/schema/response.js';
import {span, type Span} from '../tone.js';
import {treeNode, type TreeNode} from './node.js';
import {selectorNodes} from './selectors.js';
import {asArray, asRecord, asText, plural} from './values.js';

/** Texts that run long; they get their own line under the action. */
const proseFields = ['impact', 'content', 'description'];

/** response.default and response.actions: each action with its severity and, for scoped actions, the selectors that say what it acts on. */
export function responseNodes(response: unknown, keyPrefix: string): TreeNode[] {
	const record = asRecord(response) ?? {};
	return (['default', 'actions'] as const).map(list => {
		const entries = asArray(record[list]);
		const key = `${keyPrefix}/${list}`;
		return treeNode(
			key,
			[span(list, 'name'), span(`  ${entries.length === 0 ? 'none' : plural(entries.length, 'action')}`, 'muted')],
			entries.map((entry, index) => actionNode(entry, `${key}/${index}`)),
		);
	});
}

function actionNode(value: unknown, key: string): TreeNode {
	const entry = asRecord(value) ?? {};
	const name = Object.keys(entry).find(field => (actionNames as string[]).includes(field));
	if (!name) return treeNode(key, [span('no action in this entry', 'error')], selectorNodes(entry, key));
	const body = asRecord(entry[name]) ?? {};
	const label: Span[] = [span(name, 'name')];
	const children: TreeNode[] = [];
	for (const [field, fieldValue] of Object.entries(body)) {
		// Selectors become child lines below.
		if (field.endsWith('Selector')) continue;
		if (field === 'severity') label.push(span('  severity ', 'key'), severitySpan(fieldValue));
		else if (field === 'enabled') label.push(span(fieldValue === false ? '  disabled' : '  enabled', fieldValue === false ? 'warn' : 'muted'));
		else if (field === 'urlDestination') children.push(treeNode(`${key}/${field}`, [span(`${field} `, 'key'), span(maskUrl(asText(fieldValue)), 'value')]));
		else if (proseFields.includes(field)) children.push(treeNode(`${key}/${field}`, [span(`${field} `, 'key'), span(asText(fieldValue), 'value')]));
		else label.push(span(`  ${field} `, 'key'), span(asText(fieldValue), 'value'));
	}
	// Selectors belong inside the action body; ones written beside it (invalid) are shown too, not hidden.
	return treeNode(key, label, [...selectorNodes(body, key), ...selectorNodes(entry, key), ...children]);
}

function severitySpan(value: unknown): Span {
	const text = asText(value);
	return (severities as readonly string[]).includes(text) ? span(text, `severity:${text as (typeof severities)[number]}`) : span(text, 'error');
}

/** Webhook URLs carry their credential in the path (Slack's do), so only the host is shown. */
export function maskUrl(text: string): string {
	try {
		const url = new URL(text);
		return url.pathname === '/' && url.search === '' ? `${url.origin}/` : `${url.origin}/…`;
	} catch {
		return text.length > 12 ? `${text.slice(0, 12)}…` : text;
	}
}
