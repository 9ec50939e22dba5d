import {describe, expect, test} from 'vitest';
import {layoutTree, visibleNodes} from '../../source/tui/tree/flatten.js';
import type {TreeNode} from '../../source/tui/tree/node.js';
import {rowTree} from '../../source/tui/tree/policy-tree.js';
import {maskUrl} from '../../source/tui/tree/response-tree.js';
import {fileRow, policyRow, spansText} from './rows.js';

/** The tree as indented text, every branch unfolded. */
function outline(nodes: readonly TreeNode[], depth = 0): string[] {
	return nodes.flatMap(node => [`${'  '.repeat(depth)}${spansText(node.label)}`, ...outline(node.children, depth + 1)]);
}

function find(nodes: readonly TreeNode[], key: string): TreeNode | undefined {
	for (const node of nodes) {
		if (node.key === key) return node;
		const inner = find(node.children, key);
		if (inner) return inner;
	}
	return undefined;
}

describe('the policy tree', () => {
	test('shows metadata, settings, selectors, the process tree, network rules and response', () => {
		expect(outline(rowTree(policyRow('alpha')))).toEqual([
			'metadata  type container  file alpha.yaml',
			'  uid pol:alpha',
			'mode audit',
			'selectors',
			'  containerSelector  image alpha:*',
			'processPolicy  2 processes',
			'  python  exe /usr/bin/python3  euser app  #python_0',
			'    sh  exe /bin/dash  #sh_0',
			'networkPolicy',
			'  ingress  none allowed',
			'  egress  1 rule',
			'    to dns db.local  ports TCP/5432',
			'      process python  /usr/bin/python3  #python_0',
			'response',
			'  default  1 action',
			'    makeRedFlag  severity high',
			'  actions  1 action',
			'    agentKillProcess',
			'      processSelector  name nc',
		]);
	});

	test('colours severities by level and statuses in the settings as plain values', () => {
		const flag = find(rowTree(policyRow('alpha')), 'response/default/0');
		expect(flag?.label.find(part => part.text === 'high')?.tone).toBe('severity:high');
	});

	test('a network rule naming a process that does not exist says so', () => {
		const row = policyRow('alpha', {networkPolicy: {ingress: [{from: [{ipBlock: {cidr: '10.0.0.0/8'}}, {dnsSelector: ['a.local']}], ports: [{protocol: 'UDP', port: 53, endPort: 60}], processes: ['ghost_0']}], egress: []}});
		const rule = find(rowTree(row), 'networkPolicy/ingress/0');
		expect(spansText(rule?.label ?? [])).toBe('from 10.0.0.0/8; dns a.local  ports UDP/53-60');
		// Two peers: each on its own line, then the process.
		expect(rule?.children.map(child => spansText(child.label))).toEqual(['from 10.0.0.0/8', 'from dns a.local', 'process ghost_0  not in processPolicy']);
		expect(rule?.children[2]?.label.some(part => part.tone === 'error')).toBe(true);
	});

	test('a rule without processes applies to any process', () => {
		const row = policyRow('alpha', {networkPolicy: {ingress: [], egress: [{to: [{ipBlock: {cidr: '0.0.0.0/0', except: ['10.0.0.0/8']}}], ports: [{protocol: 'TCP', port: 443}]}]}});
		const rule = find(rowTree(row), 'networkPolicy/egress/0');
		expect(spansText(rule?.label ?? [])).toBe('to 0.0.0.0/0 except 10.0.0.0/8  ports TCP/443');
		expect(rule?.children.map(child => spansText(child.label))).toEqual(['process any process in the policy']);
	});

	test('webhook URLs show only their host; long texts get a line of their own', () => {
		const row = policyRow('alpha', {
			response: {
				default: [{makeOpsFlag: {severity: 'low', description: 'a long explanation'}}],
				actions: [{webhook: {urlDestination: 'https://hooks.slack.com/services/T0/B0/secret', template: 'slack', namespaceSelector: {matchExpressions: [{key: 'env', operator: 'In', values: ['prod', 'qa']}]}}}],
			},
		});
		const tree = rowTree(row);
		expect(outline([find(tree, 'response/actions/0')!])).toEqual([
			'webhook  template slack',
			'  namespaceSelector  matchExpressions env In (prod, qa)',
			'  urlDestination https://hooks.slack.com/…',
		]);
		expect(spansText(find(tree, 'response/default/0/description')?.label ?? [])).toBe('description a long explanation');
		expect(maskUrl('https://example.com/')).toBe('https://example.com/');
		expect(maskUrl('not a url but long')).toBe('not a url bu…');
	});

	test('a disabled action says so', () => {
		const row = policyRow('alpha', {response: {default: [], actions: [{agentKillPod: {enabled: false, podSelector: {matchLabels: {app: 'x'}}}}]}});
		expect(spansText(find(rowTree(row), 'response/actions/0')?.label ?? [])).toBe('agentKillPod  disabled');
	});

	test('cluster and trace policies show their rulesets and allowed flags', () => {
		const cluster = policyRow('guard', {rulesets: ['prod_ruleset'], processPolicy: undefined, networkPolicy: undefined});
		expect(outline(rowTree(cluster))).toContain('rulesets  1 ruleset');
		expect(outline(rowTree(cluster))).toContain('  prod_ruleset');
		const trace = policyRow('quiet', {allowedFlags: [{class: 'redflag/proc/command'}]});
		expect(outline(rowTree(trace))).toContain('  class redflag/proc/command');
	});

	test('survives values of the wrong shape, as invalid files have', () => {
		const row = policyRow('odd', {processPolicy: ['not a process', {name: 'x', children: 'nope'}], networkPolicy: 'none', response: {default: [{}], actions: 'x'}});
		const text = outline(rowTree(row));
		expect(text).toContain('  not a process');
		expect(text).toContain('    no action in this entry');
	});

	test('a file row is its problems, each in full', () => {
		expect(outline(rowTree(fileRow('broken.yaml', 'not valid YAML or JSON: bad indentation')))).toEqual([
			'1 problem: nothing in this file is listed',
			'  broken.yaml:3:1: not valid YAML or JSON: bad indentation',
		]);
	});
});

describe('flattening and layout', () => {
	const tree = rowTree(policyRow('alpha'));

	test('folded branches hide their children', () => {
		const all = visibleNodes(tree, () => true);
		const folded = visibleNodes(tree, key => key !== 'processPolicy');
		expect(all.length - folded.length).toBe(2);
		expect(folded.find(node => node.node.key === 'processPolicy')?.expanded).toBe(false);
		expect(all.find(node => node.node.key.endsWith(':sh_0'))).toMatchObject({depth: 2, parent: all.findIndex(node => node.node.key.endsWith(':python_0'))});
	});

	test('rows get an indent and a ▾/▸ marker, and long labels wrap under themselves', () => {
		const nodes = visibleNodes(tree, key => key !== 'selectors');
		const {lines, firstLineOf} = layoutTree(nodes, 30);
		const text = lines.map(line => spansText(line.spans));
		expect(text.slice(0, 2)).toEqual(['▾ metadata  type container  ', '  file alpha.yaml']);
		expect(text).toContain('▸ selectors');
		expect(text).toContain('      sh  exe /bin/dash  #sh_0');
		expect(text.every(line => [...line].length <= 30)).toBe(true);
		expect(firstLineOf.slice(0, 3)).toEqual([0, 2, 3]);
	});

	test('wrapped nodes take several rows, all belonging to the node', () => {
		const nodes = visibleNodes(rowTree(fileRow('broken.yaml', 'not valid YAML or JSON: the flow sequence was never closed')), () => true);
		const {lines, firstLineOf} = layoutTree(nodes, 30);
		expect(lines.map(line => spansText(line.spans))).toEqual([
			'▾ 1 problem: nothing in this ',
			'  file is listed',
			'    broken.yaml:3:1: not ',
			'    valid YAML or JSON: the ',
			'    flow sequence was never ',
			'    closed',
		]);
		expect(lines.map(line => line.node)).toEqual([0, 0, 1, 1, 1, 1]);
		expect(firstLineOf).toEqual([0, 2]);
	});
});
