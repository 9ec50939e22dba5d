import {isRecord} from '../policy/is-record.js';

/** A workload policy document: the shape describe reads, loosely, since a server copy is not re-validated. */
type Document = {kind?: unknown; metadata?: unknown; spec?: unknown};

/**
 * `describe policy` (reference §4.10): the document's kind and metadata, then
 * its scope and summaries of its process tree and network rules, in spyctl's
 * order and words. Reverse DNS is left to the caller (`dnsMap`), which may
 * skip it.
 */
export function describePolicy(policy: Document): Record<string, unknown> {
	const spec = isRecord(policy.spec) ? policy.spec : {};
	return {
		kind: policy.kind,
		...(isRecord(policy.metadata) ? policy.metadata : {}),
		scope: Object.fromEntries(Object.entries(spec).filter(([key]) => key.endsWith('Selector'))),
		'Process Details': processDetails(records(spec['processPolicy'])),
		'Connection Details': connectionDetails(isRecord(spec['networkPolicy']) ? spec['networkPolicy'] : {}),
	};
}

function processDetails(roots: Array<Record<string, unknown>>): Record<string, unknown> {
	const processes = new Map<string, {count: number; exes: Set<string>}>();
	const users = new Set<string>();
	let nodes = 0;
	const visit = (node: Record<string, unknown>) => {
		nodes++;
		const name = String(node['name'] ?? '');
		const entry = processes.get(name) ?? {count: 0, exes: new Set<string>()};
		entry.count++;
		for (const exe of strings(node['exe'])) entry.exes.add(exe);
		processes.set(name, entry);
		for (const user of strings(node['euser'])) users.add(user);
		for (const child of records(node['children'])) visit(child);
	};
	for (const root of roots) visit(root);
	return {
		'Total process nodes': nodes,
		'Effective users': sorted(users),
		Processes: Object.fromEntries(
			[...processes.keys()].sort(byText).map(name => {
				const {count, exes} = processes.get(name)!;
				return [name, {count, exes: sorted(exes)}];
			}),
		),
	};
}

function connectionDetails(network: Record<string, unknown>): Record<string, unknown> {
	const ingress = records(network['ingress']);
	const egress = records(network['egress']);
	const ports = new Set<number>();
	for (const rule of [...ingress, ...egress]) for (const port of records(rule['ports'])) if (typeof port['port'] === 'number') ports.add(port['port']);
	return {
		'Total connection nodes': ingress.length + egress.length,
		'Ports used': [...ports].sort((a, b) => a - b),
		Ingress: directionDetails(ingress, 'from'),
		Egress: directionDetails(egress, 'to'),
	};
}

/** Who talks to whom in one direction: every peer, port and process of its rules, once each. */
function directionDetails(rules: Array<Record<string, unknown>>, peerKey: 'from' | 'to'): Record<string, unknown> {
	const peers = new Set<string>();
	const ports = new Set<string>();
	const processes = new Set<string>();
	for (const rule of rules) {
		for (const peer of records(rule[peerKey])) for (const text of peerTexts(peer)) peers.add(text);
		for (const port of records(rule['ports'])) ports.add(portText(port));
		for (const process of strings(rule['processes'])) processes.add(process);
	}
	return {Peers: sorted(peers), Ports: sorted(ports), Processes: sorted(processes)};
}

function peerTexts(peer: Record<string, unknown>): string[] {
	const texts = strings(peer['dnsSelector']);
	const block = peer['ipBlock'];
	if (isRecord(block) && typeof block['cidr'] === 'string') {
		const except = strings(block['except']);
		texts.push(except.length > 0 ? `${block['cidr']} except ${except.join(', ')}` : block['cidr']);
	}
	return texts;
}

/** `443/TCP`, or `8000-8080/TCP` for a range. */
function portText(port: Record<string, unknown>): string {
	const range = port['endPort'] !== undefined && port['endPort'] !== port['port'] ? `${String(port['port'])}-${String(port['endPort'])}` : String(port['port']);
	return `${range}/${String(port['protocol'] ?? 'TCP')}`;
}

/**
 * The single addresses (`/32`, `/128`) and DNS names of a policy's peers:
 * what `dnsMap` can look up. Wider blocks name no one host.
 */
export function lookupTargets(policy: Document): {ips: string[]; hostnames: string[]} {
	const spec = isRecord(policy.spec) ? policy.spec : {};
	const network = isRecord(spec['networkPolicy']) ? spec['networkPolicy'] : {};
	const ips = new Set<string>();
	const hostnames = new Set<string>();
	const rules = [...records(network['ingress']).flatMap(rule => records(rule['from'])), ...records(network['egress']).flatMap(rule => records(rule['to']))];
	for (const peer of rules) {
		for (const name of strings(peer['dnsSelector'])) hostnames.add(name);
		const block = peer['ipBlock'];
		const cidr = isRecord(block) && typeof block['cidr'] === 'string' ? block['cidr'] : '';
		const [address, bits] = cidr.split('/');
		if (address && ((bits === '32' && !address.includes(':')) || (bits === '128' && address.includes(':')))) ips.add(address);
	}
	return {ips: sorted(ips), hostnames: sorted(hostnames)};
}

function records(value: unknown): Array<Record<string, unknown>> {
	return Array.isArray(value) ? value.filter(item => isRecord(item)) : [];
}

function strings(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function byText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function sorted(values: Iterable<string>): string[] {
	return [...values].sort(byText);
}
