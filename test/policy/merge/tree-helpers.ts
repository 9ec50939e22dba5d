import type {ProcessNode} from '../../../source/policy/merge/types.js';

/** Every node of a tree with its parent's id, depth first. */
export function flatten(nodes: readonly ProcessNode[], parent?: string): Array<{node: ProcessNode; parent: string | undefined}> {
	return nodes.flatMap(node => [{node, parent}, ...flatten(node.children ?? [], node.id)]);
}

export function ids(nodes: readonly ProcessNode[]): string[] {
	return flatten(nodes).map(({node}) => node.id);
}

export function nodeById(nodes: readonly ProcessNode[], id: string): ProcessNode {
	const found = flatten(nodes).find(({node}) => node.id === id);
	if (!found) throw new Error(`no process ${id}`);
	return found.node;
}

/** `name(id)[children]`: the shape of a tree in one line, for readable expectations. */
export function outline(nodes: readonly ProcessNode[]): string {
	return nodes.map(node => `${node.name}(${node.id})${node.children ? `[${outline(node.children)}]` : ''}`).join(' ');
}
