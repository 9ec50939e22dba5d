import fc from 'fast-check';
import type {JsonObject} from '../helpers.js';

/**
 * Small workload policies whose names, exes, peers and ports come from short
 * lists, so that a policy and the object merged into it often overlap: merges
 * then widen existing nodes and rules instead of only appending new ones.
 */
const processName = fc.constantFrom('bash', 'sh', 'python', 'nginx', 'curl');
const exeFolder = fc.constantFrom('/bin/', '/usr/bin/', '/usr/local/bin/');
const user = fc.constantFrom('root', 'www-data', 'nobody');

type Shape = {name: string; folders: string[]; children: Shape[]};

function shape(depth: number): fc.Arbitrary<Shape> {
	return fc.record({
		name: processName,
		folders: fc.uniqueArray(exeFolder, {minLength: 1, maxLength: 2}),
		children: depth === 0 ? fc.constant([]) : fc.array(shape(depth - 1), {maxLength: 2}),
	});
}

const root = fc.record({shape: shape(2), eusers: fc.uniqueArray(user, {minLength: 1, maxLength: 2})});

const peer = fc.oneof(
	// Blocks nest (0.0.0.0/0 ⊃ 10.0.0.0/8 ⊃ 10.1.0.0/16 ⊃ 10.1.2.3/32): a wider incoming block must join the base's narrower one, not replace it.
	fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '10.1.0.0/16', '10.1.2.3/32', '172.16.0.0/12', '192.168.1.0/24', '192.168.1.7/32', '8.8.8.8/32').map(cidr => ({ipBlock: {cidr}})),
	fc.uniqueArray(fc.constantFrom('db.local', 'api.example.com', 'cache.local', '*.example.com', '*.local'), {minLength: 1, maxLength: 2}).map(dnsSelector => ({dnsSelector})),
);
const port = fc.record({protocol: fc.constantFrom('TCP', 'UDP'), port: fc.constantFrom(22, 53, 80, 443)});
function rule(minimumProcesses: number) {
	return fc.record({
		peers: fc.array(peer, {minLength: 1, maxLength: 2}),
		ports: fc.uniqueArray(port, {minLength: 1, maxLength: 2, selector: ({protocol, port: number}) => `${protocol}/${number}`}),
		processPicks: fc.array(fc.nat(), {minLength: minimumProcesses, maxLength: 2}),
	});
}

type Rule = {peers: unknown[]; ports: unknown[]; processPicks: number[]};

/**
 * Children carry no euser, and roots have names of their own (so normalising
 * merges no roots and gives no child a list of its own): spyctl leaves a
 * child's euser out when it equals its parent's, so a merge that widens a
 * parent can drop a child's list, a rewrite rather than an addition.
 */
function numbered(roots: Array<{shape: Shape; eusers: string[]}>): {nodes: JsonObject[]; ids: string[]} {
	const ids: string[] = [];
	const build = (node: Shape, eusers?: string[]): JsonObject => {
		const id = `${node.name}_${ids.length}`;
		ids.push(id);
		const children = node.children.map(child => build(child));
		return {name: node.name, exe: node.folders.map(folder => `${folder}${node.name}`), id, ...(eusers ? {euser: eusers} : {}), ...(children.length > 0 ? {children} : {})};
	};
	return {nodes: roots.map(entry => build(entry.shape, entry.eusers)), ids};
}

function rules(list: Rule[], ids: string[], peerKey: 'from' | 'to'): JsonObject[] {
	return list.map(({peers, ports, processPicks}) => {
		const processes = [...new Set(processPicks.map(pick => ids[pick % ids.length]!))];
		return {[peerKey]: peers, ports, ...(processes.length > 0 && ids.length > 0 ? {processes} : {})} as JsonObject;
	});
}

/**
 * A valid container policy (or baseline) for the image `web`. `anyProcess`
 * allows rules without `processes`: merged into a rule for named processes,
 * such a rule widens it to any process by dropping its `processes` key, which
 * a structural diff reports as a removal although the policy allows more.
 */
export function workload(kind: 'SpyderbatPolicy' | 'SpyderbatBaseline', {anyProcess}: {anyProcess: boolean}): fc.Arbitrary<JsonObject> {
	const networkRule = rule(anyProcess ? 0 : 1);
	return fc.record({roots: fc.uniqueArray(root, {minLength: 1, maxLength: 3, selector: entry => entry.shape.name}), ingress: fc.array(networkRule, {maxLength: 3}), egress: fc.array(networkRule, {maxLength: 3})}).map(({roots, ingress, egress}) => {
		const {nodes, ids} = numbered(roots);
		return {
			apiVersion: 'spyderbat/v1',
			kind,
			metadata: {name: 'web', type: 'container', latestTimestamp: 1_700_000_000},
			spec: {
				containerSelector: {image: 'web'},
				...(kind === 'SpyderbatPolicy' ? {mode: 'audit'} : {}),
				processPolicy: nodes,
				networkPolicy: {ingress: rules(ingress, ids, 'from'), egress: rules(egress, ids, 'to')},
				...(kind === 'SpyderbatPolicy' ? {response: {default: [{makeRedFlag: {severity: 'high'}}], actions: []}} : {}),
			},
		} as JsonObject;
	});
}
