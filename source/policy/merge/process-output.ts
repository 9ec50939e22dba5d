import type {Port, ProcessTree, TreeNode} from './process-tree.js';
import {compareText, sortedUnique} from './text-order.js';
import type {ProcessNode} from './types.js';

/**
 * The tree as spyctl writes it after a merge: exes and users sorted, a
 * child's `euser` left out when it equals its parent's, listening sockets by
 * port, children by name. Roots keep their order.
 */
export function serialiseTree(tree: ProcessTree): ProcessNode[] {
	return tree.roots.map(root => serialiseNode(root, undefined));
}

function serialiseNode(node: TreeNode, parentEusers: readonly string[] | undefined): ProcessNode {
	const eusers = node.eusers ?? parentEusers ?? [];
	const output: ProcessNode = {name: node.name, exe: sortedUnique(node.exes), id: node.id};
	const shown = parentEusers === undefined ? eusers.length > 0 : !sameSet(eusers, parentEusers);
	if (shown) output.euser = sortedUnique(eusers);
	if (node.sockets.length > 0) output.listeningSockets = node.sockets.map(socket => portOutput(socket)).sort((a, b) => a.port - b.port);
	if (node.children.length > 0) {
		output.children = node.children.map(child => serialiseNode(child, eusers)).sort((a, b) => compareText(a.name, b.name));
	}
	return output;
}

/** spyctl writes a port as protocol, port, then endPort only when it differs from port. */
function portOutput(socket: Port): Port {
	return socket.endPort === undefined || socket.endPort === socket.port ? {protocol: socket.protocol, port: socket.port} : {protocol: socket.protocol, port: socket.port, endPort: socket.endPort};
}

function sameSet(left: readonly string[], right: readonly string[]): boolean {
	const leftSet = new Set(left);
	const rightSet = new Set(right);
	return leftSet.size === rightSet.size && [...leftSet].every(value => rightSet.has(value));
}
