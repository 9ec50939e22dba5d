import type {z} from 'zod';
import type {port} from '../schema/common.js';
import type {ProcessNode} from './types.js';

export type Port = z.infer<typeof port>;

/** A process node while merges change it: mutable, linked to its parent, exes and users as sets of text. */
export type TreeNode = {
	name: string;
	exes: string[];
	id: string;
	/** Undefined: the node runs as its parent's users, which is what an absent `euser` means. */
	eusers: string[] | undefined;
	sockets: Port[];
	children: TreeNode[];
	parent: TreeNode | undefined;
};

/** The process tree a merge builds on, with every id it holds (ids must stay unique). */
export type ProcessTree = {
	roots: TreeNode[];
	byId: Map<string, TreeNode>;
};

/** A working copy of a policy's process tree; the input is never changed. */
export function buildTree(nodes: readonly ProcessNode[]): ProcessTree {
	const tree: ProcessTree = {roots: [], byId: new Map()};
	for (const node of nodes) tree.roots.push(copyNode(tree, node, undefined, each => each.id));
	return tree;
}

/**
 * Adds a copy of `node` and its subtree under `parent` (unlinked when
 * undefined: the caller places a root), each node under the id `assignId`
 * gives it, parents before children as spyctl numbers them.
 */
export function copyNode(tree: ProcessTree, node: ProcessNode, parent: TreeNode | undefined, assignId: (node: ProcessNode) => string, eusers: readonly string[] | undefined = node.euser): TreeNode {
	const id = assignId(node);
	const copy: TreeNode = {
		name: node.name,
		exes: [...node.exe],
		id,
		eusers: eusers === undefined ? undefined : [...eusers],
		sockets: node.listeningSockets ? [...node.listeningSockets] : [],
		children: [],
		parent,
	};
	// The first node with an id owns it; a duplicate (invalid input) must not steal references.
	if (!tree.byId.has(id)) tree.byId.set(id, copy);
	for (const child of node.children ?? []) copy.children.push(copyNode(tree, child, copy, assignId));
	return copy;
}

/** The users a node runs as: its own, else its nearest ancestor's. */
export function resolvedEusers(node: TreeNode): readonly string[] {
	for (let current: TreeNode | undefined = node; current; current = current.parent) {
		if (current.eusers) return current.eusers;
	}
	return [];
}
