import {diffDumps} from '../../source/policy/diff/line-diff.js';
import {diffPolicies} from '../../source/policy/diff/policy-diff.js';
import {renderTextDiff} from '../../source/policy/diff/text-render.js';
import {toYaml} from '../../source/policy/dump.js';
import {type Figure, medianMs} from './figure.js';
import {largePolicy} from './large-policy.js';

type Node = {name: string; exe: string[]; id: string; children?: Node[]};
type Rule = {ports: unknown[]; processes: string[]; to?: unknown[]; from?: unknown[]};
type Spec = {processPolicy: Node[]; networkPolicy: {ingress: Rule[]; egress: Rule[]}};

/**
 * What a merge of a busy day's deviations does to a large policy: new child
 * processes, new exes on existing ones, widened rules, new rules, and (as a
 * draft against the server copy may) one removed subtree of ten nodes.
 */
function evolved(policy: Record<string, unknown>): Record<string, unknown> {
	const copy = structuredClone(policy);
	const spec = copy['spec'] as Spec;
	for (const [index, root] of spec.processPolicy.entries()) {
		if (index % 10 === 0) root.exe.push(`/opt/bin/${root.name}`);
		if (index % 15 === 0) (root.children ??= []).push({name: `new${index}`, exe: [`/usr/bin/new${index}`], id: `new${index}_0`});
	}
	spec.processPolicy[0]!.children![1]!.children!.splice(2, 1);
	for (const [index, rule] of spec.networkPolicy.egress.entries()) if (index % 10 === 0) rule.processes.push('proc0_0');
	spec.networkPolicy.ingress.push({from: [{ipBlock: {cidr: '172.16.0.0/12'}}], ports: [{protocol: 'TCP', port: 8443}], processes: ['proc1_0']});
	return copy;
}

function textDiff(before: Record<string, unknown>, after: Record<string, unknown>): string {
	return renderTextDiff(diffDumps(before, after), diffPolicies(before, after).counts, {full: false, color: true});
}

export default async function diffBench(): Promise<Figure[]> {
	const before = largePolicy(1050, 100);
	const after = evolved(before);
	const lines = Math.min(toYaml(before).split('\n').length, toYaml(after).split('\n').length);
	if (lines < 5000) throw new Error(`the bench policies have ${lines} lines, fewer than 5,000`);
	return [{name: `text diff of two ${lines.toLocaleString('en-US')}-line policies (summary, counts)`, value: medianMs(() => textDiff(before, after)), unit: 'ms', target: 100, better: 'lower'}];
}
