import {isRecord} from './is-record.js';
import type {PathSegment, Problem} from './problem.js';

/**
 * Rules that span several fields, which a per-field schema cannot see. They read
 * the raw value defensively so that they still run when the schema found other
 * problems: an author sees every mistake in one pass.
 */
export function crossCheckWorkload(value: Record<string, unknown>, prefix: PathSegment[] = []): Problem[] {
	const spec = value['spec'];
	if (!isRecord(spec)) return [];
	const metadata = isRecord(value['metadata']) ? value['metadata'] : {};
	return [...requiredSelector(metadata['type'], spec, [...prefix, 'spec']), ...processIdProblems(spec, [...prefix, 'spec'])];
}

const selectorForType: Record<string, string> = {
	container: 'containerSelector',
	'linux-service': 'serviceSelector',
	cluster: 'clusterSelector',
};

function requiredSelector(type: unknown, spec: Record<string, unknown>, path: PathSegment[]): Problem[] {
	if (typeof type !== 'string') return [];
	const selector = selectorForType[type];
	if (!selector || spec[selector] !== undefined) return [];
	return [{path, message: `Type is '${type}' and no '${selector}' found in spec`}];
}

/** Ids must be unique across the tree, and every network rule may only name ids the tree has. */
function processIdProblems(spec: Record<string, unknown>, path: PathSegment[]): Problem[] {
	const problems: Problem[] = [];
	const ids = new Set<string>();
	const walk = (nodes: unknown, nodesPath: PathSegment[]): void => {
		if (!Array.isArray(nodes)) return;
		for (const [index, node] of nodes.entries()) {
			if (!isRecord(node)) continue;
			const id = node['id'];
			if (typeof id === 'string') {
				if (ids.has(id)) problems.push({path: [...nodesPath, index, 'id'], message: `Duplicate id '${id}' detected.`});
				ids.add(id);
			}
			walk(node['children'], [...nodesPath, index, 'children']);
		}
	};
	walk(spec['processPolicy'], [...path, 'processPolicy']);

	// Without a process tree there is nothing to check references against; its absence is reported already.
	const network = spec['networkPolicy'];
	if (!isRecord(network) || !Array.isArray(spec['processPolicy'])) return problems;
	for (const direction of ['ingress', 'egress']) {
		const rules = network[direction];
		if (!Array.isArray(rules)) continue;
		for (const [ruleIndex, rule] of rules.entries()) {
			const processes = isRecord(rule) ? rule['processes'] : undefined;
			if (!Array.isArray(processes)) continue;
			for (const [index, id] of processes.entries()) {
				if (typeof id === 'string' && !ids.has(id)) {
					problems.push({path: [...path, 'networkPolicy', direction, ruleIndex, 'processes', index], message: `No process found with id '${id}' in processPolicy.`});
				}
			}
		}
	}
	return problems;
}
