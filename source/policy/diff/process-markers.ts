import {isRecord} from '../is-record.js';
import {sameValue} from './canonical.js';

export type DiffMarker = 'added' | 'changed' | 'removed';

type Node = Record<string, unknown>;

/**
 * spyctl's object diff of a process tree (reference §4.7): the after tree with
 * `diff: added` on new nodes, `diff: changed` on nodes whose own fields
 * changed, and the removed nodes appended, marked `removed` down their whole
 * subtree. Nodes are the same node when their ids are, among siblings.
 * Unlike spyctl, a node removed below a kept parent is listed under that parent.
 */
export function markProcessNodes(before: readonly unknown[], after: readonly unknown[]): Node[] {
	const beforeNodes = before.filter(node => isRecord(node));
	const afterNodes = after.filter(node => isRecord(node));
	const byId = new Map(beforeNodes.map(node => [node['id'], node]));
	const marked = afterNodes.map(node => markNode(node, byId.get(node['id'])));
	const afterIds = new Set(afterNodes.map(node => node['id']));
	for (const node of beforeNodes) if (!afterIds.has(node['id'])) marked.push(markRemoved(node));
	return marked;
}

function markNode(node: Node, previous: Node | undefined): Node {
	const {children, ...fields} = node;
	const marked: Node = structuredClone(fields);
	if (!previous) marked['diff'] = 'added';
	else if (!sameValue(withoutChildren(previous), fields)) marked['diff'] = 'changed';
	const oldChildren = listOf(previous?.['children']);
	const newChildren = listOf(children);
	if (oldChildren.length > 0 || newChildren.length > 0) marked['children'] = markProcessNodes(oldChildren, newChildren);
	return marked;
}

function markRemoved(node: Node): Node {
	const {children, ...fields} = node;
	const marked: Node = {...structuredClone(fields), diff: 'removed'};
	const oldChildren = listOf(children).filter(child => isRecord(child));
	if (oldChildren.length > 0) marked['children'] = oldChildren.map(child => markRemoved(child));
	return marked;
}

function withoutChildren(node: Node): Node {
	const {children: _children, ...fields} = node;
	return fields;
}

function listOf(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}
