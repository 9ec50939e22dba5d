import {toYaml} from '../../source/policy/dump.js';

/**
 * A policy of the size a busy host produces: `processCount` nodes in trees
 * nine wide and four deep, and `ruleCount` network rules that name them.
 */
export function largePolicy(processCount: number, ruleCount: number): Record<string, unknown> {
	let next = 0;
	const node = (depth: number): Record<string, unknown> => {
		const id = next++;
		const children: Array<Record<string, unknown>> = [];
		while (depth < 3 && children.length < 9 && next < processCount) children.push(node(depth + 1));
		return {
			name: `proc${id}`,
			exe: [`/usr/bin/proc${id}`],
			id: `proc${id}_0`,
			...(depth === 0 ? {euser: ['root']} : {}),
			...(children.length > 0 ? {children} : {}),
		};
	};
	const processPolicy = [];
	while (next < processCount) processPolicy.push(node(0));
	const rule = (index: number) => ({
		ports: [{protocol: index % 2 ? 'UDP' : 'TCP', port: 1024 + (index % 60_000)}],
		processes: [`proc${index % processCount}_0`],
	});
	const half = Math.floor(ruleCount / 2);
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatPolicy',
		metadata: {name: 'large-policy', type: 'container', latestTimestamp: 1_700_000_000},
		spec: {
			containerSelector: {image: 'registry.example.com/large:*'},
			mode: 'audit',
			processPolicy,
			networkPolicy: {
				ingress: Array.from({length: half}, (_, index) => ({from: [{ipBlock: {cidr: `10.${index >> 8}.${index & 255}.0/24`}}], ...rule(index)})),
				egress: Array.from({length: ruleCount - half}, (_, index) => ({to: [{dnsSelector: [`svc${index}.example.com`]}], ...rule(index)})),
			},
			response: {default: [{makeRedFlag: {severity: 'high'}}], actions: []},
		},
	};
}

export function largePolicyYaml(processCount: number, ruleCount: number): string {
	return toYaml(largePolicy(processCount, ruleCount));
}
