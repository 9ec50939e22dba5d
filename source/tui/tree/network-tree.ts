import {span} from '../tone.js';
import {treeNode, type TreeNode} from './node.js';
import type {ProcessSummary} from './process-tree.js';
import {asArray, asRecord, asTextList, fields, formatPeer, formatPort, plural} from './values.js';

const directions = [
	{name: 'ingress', peers: 'from'},
	{name: 'egress', peers: 'to'},
] as const;

/** ingress and egress rules, each with its peers, ports and the processes it names. */
export function networkNodes(networkPolicy: unknown, processes: Map<string, ProcessSummary>, keyPrefix: string): TreeNode[] {
	const policy = asRecord(networkPolicy) ?? {};
	return directions.map(direction => {
		const rules = asArray(policy[direction.name]);
		const key = `${keyPrefix}/${direction.name}`;
		const label = [span(direction.name, 'name'), span(`  ${rules.length === 0 ? 'none allowed' : plural(rules.length, 'rule')}`, 'muted')];
		return treeNode(
			key,
			label,
			rules.map((rule, index) => ruleNode(rule, direction.peers, processes, `${key}/${index}`)),
		);
	});
}

function ruleNode(value: unknown, peersKey: 'from' | 'to', processes: Map<string, ProcessSummary>, key: string): TreeNode {
	const rule = asRecord(value) ?? {};
	const peers = asArray(rule[peersKey]).map(peer => formatPeer(peer));
	const ports = asArray(rule['ports']).map(port => formatPort(port));
	const ids = asTextList(rule['processes']);
	const label = fields([
		[peersKey, peers.join('; ')],
		['ports', ports.join(', ')],
	]);
	// The label already says it all for one peer; several get a line each so none is cut off.
	const children = [
		...(peers.length > 1 ? peers.map((peer, index) => treeNode(`${key}/peer/${index}`, fields([[peersKey, peer]]))) : []),
		...(ids.length === 0
			? [treeNode(`${key}/process`, [span('process ', 'key'), span('any process in the policy', 'muted')])]
			: ids.map(id => processReference(id, processes.get(id), `${key}/process/${id}`))),
	];
	return treeNode(key, label, children);
}

function processReference(id: string, process: ProcessSummary | undefined, key: string): TreeNode {
	if (!process) return treeNode(key, [span('process ', 'key'), span(id, 'error'), span('  not in processPolicy', 'error')]);
	return treeNode(key, [span('process ', 'key'), span(process.name, 'name'), span(`  ${process.exe.join(', ')}`, 'value'), span(`  #${id}`, 'muted')]);
}
