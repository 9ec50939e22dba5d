import type {ProcessNode} from '../../policy/merge/types.js';

/** A process of a policy's tree with the users it runs as resolved: a child without `euser` runs as its parent. */
export type IndexedProcess = {
	id: string;
	name: string;
	exe: string[];
	euser: string[];
	parentId?: string;
	node: ProcessNode;
};

/** Every node of a process tree by id. */
export function indexProcesses(roots: readonly ProcessNode[]): Map<string, IndexedProcess> {
	const index = new Map<string, IndexedProcess>();
	const visit = (node: ProcessNode, parent: IndexedProcess | undefined) => {
		const entry: IndexedProcess = {id: node.id, name: node.name, exe: node.exe, euser: node.euser ?? parent?.euser ?? [], parentId: parent?.id, node};
		if (!index.has(node.id)) index.set(node.id, entry);
		for (const child of node.children ?? []) visit(child, entry);
	};
	for (const root of roots) visit(root, undefined);
	return index;
}
