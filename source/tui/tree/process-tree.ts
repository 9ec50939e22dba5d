import {span} from '../tone.js';
import {treeNode, type TreeNode} from './node.js';
import {asArray, asRecord, asText, asTextList, fields, formatPort} from './values.js';

export type ProcessSummary = {name: string; exe: string[]};

/** processPolicy as the tree it is: `name  exe …  euser …  id`, children nested. */
export function processNodes(processPolicy: unknown, keyPrefix: string): TreeNode[] {
	return asArray(processPolicy).map((entry, index) => processNode(entry, `${keyPrefix}/${index}`));
}

function processNode(value: unknown, key: string): TreeNode {
	const process = asRecord(value);
	if (!process) return treeNode(key, [span(asText(value), 'error')]);
	const sockets = asArray(process['listeningSockets']).map(socket => formatPort(socket));
	const label = [
		span(asText(process['name']) || '(no name)', 'name'),
		span('  '),
		...fields([
			['exe', asTextList(process['exe']).join(', ')],
			['euser', asTextList(process['euser']).join(', ')],
			['listens', sockets.join(', ')],
		]),
		span(`  #${asText(process['id'])}`, 'muted'),
	];
	const nodeKey = `${key}:${asText(process['id'])}`;
	return treeNode(nodeKey, label, processNodes(process['children'], nodeKey));
}

/** Every process by id, so network rules can say which process they mean. */
export function processIndex(processPolicy: unknown): Map<string, ProcessSummary> {
	const index = new Map<string, ProcessSummary>();
	const visit = (entries: unknown): void => {
		for (const entry of asArray(entries)) {
			const process = asRecord(entry);
			if (!process) continue;
			index.set(asText(process['id']), {name: asText(process['name']), exe: asTextList(process['exe'])});
			visit(process['children']);
		}
	};
	visit(processPolicy);
	return index;
}

export function countProcesses(processPolicy: unknown): number {
	return asArray(processPolicy).reduce<number>((total, entry) => total + 1 + countProcesses(asRecord(entry)?.['children']), 0);
}
