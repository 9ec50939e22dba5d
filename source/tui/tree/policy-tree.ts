import type {LocalRow} from '../../operations/local-folder.js';
import {formatFileProblem} from '../../policy/problem.js';
import type {Row} from '../server-rows.js';
import {span} from '../tone.js';
import {networkNodes} from './network-tree.js';
import {treeNode, type TreeNode} from './node.js';
import {draftNodes} from './draft-tree.js';
import {countProcesses, processIndex, processNodes} from './process-tree.js';
import {responseNodes} from './response-tree.js';
import {selectorNodes} from './selectors.js';
import {asArray, asRecord, asText, fields, formatTimestamp, plural} from './values.js';

/** Spec switches shown on the settings line, in spyctl's order. */
const switches = ['mode', 'enabled', 'disableProcesses', 'disableConnections', 'disablePrivateConnections', 'disablePublicConnections'];

/** Metadata fields with a line of their own; any others are listed after them. */
const shownMetadata = new Set(['name', 'type', 'uid', 'version', 'creationTimestamp', 'createdBy', 'lastUpdatedTimestamp', 'lastUpdatedBy', 'latestTimestamp']);

const cache = new WeakMap<Row, TreeNode[]>();

/** The detail tree of a row; rows are immutable, so each tree is built once. */
export function rowTree(row: Row): TreeNode[] {
	let tree = cache.get(row);
	if (!tree) {
		if (row.kind === 'server') tree = [...draftNodes(row), ...policyNodes(row.value)];
		else tree = row.kind === 'file' ? problemNodes(row) : [...problemNodes(row), ...policyNodes(row.value, row.file)];
		cache.set(row, tree);
	}
	return tree;
}

function problemNodes(row: LocalRow): TreeNode[] {
	if (row.problems.length === 0) return [];
	const count = plural(row.problems.length, 'problem');
	const heading = row.kind === 'file' ? `${count}: nothing in this file is listed` : `${count}: spyctl would reject this policy`;
	const problems = row.problems.map((problem, index) => treeNode(`problems/${index}`, [span(formatFileProblem(problem), 'error')]));
	return [treeNode('problems', [span(heading, 'error')], problems)];
}

function policyNodes(value: Record<string, unknown>, file?: string): TreeNode[] {
	const metadata = asRecord(value['metadata']) ?? {};
	const spec = asRecord(value['spec']) ?? {};
	const nodes: TreeNode[] = [metadataNode(metadata, file)];

	const settings = fields(switches.map(name => [name, spec[name] === undefined ? undefined : asText(spec[name])]));
	if (settings.length > 0) nodes.push(treeNode('settings', settings));

	const selectors = selectorNodes(spec, 'selectors');
	if (selectors.length > 0) nodes.push(treeNode('selectors', [span('selectors', 'heading')], selectors));

	if (spec['processPolicy'] !== undefined) {
		const label = [span('processPolicy', 'heading'), span(`  ${plural(countProcesses(spec['processPolicy']), 'process')}`, 'muted')];
		nodes.push(treeNode('processPolicy', label, processNodes(spec['processPolicy'], 'processPolicy')));
	}
	if (spec['networkPolicy'] !== undefined) {
		const processes = processIndex(spec['processPolicy']);
		nodes.push(treeNode('networkPolicy', [span('networkPolicy', 'heading')], networkNodes(spec['networkPolicy'], processes, 'networkPolicy')));
	}
	if (spec['rulesets'] !== undefined) {
		const rulesets = asArray(spec['rulesets']);
		const label = [span('rulesets', 'heading'), span(`  ${plural(rulesets.length, 'ruleset')}`, 'muted')];
		nodes.push(treeNode('rulesets', label, rulesets.map((name, index) => treeNode(`rulesets/${index}`, [span(asText(name), 'name')]))));
	}
	if (spec['allowedFlags'] !== undefined) {
		const flags = asArray(spec['allowedFlags']).map((flag, index) => treeNode(`allowedFlags/${index}`, fields([['class', asText(asRecord(flag)?.['class'] ?? flag)]])));
		nodes.push(treeNode('allowedFlags', [span('allowedFlags', 'heading')], flags));
	}
	if (spec['response'] !== undefined) nodes.push(treeNode('response', [span('response', 'heading')], responseNodes(spec['response'], 'response')));
	return nodes;
}

function metadataNode(metadata: Record<string, unknown>, file: string | undefined): TreeNode {
	const time = (key: string, by?: string) => {
		if (metadata[key] === undefined) return undefined;
		const who = by === undefined || metadata[by] === undefined ? '' : ` by ${asText(metadata[by])}`;
		return `${formatTimestamp(metadata[key])}${who}`;
	};
	const children = [
		metadata['uid'] === undefined
			? treeNode('metadata/uid', [span('uid ', 'key'), span('none: not applied to Spyderbat yet', 'muted')])
			: treeNode('metadata/uid', fields([['uid', asText(metadata['uid'])], ['version', asText(metadata['version'])]])),
		treeNode('metadata/times', fields([['created', time('creationTimestamp', 'createdBy')], ['latest', time('latestTimestamp')]])),
		treeNode('metadata/updated', fields([['updated', time('lastUpdatedTimestamp', 'lastUpdatedBy')]])),
		...Object.entries(metadata)
			.filter(([key]) => !shownMetadata.has(key))
			.map(([key, field]) => treeNode(`metadata/${key}`, fields([[key, asText(field)]]))),
	];
	const label = [span('metadata', 'heading'), span('  '), ...fields([['type', asText(metadata['type'])], ['file', file]])];
	return treeNode('metadata', label, children.filter(node => node.label.length > 0));
}
