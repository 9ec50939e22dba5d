import {containsProcess, type ProcessShape} from './process-match.js';
import type {ProcessNode} from './types.js';

/** Are the processes with these two (merged) ids alike? */
export type ProcessesAlike = {
	(left: string, right: string): boolean;
	/**
	 * The number of the id's shape: ids with one number are alike to the same
	 * processes, so a merge can ask once per pair of shapes instead of per pair
	 * of ids. Undefined: the id is alike to no process.
	 */
	readonly shapeOf?: (id: string) => number | undefined;
};

/**
 * spyctl's second chance when a network rule names other process ids than
 * the rule that might contain it: the processes still match when one's name
 * and exes cover the other's, wherever the two sit in the tree. That is how a
 * fingerprint group's `python_0` and `python_1` (the same program seen twice)
 * end up in one rule. `processPolicy` is the merged tree the ids refer to.
 */
export function processesAlikeIn(processPolicy: readonly ProcessNode[]): ProcessesAlike {
	const {classOf, shapes} = shapeClasses(processPolicy);
	// Answers depend only on the shapes: a merge asks once per pair of shapes and remembers (see ProcessKeys).
	const alike = (left: string, right: string) => {
		const a = classOf.get(left);
		const b = classOf.get(right);
		if (a === undefined || b === undefined) return false;
		return containsProcess(shapes[a]!, shapes[b]!) || containsProcess(shapes[b]!, shapes[a]!);
	};
	return Object.assign(alike, {shapeOf: (id: string) => classOf.get(id)});
}

/** Numbers each distinct (name, exes) shape of the tree, and gives each id its shape's number. */
function shapeClasses(processPolicy: readonly ProcessNode[]): {classOf: Map<string, number>; shapes: ProcessShape[]} {
	const classOf = new Map<string, number>();
	const shapes: ProcessShape[] = [];
	const byShape = new Map<string, number>();
	const visit = (nodes: readonly ProcessNode[]) => {
		for (const node of nodes) {
			const text = JSON.stringify([node.name, node.exe]);
			let number = byShape.get(text);
			if (number === undefined) {
				number = shapes.push({name: node.name, exes: node.exe}) - 1;
				byShape.set(text, number);
			}
			classOf.set(node.id, number);
			visit(node.children ?? []);
		}
	};
	visit(processPolicy);
	return {classOf, shapes};
}
