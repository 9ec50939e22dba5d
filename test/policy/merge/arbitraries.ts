import fc from 'fast-check';
import type {SpyderbatObject} from '../../../source/policy/merge/merge-inputs.js';
import type {NetworkPolicy, ProcessNode} from '../../../source/policy/merge/types.js';

/**
 * Valid workload policies, baselines and deviations drawn from small pools of
 * names, exes and peers, so that generated objects overlap the way real
 * fingerprints of one workload do: same programs, clashing ids, globs.
 */

const names = ['sh', 'bash', 'python', 'python3', 'nginx', 'curl', 'py*'];
const exes = ['/bin/sh', '/bin/dash', '/usr/bin/bash', '/usr/bin/python3', '/usr/local/bin/python3', '/usr/sbin/nginx', '/usr/bin/curl', '/usr/bin/*'];
const users = ['root', 'www', 'nobody'];
const dnsNames = ['api.example.com', '*.example.com', 'db.local', 'mongodb.svc.cluster.local'];
const cidrs = ['10.0.0.0/8', '10.1.0.0/16', '192.168.1.10/32', '8.8.8.8/32', '0.0.0.0/0', '2001:db8::/32', '2001:db8::1/128'];

export const policyUid = 'pol:property-test';
export const image = 'registry.io/app:v1';

const port = fc
	.record({protocol: fc.constantFrom('TCP' as const, 'UDP' as const), port: fc.constantFrom(22, 53, 80, 443, 5432), width: fc.constantFrom(0, 0, 0, 100)})
	.map(({protocol, port: start, width}) => (width === 0 ? {protocol, port: start} : {protocol, port: start, endPort: start + width}));

type Shape = {name: string; exe: string[]; euser?: string[]; listeningSockets?: Array<{protocol: 'TCP' | 'UDP'; port: number; endPort?: number}>; children: Shape[]};

function shape(depth: number): fc.Arbitrary<Shape> {
	return fc.record(
		{
			name: fc.constantFrom(...names),
			exe: fc.uniqueArray(fc.constantFrom(...exes), {minLength: 1, maxLength: 2}),
			euser: fc.uniqueArray(fc.constantFrom(...users), {minLength: 1, maxLength: 2}),
			listeningSockets: fc.array(port, {minLength: 1, maxLength: 2}),
			children: depth === 0 ? fc.constant([]) : fc.array(shape(depth - 1), {maxLength: 3}),
		},
		{requiredKeys: ['name', 'exe', 'children']},
	);
}

/** Ids `<name>_<n>` numbered from 0 in every tree, as spyctl numbers them, so two trees clash. */
function numbered(roots: Shape[]): {nodes: ProcessNode[]; ids: string[]} {
	const ids: string[] = [];
	const counts = new Map<string, number>();
	const build = (node: Shape, isRoot: boolean): ProcessNode => {
		const stem = node.name.replace(/\W/g, '') || 'any';
		const count = counts.get(stem) ?? 0;
		counts.set(stem, count + 1);
		const id = `${stem}_${count}`;
		ids.push(id);
		const children = node.children.map(child => build(child, false));
		return {
			name: node.name,
			exe: node.exe,
			id,
			...(isRoot ? {euser: node.euser ?? ['root']} : node.euser ? {euser: node.euser} : {}),
			...(node.listeningSockets ? {listeningSockets: node.listeningSockets} : {}),
			...(children.length > 0 ? {children} : {}),
		};
	};
	return {nodes: roots.map(root => build(root, true)), ids};
}

const peer = fc.oneof(fc.constantFrom(...cidrs).map(cidr => ({ipBlock: {cidr}})), fc.uniqueArray(fc.constantFrom(...dnsNames), {minLength: 1, maxLength: 2}).map(dnsSelector => ({dnsSelector})));

function rules(ids: readonly string[]) {
	const rule = fc.record(
		{
			peers: fc.array(peer, {minLength: 1, maxLength: 3}),
			ports: fc.array(port, {minLength: 1, maxLength: 2}),
			processes: ids.length > 0 ? fc.uniqueArray(fc.constantFrom(...ids), {minLength: 1, maxLength: 2}) : fc.constant(undefined),
		},
		{requiredKeys: ['peers', 'ports']},
	);
	return fc.array(rule, {maxLength: 4});
}

function network(ids: readonly string[]): fc.Arbitrary<NetworkPolicy> {
	return fc.record({ingress: rules(ids), egress: rules(ids)}).map(({ingress, egress}) => ({
		ingress: ingress.map(({peers, ...rest}) => ({from: peers, ...rest})),
		egress: egress.map(({peers, ...rest}) => ({to: peers, ...rest})),
	}));
}

/** A valid container policy, or a baseline when `kind` says so. */
export function workload(kind: 'SpyderbatPolicy' | 'SpyderbatBaseline' = 'SpyderbatPolicy'): fc.Arbitrary<SpyderbatObject> {
	return fc
		.record({roots: fc.array(shape(3), {minLength: 1, maxLength: 3}), latestTimestamp: fc.integer({min: 1_600_000_000, max: 1_800_000_000})})
		.chain(({roots, latestTimestamp}) => {
			const {nodes, ids} = numbered(roots);
			return network(ids).map(networkPolicy => ({
				apiVersion: 'spyderbat/v1',
				kind,
				metadata: {name: 'app', type: 'container', uid: policyUid, latestTimestamp},
				spec: {
					containerSelector: {image},
					...(kind === 'SpyderbatPolicy' ? {mode: 'audit'} : {}),
					processPolicy: nodes,
					networkPolicy,
					...(kind === 'SpyderbatPolicy' ? {response: {default: [{makeRedFlag: {severity: 'high'}}], actions: []}} : {}),
				},
			}));
		});
}

function treeIds(nodes: readonly ProcessNode[]): string[] {
	return nodes.flatMap(node => [node.id, ...treeIds(node.children ?? [])]);
}

/** A deviation of `policy`: new children under its nodes, new roots, and network rules naming either. */
export function deviationOf(policy: SpyderbatObject): fc.Arbitrary<SpyderbatObject> {
	const baseIds = treeIds((policy['spec'] as {processPolicy: ProcessNode[]}).processPolicy);
	return fc
		.record({
			underNodes: fc.array(fc.record({id: fc.constantFrom(...baseIds), children: fc.array(shape(1), {minLength: 1, maxLength: 2})}), {maxLength: 3}),
			roots: fc.array(shape(1), {maxLength: 1}),
		})
		.chain(({underNodes, roots}) => {
			const grown = underNodes.map(({id, children}) => ({id, ...numbered(children)}));
			// Children of a policyNode inherit the node's users; the numbering gave them none of their own.
			const entries = grown.map(({id, nodes}) => ({policyNode: {id, children: nodes.map(({euser: _inherits, ...node}) => node)}}));
			const newRoots = numbered(roots);
			const newIds = [...grown.flatMap(({ids}) => ids), ...newRoots.ids];
			return network([...baseIds, ...newIds]).map(networkPolicy => ({
				apiVersion: 'spyderbat/v1',
				kind: 'GuardianDeviation',
				metadata: {type: 'container', policy_uid: policyUid, checksum: 'c0ffee', uid: 'dev:property'},
				spec: {containerSelector: {image}, processPolicy: [...entries, ...newRoots.nodes], networkPolicy},
			}));
		});
}
