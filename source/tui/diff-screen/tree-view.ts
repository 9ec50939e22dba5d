import type {Change} from '../../policy/diff/changes.js';
import {toYaml} from '../../policy/dump.js';
import type {PathSegment} from '../../policy/problem.js';
import {span, type Span, type Tone} from '../tone.js';
import type {DisplayLine} from './display-line.js';

type TreeNode = {segment: PathSegment; children: TreeNode[]; change?: Change};

const marks: Record<Change['kind'], {sign: string; tone: Tone}> = {
	added: {sign: '+', tone: 'success'},
	removed: {sign: '-', tone: 'error'},
	changed: {sign: '~', tone: 'warn'},
};

/**
 * The structured view: only the paths that changed, as a tree of the policy's
 * keys, each change a node marked added (+), removed (-) or changed (~). List
 * items are named by their `name` or `id`, so `[3]` reads as the process it is.
 */
export function treeView(changes: readonly Change[], before: unknown, after: unknown): DisplayLine[] {
	const root: TreeNode = {segment: '', children: []};
	for (const change of changes) insert(root, change);
	const lines: DisplayLine[] = [];
	for (const child of root.children) draw(child, [], 0, {before, after}, lines);
	if (lines.length === 0) lines.push({spans: [span('  no differences', 'muted')]});
	return lines;
}

function insert(root: TreeNode, change: Change): void {
	let node = root;
	for (const segment of change.path) {
		let child = node.children.find(entry => entry.segment === segment && !entry.change);
		if (!child) {
			child = {segment, children: []};
			node.children.push(child);
		}
		node = child;
	}
	if (change.path.length === 0) root.children.push({segment: '(document)', children: [], change});
	else node.change = change;
}

function draw(node: TreeNode, path: PathSegment[], depth: number, sides: {before: unknown; after: unknown}, lines: DisplayLine[]): void {
	const here = [...path, node.segment];
	const indent = '  '.repeat(depth);
	const label = labelOf(node.segment, here, node.change?.kind === 'removed' ? sides.before : sides.after);
	if (!node.change) {
		lines.push({spans: [span(`  ${indent}${label}`, 'key')]});
		for (const child of node.children) draw(child, here, depth + 1, sides, lines);
		return;
	}
	const {kind} = node.change;
	const {sign, tone} = marks[kind];
	if (kind === 'changed' && isScalar(node.change.before) && isScalar(node.change.after)) {
		lines.push({spans: [span(`${sign} ${indent}${label}: ${scalarText(node.change.before)} → ${scalarText(node.change.after)}`, tone)], change: true});
		return;
	}
	const value = kind === 'removed' ? node.change.before : node.change.after;
	if (isScalar(value)) {
		lines.push({spans: [span(`${sign} ${indent}${label}: ${scalarText(value)}`, tone)], change: true});
		return;
	}
	lines.push({spans: [span(`${sign} ${indent}${label}`, tone), span(`  ${kind}`, 'muted')], change: true});
	if (kind === 'changed') lines.push(...valueLines(node.change.before, marks.removed, `${indent}  `), ...valueLines(value, marks.added, `${indent}  `));
	else lines.push(...valueLines(value, {sign, tone}, `${indent}  `));
}

/** A whole added or removed value, as the YAML it would be in the file. */
function valueLines(value: unknown, mark: {sign: string; tone: Tone}, indent: string): DisplayLine[] {
	const text = isScalar(value) ? scalarText(value) : toYaml(value).trimEnd();
	return text.split('\n').map(line => ({spans: [span(`${mark.sign} ${indent}${line}`, mark.tone)] as Span[]}));
}

function labelOf(segment: PathSegment, path: readonly PathSegment[], document: unknown): string {
	if (typeof segment !== 'number') return String(segment);
	const item = valueAt(document, path);
	if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
		const record = item as Record<string, unknown>;
		const name = record['name'] ?? record['id'];
		if (typeof name === 'string') return `[${segment}] ${name}`;
	}
	return `[${segment}]`;
}

function valueAt(document: unknown, path: readonly PathSegment[]): unknown {
	let value = document;
	for (const segment of path) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string | number, unknown>)[segment];
	}
	return value;
}

function isScalar(value: unknown): boolean {
	return value === null || value === undefined || typeof value !== 'object';
}

function scalarText(value: unknown): string {
	return value === undefined ? '(none)' : JSON.stringify(value);
}
