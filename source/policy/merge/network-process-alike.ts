import {containsProcess, type ProcessShape} from './process-match.js';
import type {ProcessNode} from './types.js';

/** Are the processes with these two (merged) ids alike? */
export type ProcessesAlike = (left: string, right: string) => boolean;

/**
 * spyctl's second chance when a network rule names other process ids than
 * the rule that might contain it: the processes still match when one's name
 * and exes cover the other's, wherever the two sit in the tree. That is how a
 * fingerprint group's `python_0` and `python_1` (the same program seen twice)
 * end up in one rule. `processPolicy` is the merged tree the ids refer to.
 */
export function processesAlikeIn(processPolicy: readonly ProcessNode[]): ProcessesAlike {
	const shapes = new Map<string, ProcessShape>();
	const visit = (nodes: readonly ProcessNode[]) => {
		for (const node of nodes) {
			shapes.set(node.id, {name: node.name, exes: node.exe});
			visit(node.children ?? []);
		}
	};
	visit(processPolicy);
	// Rules on a busy port ask about the same pairs again and again; each answer costs glob matches.
	const answers = new Map<string, boolean>();
	return (left, right) => {
		const key = `${left}\u0000${right}`;
		let answer = answers.get(key);
		if (answer === undefined) {
			const a = shapes.get(left);
			const b = shapes.get(right);
			answer = a !== undefined && b !== undefined && (containsProcess(a, b) || containsProcess(b, a));
			answers.set(key, answer);
		}
		return answer;
	};
}
