import {type Span, span} from '../tone.js';
import {textWidth, wrapSpans} from '../text.js';
import type {TreeNode} from './node.js';

/** A node the user can put the cursor on: every node whose ancestors are all expanded. */
export type VisibleNode = {node: TreeNode; depth: number; expanded: boolean; parent?: number};

export function visibleNodes(tree: readonly TreeNode[], isExpanded: (key: string) => boolean): VisibleNode[] {
	const result: VisibleNode[] = [];
	const visit = (nodes: readonly TreeNode[], depth: number, parent: number | undefined): void => {
		for (const node of nodes) {
			const expanded = node.children.length > 0 && isExpanded(node.key);
			const index = result.length;
			result.push(parent === undefined ? {node, depth, expanded} : {node, depth, expanded, parent});
			if (expanded) visit(node.children, depth + 1, index);
		}
	};
	visit(tree, 0, undefined);
	return result;
}

/** One screen row of the tree. A long node wraps onto several; `node` says which node a row belongs to. */
export type TreeLine = {node: number; spans: Span[]};

export type TreeLayout = {lines: TreeLine[]; firstLineOf: number[]};

const indentWidth = 2;

/**
 * Lays visible nodes out in rows of `width` columns: indent, ▾/▸ marker, then
 * the label, wrapped rather than cut, since the pane is where details are read.
 */
export function layoutTree(nodes: readonly VisibleNode[], width: number): TreeLayout {
	const lines: TreeLine[] = [];
	const firstLineOf: number[] = [];
	for (const [index, visible] of nodes.entries()) {
		const marker = visible.node.children.length === 0 ? '  ' : visible.expanded ? '▾ ' : '▸ ';
		const prefix = `${' '.repeat(visible.depth * indentWidth)}${marker}`;
		const room = Math.max(1, width - textWidth(prefix));
		firstLineOf.push(lines.length);
		const rows = wrapSpans(visible.node.label, room);
		for (const [row, spans] of rows.entries()) {
			lines.push({node: index, spans: [span(row === 0 ? prefix : ' '.repeat(textWidth(prefix)), 'muted'), ...spans]});
		}
	}
	return {lines, firstLineOf};
}
