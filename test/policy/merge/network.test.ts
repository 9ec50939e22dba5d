import {describe, expect, test} from 'vitest';
import {mergeNetworkPolicies, mergeNetworkPolicy, normaliseNetworkPolicy, processesAlikeIn} from '../../../source/policy/merge/network.js';
import type {NetworkPolicy, ProcessIdMap, ProcessNode} from '../../../source/policy/merge/types.js';

type Egress = NetworkPolicy['egress'][number];
type Peer = Egress['to'][number];
type Port = Egress['ports'][number];

const sameIds: ProcessIdMap = {base: id => id, other: id => id};

const tcp = (port: number, endPort?: number): Port => (endPort === undefined ? {protocol: 'TCP', port} : {protocol: 'TCP', port, endPort});
const udp = (port: number): Port => ({protocol: 'UDP', port});
const block = (cidr: string, except?: string[]): Peer => (except ? {ipBlock: {cidr, except}} : {ipBlock: {cidr}});
const dns = (...names: string[]): Peer => ({dnsSelector: names});

function egress(to: Peer[], ports: Port[], processes?: string[]): Egress {
	return processes ? {to, processes, ports} : {to, ports};
}

function mergeEgress(base: Egress[], other: Egress[], mode: 'asymmetric' | 'symmetric' = 'asymmetric', ids = sameIds): Egress[] {
	return mergeNetworkPolicy({ingress: [], egress: base}, {egress: other}, mode, ids).egress;
}

describe('IP blocks', () => {
	test('a supernet absorbs a subnet: the incoming rule merges and adds nothing', () => {
		const merged = mergeEgress([egress([block('10.0.0.0/8')], [tcp(443)], ['p'])], [egress([block('10.1.0.0/16')], [tcp(443)], ['p'])]);
		expect(merged).toEqual([egress([block('10.0.0.0/8')], [tcp(443)], ['p'])]);
	});

	test('asymmetric mode: a wider incoming block joins the rule beside the base block it covers', () => {
		const merged = mergeEgress([egress([block('10.1.0.0/16')], [tcp(443)], ['p'])], [egress([block('10.0.0.0/8')], [tcp(443)], ['p'])]);
		expect(merged).toEqual([egress([block('10.0.0.0/8'), block('10.1.0.0/16')], [tcp(443)], ['p'])]);
	});

	test('asymmetric mode: a base block also stays when the wider rule is combined with it at the end', () => {
		// With two port ranges the incoming rule is appended; the final internal merge then combines the two rules.
		const base = [egress([block('10.1.0.0/16')], [tcp(80), tcp(443)], ['p'])];
		const merged = mergeEgress(base, [egress([block('10.0.0.0/8')], [tcp(80), tcp(443)], ['p'])]);
		expect(merged).toEqual([egress([block('10.0.0.0/8'), block('10.1.0.0/16')], [tcp(80), tcp(443)], ['p'])]);
	});

	test('an incoming object\'s own blocks are cleaned up: of a block and its supernet only the supernet is added', () => {
		const merged = mergeEgress([egress([dns('a.example.com')], [tcp(443)], ['p'])], [egress([block('10.1.0.0/16'), block('10.0.0.0/8')], [tcp(443)], ['p'])]);
		expect(merged[0]!.to).toEqual([dns('a.example.com'), block('10.0.0.0/8')]);
	});

	test('a policy\'s own blocks are not cleaned up, unlike spyctl: merging it into itself must give its normal form', () => {
		const rule = egress([block('10.0.0.0/8'), block('10.1.0.0/16')], [tcp(443)], ['p']);
		expect(normaliseNetworkPolicy({ingress: [], egress: [rule]}).egress).toEqual([rule]);
	});

	test('symmetric mode replaces a block with a wider one in place', () => {
		const base = [egress([block('10.1.0.0/16'), block('8.8.8.8/32')], [tcp(443)], ['p'])];
		const merged = mergeEgress(base, [egress([block('10.0.0.0/8')], [tcp(443)], ['p'])], 'symmetric');
		expect(merged[0]!.to).toEqual([block('8.8.8.8/32'), block('10.0.0.0/8')]);
	});

	test('a block inside an `except` is not covered: with several port ranges the rule stays apart', () => {
		const base = [egress([block('10.0.0.0/8', ['10.1.0.0/16'])], [tcp(80), tcp(443)], ['p'])];
		const incoming = egress([block('10.1.2.0/24')], [tcp(80), tcp(443)], ['p']);
		expect(mergeEgress(base, [incoming])).toEqual([...base, incoming]);
	});

	test('a block inside an `except` is added next to the excepting block when a single port merges the rules', () => {
		const base = [egress([block('10.0.0.0/8', ['10.1.0.0/16'])], [tcp(443)], ['p'])];
		const merged = mergeEgress(base, [egress([block('10.1.2.0/24')], [tcp(443)], ['p'])]);
		expect(merged[0]!.to).toEqual([block('10.0.0.0/8', ['10.1.0.0/16']), block('10.1.2.0/24')]);
	});

	test('a block outside the `except` is covered', () => {
		const base = [egress([block('10.0.0.0/8', ['10.1.0.0/16'])], [tcp(80), tcp(443)], ['p'])];
		expect(mergeEgress(base, [egress([block('10.2.0.0/16')], [tcp(80)], ['p'])])).toEqual(base);
	});

	test('unlike spyctl, a block is not inside a block whose `except` cuts into it', () => {
		// spyctl would drop 10.0.0.0/8 here and forbid 10.1.0.0/16.
		const peers = [block('10.0.0.0/8'), block('10.0.0.0/8', ['10.1.0.0/16'])];
		expect(mergeEgress([], [egress(peers, [tcp(443)])])[0]!.to).toEqual([block('10.0.0.0/8')]);
	});

	test('a block is covered by a block of the other family only never', () => {
		const base = [egress([block('0.0.0.0/0')], [tcp(80), tcp(443)])];
		const incoming = egress([block('2001:db8::/32')], [tcp(80)]);
		expect(mergeEgress(base, [incoming])).toEqual([...base, incoming]);
	});
});

describe('DNS names', () => {
	test('the glob *.example.com covers api.example.com', () => {
		const base = [egress([dns('*.example.com')], [tcp(443)], ['p'])];
		expect(mergeEgress(base, [egress([dns('api.example.com')], [tcp(443)], ['p'])])).toEqual(base);
	});

	test('`*` crosses dots, as fnmatch does', () => {
		const base = [egress([dns('*.example.com')], [tcp(80), tcp(443)])];
		expect(mergeEgress(base, [egress([dns('a.b.example.com')], [tcp(443)])])).toEqual(base);
	});

	test('an uncovered name is added; names are matched case-sensitively, as fnmatch on POSIX', () => {
		const merged = mergeEgress([egress([dns('*.example.com')], [tcp(443)])], [egress([dns('API.EXAMPLE.ORG')], [tcp(443)])]);
		expect(merged[0]!.to).toEqual([dns('*.example.com'), dns('API.EXAMPLE.ORG')]);
	});

	test('symmetric mode replaces a name with a glob that matches it', () => {
		const base = [egress([dns('api.example.com'), dns('db.local')], [tcp(443)])];
		const merged = mergeEgress(base, [egress([dns('*.example.com')], [tcp(443)])], 'symmetric');
		expect(merged[0]!.to).toEqual([dns('*.example.com'), dns('db.local')]);
	});

	test('asymmetric mode keeps the name beside the glob (spyctl does not prune names within a rule)', () => {
		const merged = mergeEgress([egress([dns('api.example.com')], [tcp(443)])], [egress([dns('*.example.com')], [tcp(443)])]);
		expect(merged[0]!.to).toEqual([dns('*.example.com'), dns('api.example.com')]);
	});

	test('asymmetric mode: a base name also stays when the wider rule is combined with it at the end', () => {
		// The incoming rule has more ports, so it is appended; the final internal merge then combines the two rules.
		const merged = mergeEgress([egress([dns('api.example.com')], [udp(80)], ['p'])], [egress([dns('*.example.com')], [udp(80), tcp(22)], ['p'])]);
		expect(merged).toEqual([egress([dns('*.example.com'), dns('api.example.com')], [udp(80), tcp(22)], ['p'])]);
	});

	test("the base's own names do not replace one another, in either mode", () => {
		const base = [egress([dns('[ab]*.local')], [tcp(0, 65_535)]), egress([dns('*.local')], [tcp(22)])];
		for (const mode of ['asymmetric', 'symmetric'] as const) expect(mergeEgress(base, [], mode)[0]!.to, mode).toEqual([dns('*.local'), dns('[ab]*.local')]);
	});
});

describe('ports', () => {
	test('the range 1000-2000 covers 1500 of the same protocol', () => {
		const base = [egress([dns('a.example.com')], [tcp(1000, 2000)], ['p'])];
		const merged = mergeEgress(base, [egress([dns('b.example.com')], [tcp(1500)], ['p'])]);
		expect(merged).toEqual([egress([dns('a.example.com'), dns('b.example.com')], [tcp(1000, 2000)], ['p'])]);
	});

	test('a port outside the range is a new rule', () => {
		const base = [egress([dns('a.example.com')], [tcp(1000, 2000)], ['p'])];
		const incoming = egress([dns('b.example.com')], [tcp(2500)], ['p']);
		expect(mergeEgress(base, [incoming])).toEqual([...base, incoming]);
	});

	test('a different protocol is never merged', () => {
		const base = [egress([dns('a.example.com')], [tcp(53)], ['p'])];
		const incoming = egress([dns('a.example.com')], [udp(53)], ['p']);
		expect(mergeEgress(base, [incoming])).toEqual([...base, incoming]);
	});

	test('with several port ranges the peers must be covered too', () => {
		const base = [egress([dns('a.example.com')], [tcp(80), tcp(443)], ['p'])];
		const incoming = egress([dns('b.example.com')], [tcp(443)], ['p']);
		expect(mergeEgress(base, [incoming])).toEqual([...base, incoming]);
		expect(mergeEgress(base, [egress([dns('a.example.com')], [tcp(443)], ['p'])])).toEqual(base);
	});

	test('ports keep their order; endPort equal to port is not written', () => {
		const merged = mergeEgress([egress([dns('a.example.com')], [tcp(443), tcp(80, 80), udp(53)])], []);
		expect(merged[0]!.ports).toEqual([tcp(443), tcp(80), udp(53)]);
	});
});

describe('processes', () => {
	test('a rule for any process contains a rule for some processes; the merged rule still allows any', () => {
		const base = [egress([dns('a.example.com')], [tcp(443)])];
		const merged = mergeEgress(base, [egress([dns('b.example.com')], [tcp(443)], ['p'])]);
		expect(merged).toEqual([egress([dns('a.example.com'), dns('b.example.com')], [tcp(443)])]);
	});

	test('a rule for any process does not fit a rule for some processes', () => {
		const base = [egress([dns('a.example.com')], [tcp(80), tcp(443)], ['p'])];
		const incoming = egress([dns('b.example.com')], [tcp(80), tcp(443)]);
		expect(mergeEgress(base, [incoming])).toEqual([...base, incoming]);
	});

	test('the narrower base rule is instead merged into the appended one, as spyctl\'s internal merge does, and allows any process', () => {
		const base = [egress([dns('a.example.com')], [tcp(443)], ['p'])];
		const merged = mergeEgress(base, [egress([dns('b.example.com')], [tcp(443)])]);
		expect(merged).toEqual([egress([dns('a.example.com'), dns('b.example.com')], [tcp(443)])]);
	});

	test('processes must all be in the containing rule; merged processes are unioned and sorted', () => {
		const base = [egress([dns('a.example.com')], [tcp(443)], ['z_0', 'a_0'])];
		expect(mergeEgress(base, [egress([dns('b.example.com')], [tcp(443)], ['a_0'])])).toEqual([
			egress([dns('a.example.com'), dns('b.example.com')], [tcp(443)], ['a_0', 'z_0']),
		]);
		const incoming = egress([dns('b.example.com')], [tcp(443)], ['b_0']);
		expect(mergeEgress(base, [incoming])).toEqual([egress([dns('a.example.com')], [tcp(443)], ['a_0', 'z_0']), incoming]);
	});

	test('process references are rewritten through the id map: base and other ids that meet merge', () => {
		const ids: ProcessIdMap = {base: id => (id === 'python_0' ? 'python_1' : id), other: id => ({sh_0: 'sh_7', py_0: 'python_1'})[id] ?? id};
		const base = [egress([dns('a.example.com')], [tcp(443)], ['python_0'])];
		const merged = mergeEgress(base, [egress([dns('b.example.com')], [tcp(443)], ['py_0']), egress([dns('c.example.com')], [tcp(22)], ['sh_0'])], 'asymmetric', ids);
		expect(merged).toEqual([
			egress([dns('a.example.com'), dns('b.example.com')], [tcp(443)], ['python_1']),
			egress([dns('c.example.com')], [tcp(22)], ['sh_7']),
		]);
	});
});

describe('alike processes (processesAlikeIn)', () => {
	const tree: ProcessNode[] = [
		{name: 'python', exe: ['/usr/local/bin/python3.7'], id: 'python_0', euser: ['root'], children: [{name: 'sh', exe: ['/bin/dash'], id: 'sh_0'}]},
		{name: 'python', exe: ['/usr/bin/python3.7'], id: 'python_1', euser: ['web']},
		{name: 'java', exe: ['/usr/bin/java'], id: 'java_0', euser: ['root']},
	];
	const alike = processesAlikeIn(tree);

	test('processes with matching names and exes (by full path or file name) are alike, wherever they sit', () => {
		expect(alike('python_0', 'python_1')).toBe(true);
		expect(alike('python_0', 'java_0')).toBe(false);
		expect(alike('python_0', 'missing_0')).toBe(false);
	});

	test('a rule for an alike process merges into the base rule; without the comparison it is appended', () => {
		const base = [egress([dns('a.example.com')], [tcp(443)], ['python_0'])];
		const incoming = [egress([dns('b.example.com')], [tcp(443)], ['python_1']), egress([dns('c.example.com')], [tcp(443)], ['java_0'])];
		expect(mergeNetworkPolicy({ingress: [], egress: base}, {egress: incoming}, 'asymmetric', sameIds, alike).egress).toEqual([
			egress([dns('a.example.com'), dns('b.example.com')], [tcp(443)], ['python_0', 'python_1']),
			incoming[1],
		]);
		expect(mergeEgress(base, incoming)).toEqual([...base, ...incoming]);
	});
});

describe('output form', () => {
	test('peers: dnsSelector entries one name each (sorted), then IPv4, then IPv6, each sorted by network', () => {
		const peers = [block('2001:DB8::/32'), dns('z.example.com', 'b.example.com'), block('192.168.6.11'), block('10.0.0.0/24'), dns('a.example.com'), block('::1/128'), block('9.0.0.0/8')];
		const [rule] = normaliseNetworkPolicy({ingress: [], egress: [egress(peers, [tcp(443)])]}).egress;
		expect(rule!.to).toEqual([
			dns('a.example.com'),
			dns('b.example.com'),
			dns('z.example.com'),
			block('9.0.0.0/8'),
			block('10.0.0.0/24'),
			block('192.168.6.11/32'),
			block('::1/128'),
			block('2001:db8::/32'),
		]);
	});

	test('rules are written with peers, processes and ports in that order', () => {
		const rule = {ports: [tcp(22)], processes: ['b', 'a'], from: [block('10.0.0.0/8')]};
		const [written] = normaliseNetworkPolicy({ingress: [rule], egress: []}).ingress;
		expect(Object.keys(written!)).toEqual(['from', 'processes', 'ports']);
		expect(written!.processes).toEqual(['a', 'b']);
	});

	test('a peer spyctl cannot merge (ipBlock and dnsSelector together) is kept as written', () => {
		const anded = {ipBlock: {cidr: '10.0.0.0/8'}, dnsSelector: ['a.example.com']};
		const merged = mergeEgress([egress([anded, dns('b.example.com')], [tcp(443)])], [egress([anded], [tcp(443)])]);
		expect(merged).toEqual([egress([dns('b.example.com'), anded], [tcp(443)])]);
	});

	test('a block spyctl cannot parse (host bits set) is kept as written rather than dropped', () => {
		const merged = mergeEgress([egress([block('10.0.0.1/8')], [tcp(443)])], [egress([block('10.0.0.1/8'), block('10.0.0.0/8')], [tcp(443)])]);
		expect(merged).toEqual([egress([block('10.0.0.0/8'), block('10.0.0.1/8')], [tcp(443)])]);
	});

	test('the inputs are not modified', () => {
		const base = {ingress: [], egress: [egress([block('10.1.0.0/16'), dns('b.example.com')], [tcp(443)], ['b', 'a'])]};
		const other = {egress: [egress([block('10.0.0.0/8')], [tcp(443)], ['a'])]};
		const copies = structuredClone({base, other});
		mergeNetworkPolicy(base, other, 'symmetric', sameIds);
		expect({base, other}).toEqual(copies);
	});
});

describe('internal merge and rule order', () => {
	test('duplicate rules of one list are combined', () => {
		const rule = egress([dns('a.example.com')], [tcp(443)], ['p']);
		expect(normaliseNetworkPolicy({ingress: [], egress: [rule, rule]}).egress).toEqual([rule]);
	});

	test('a later rule that contains an earlier one is merged into it, at the earlier place, with its wider ports', () => {
		const first = egress([dns('a.example.com')], [tcp(443)], ['p']);
		const middle = egress([dns('m.example.com')], [udp(53)], ['p']);
		const wide = egress([dns('b.example.com')], [tcp(1, 1000)], ['p']);
		expect(normaliseNetworkPolicy({ingress: [], egress: [first, middle, wide]}).egress).toEqual([
			egress([dns('a.example.com'), dns('b.example.com')], [tcp(1, 1000)], ['p']),
			middle,
		]);
	});

	test('a merge that widens a rule lets it absorb rules it did not contain before', () => {
		const narrow = egress([dns('a.example.com')], [tcp(443)], ['p']);
		const other = egress([dns('c.example.com')], [tcp(80)], ['p']);
		const wide = egress([dns('b.example.com')], [tcp(1, 1000)], ['p']);
		expect(normaliseNetworkPolicy({ingress: [], egress: [narrow, other, wide]}).egress).toEqual([
			egress([dns('a.example.com'), dns('b.example.com'), dns('c.example.com')], [tcp(1, 1000)], ['p']),
		]);
	});

	test('new rules are appended after the base rules, in their own order', () => {
		const base = [egress([dns('a.example.com')], [tcp(443)], ['p'])];
		const incoming = [egress([dns('c.example.com')], [tcp(8080)], ['p']), egress([dns('b.example.com')], [tcp(22)], ['p'])];
		expect(mergeEgress(base, incoming)).toEqual([...base, ...incoming]);
	});

	test('ingress and egress are merged separately; an absent direction in the other object is nothing to add', () => {
		const base: NetworkPolicy = {ingress: [{from: [block('10.0.0.0/8')], ports: [tcp(22)]}], egress: [egress([dns('a.example.com')], [tcp(22)])]};
		expect(mergeNetworkPolicy(base, {}, 'asymmetric', sameIds)).toEqual(base);
		const merged = mergeNetworkPolicy(base, {ingress: [{from: [dns('a.example.com')], ports: [tcp(22)]}]}, 'asymmetric', sameIds);
		expect(merged.ingress).toEqual([{from: [dns('a.example.com'), block('10.0.0.0/8')], ports: [tcp(22)]}]);
		expect(merged.egress).toEqual(base.egress);
	});
});

describe('mergeNetworkPolicies', () => {
	test('merging several objects at once gives what merging them one by one gives', () => {
		const base: NetworkPolicy = {ingress: [], egress: [egress([block('10.0.0.0/8')], [tcp(443)], ['p'])]};
		const others = [
			{egress: [egress([block('10.1.0.0/16')], [tcp(443)], ['p'])]},
			{egress: [egress([dns('a.example.com')], [tcp(80)], ['q'])]},
			{egress: [egress([dns('b.example.com')], [tcp(80)], ['q'])]},
		];
		const oneByOne = others.reduce<NetworkPolicy>((policy, other) => mergeNetworkPolicy(policy, other, 'asymmetric', sameIds), base);
		expect(mergeNetworkPolicies(base, others.map(network => ({network, ids: (id: string) => id})), 'asymmetric')).toEqual(oneByOne);
	});

	test('asymmetric: a block one object added stays when a later object brings a wider one, as one by one', () => {
		const base: NetworkPolicy = {ingress: [], egress: [egress([dns('a.example.com')], [tcp(443)], ['p'])]};
		const others = [{egress: [egress([block('10.1.0.0/16')], [tcp(443)], ['p'])]}, {egress: [egress([block('10.0.0.0/8')], [tcp(443)], ['p'])]}];
		const oneByOne = others.reduce<NetworkPolicy>((policy, other) => mergeNetworkPolicy(policy, other, 'asymmetric', sameIds), base);
		expect(oneByOne.egress[0]!.to).toEqual([dns('a.example.com'), block('10.0.0.0/8'), block('10.1.0.0/16')]);
		expect(mergeNetworkPolicies(base, others.map(network => ({network, ids: (id: string) => id})), 'asymmetric')).toEqual(oneByOne);
	});

	test('each object has its own id map', () => {
		const base: NetworkPolicy = {ingress: [], egress: []};
		const others = [
			{network: {egress: [egress([dns('a.example.com')], [tcp(80)], ['x'])]}, ids: () => 'first_0'},
			{network: {egress: [egress([dns('b.example.com')], [tcp(80)], ['x'])]}, ids: () => 'second_0'},
		];
		expect(mergeNetworkPolicies(base, others, 'asymmetric').egress.map(rule => rule.processes)).toEqual([['first_0'], ['second_0']]);
	});

	// Its speed is measured in test/bench/merge.bench.ts; a unit test checks only the result.
	test('2,000 deviations merge into a policy with 1,000 rules', () => {
		const rules = Array.from({length: 1000}, (_, index) => egress([dns(`svc${index}.example.com`)], [tcp(1024 + index)], [`proc${index}_0`]));
		const deviations = Array.from({length: 2000}, (_, index) => ({
			network: {egress: [egress([block(`172.16.${index >> 8}.${index & 255}/32`)], [tcp(1024 + (index % 1500))], [`proc${index % 1000}_0`])]},
			ids: (id: string) => id,
		}));
		const merged = mergeNetworkPolicies({ingress: [], egress: rules}, deviations, 'asymmetric');
		expect(merged.egress).toHaveLength(1000 + 1000);
	});
});
