import type {Change} from '../../policy/diff/changes.js';
import type {ProcessNode} from '../../policy/merge/types.js';
import type {IndexedProcess} from './process-index.js';

/**
 * A process the merge added to the policy's tree. `new`: a node (with its
 * subtree) the policy did not have. `widened`: a node the policy had, which
 * the activity gave another exe, user or listening socket.
 */
export type ProcessChange = {
	kind: 'new' | 'widened';
	process: IndexedProcess;
	/** The deviating processes: the new node and its whole subtree, or the widened node alone. */
	processes: IndexedProcess[];
	/** The node as the deviation carries it: a new node whole, a widened one without its children. */
	node: ProcessNode;
	/** Exes the node did not have before, in its order. */
	newExes: string[];
};

/**
 * Reads the process changes out of a diff of `{processPolicy}` before and
 * after the merge. Node lists are matched by id (merge keeps the
 * ids the policy has), so a change's path names the node it is in:
 * `processPolicy[0].children[2]` added is a new node, `…children` added or
 * reordered holds new nodes, anything deeper (`…exe[1]`, `…euser`) widens
 * the node it is in.
 */
export function processChanges(changes: readonly Change[], before: Map<string, IndexedProcess>, after: Map<string, IndexedProcess>, afterRoots: readonly ProcessNode[]): ProcessChange[] {
	const found = new Map<string, ProcessChange>();
	const addNew = (node: ProcessNode) => {
		const process = after.get(node.id);
		if (!process || found.has(node.id)) return;
		found.set(node.id, {kind: 'new', process, processes: subtree(node, after), node, newExes: node.exe});
	};
	const addWidened = (node: ProcessNode) => {
		const process = after.get(node.id);
		const old = before.get(node.id);
		if (!process || !old || found.has(node.id)) return;
		const {children: _children, ...alone} = node;
		found.set(node.id, {kind: 'widened', process, processes: [process], node: alone, newExes: node.exe.filter(exe => !old.exe.includes(exe))});
	};
	const newAmong = (nodes: readonly ProcessNode[]) => {
		for (const node of nodes) if (!before.has(node.id)) addNew(node);
	};

	for (const change of changes) {
		if (change.kind === 'removed' || change.path[0] !== 'processPolicy') continue;
		const {chain, rest} = nodesOnPath(afterRoots, change.path.slice(1));
		const node = chain.at(-1);
		if (!node) newAmong(afterRoots);
		else if (rest.length === 0) addNew(node);
		else if (rest.length === 1 && rest[0] === 'children') newAmong(node.children ?? []);
		else addWidened(node);
	}
	return [...found.values()];
}

/** Follows `[i, 'children', j, 'children', k, …]` from the roots: the nodes passed and the path left over. */
function nodesOnPath(roots: readonly ProcessNode[], path: readonly (string | number)[]): {chain: ProcessNode[]; rest: (string | number)[]} {
	const chain: ProcessNode[] = [];
	let siblings: readonly ProcessNode[] = roots;
	let position = 0;
	while (typeof path[position] === 'number') {
		const node = siblings[path[position] as number];
		if (!node) break;
		chain.push(node);
		position++;
		if (path[position] !== 'children' || typeof path[position + 1] !== 'number') break;
		siblings = node.children ?? [];
		position++;
	}
	return {chain, rest: path.slice(position)};
}

function subtree(node: ProcessNode, index: Map<string, IndexedProcess>): IndexedProcess[] {
	const processes: IndexedProcess[] = [];
	const visit = (current: ProcessNode) => {
		const process = index.get(current.id);
		if (process) processes.push(process);
		for (const child of current.children ?? []) visit(child);
	};
	visit(node);
	return processes;
}
