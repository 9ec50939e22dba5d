import type {z} from 'zod';
import type {deviationProcessEntry} from '../schema/process.js';
import {globMatches} from './glob.js';
import {uniqueId} from './process-ids.js';
import {containsProcess, overlapsProcess} from './process-match.js';
import {copyNode, type Port, type ProcessTree, resolvedEusers, type TreeNode} from './process-tree.js';
import type {MergeMode, ProcessNode} from './types.js';
import {generalise} from './wildcard.js';

/** A process tree entry of any mergeable object: a node, or a deviation's new children under an existing node. */
export type ProcessEntry = z.infer<typeof deviationProcessEntry>;

/** The ids of `{policyNode: {id}}` entries that name no node of the tree; such an object cannot merge. */
export function unknownPolicyNodes(tree: ProcessTree, entries: readonly ProcessEntry[]): string[] {
	return entries.flatMap(entry => ('policyNode' in entry && !tree.byId.has(entry.policyNode.id) ? [entry.policyNode.id] : []));
}

type Merger = {tree: ProcessTree; mode: MergeMode; ids: Map<string, string>};

/**
 * Merges another object's process entries into `tree`, in place. Returns
 * where each of the other's ids ended up: the id of the node it merged into,
 * or the fresh id its copy got.
 */
export function mergeProcessEntries(tree: ProcessTree, entries: readonly ProcessEntry[], mode: MergeMode): Map<string, string> {
	const merger: Merger = {tree, mode, ids: new Map()};
	for (const entry of entries) {
		if ('policyNode' in entry) {
			// A deviation names the node it grew under: merge there, not wherever the path would first match.
			const node = tree.byId.get(entry.policyNode.id);
			if (!node) continue;
			for (const child of entry.policyNode.children) mergeInto(merger, node.children, node, child, child.euser ?? resolvedEusers(node));
		} else {
			mergeInto(merger, tree.roots, undefined, entry, entry.euser ?? []);
		}
	}
	return merger.ids;
}

/** `other` joins a sibling that covers it (asymmetric) or overlaps it (symmetric); else a copy is added. */
function mergeInto(merger: Merger, siblings: TreeNode[], parent: TreeNode | undefined, other: ProcessNode, otherEusers: readonly string[]): void {
	const match = closestSibling(siblings, other, merger.mode);
	if (match) {
		mergeNode(merger, match, other, otherEusers);
		return;
	}
	const assignId = (node: ProcessNode): string => {
		const id = uniqueId(node.id, merger.tree.byId);
		if (!merger.ids.has(node.id)) merger.ids.set(node.id, id);
		return id;
	};
	siblings.push(copyNode(merger.tree, other, parent, assignId, otherEusers.length > 0 ? otherEusers : undefined));
}

/**
 * Where `other` belongs among the siblings that cover it: the one with its
 * id, else one with its very name and exes, else the first. spyctl takes the
 * first, so a glob sibling listed earlier (`py*`) would swallow an exact
 * match listed later, and merging a policy into itself would move nodes.
 */
function closestSibling(siblings: readonly TreeNode[], other: ProcessNode, mode: MergeMode): TreeNode | undefined {
	const shape = {name: other.name, exes: other.exe};
	let first: TreeNode | undefined;
	let identical: TreeNode | undefined;
	for (const node of siblings) {
		if (!(mode === 'asymmetric' ? containsProcess(node, shape) : overlapsProcess(node, shape))) continue;
		if (node.id === other.id) return node;
		first ??= node;
		if (!identical && node.name === other.name && sameMembers(node.exes, other.exe)) identical = node;
	}
	return identical ?? first;
}

function sameMembers(left: readonly string[], right: readonly string[]): boolean {
	const rightSet = new Set(right);
	return new Set(left).size === rightSet.size && left.every(value => rightSet.has(value));
}

function mergeNode(merger: Merger, node: TreeNode, other: ProcessNode, otherEusers: readonly string[]): void {
	if (merger.mode === 'symmetric') node.name = generalise(node.name, other.name) ?? node.name;
	addExes(node, other.exe);
	addEusers(node, otherEusers);
	addSockets(node, other.listeningSockets ?? []);
	if (!merger.ids.has(other.id)) merger.ids.set(other.id, node.id);
	for (const child of other.children ?? []) mergeInto(merger, node.children, node, child, child.euser ?? otherEusers);
}

/** New exes join unless one of the node's exe globs already covers them. */
function addExes(node: TreeNode, exes: readonly string[]): void {
	for (const exe of exes) {
		if (!node.exes.includes(exe) && !node.exes.some(pattern => globMatches(pattern, exe))) node.exes.push(exe);
	}
}

/**
 * New users join the node's own set. A node that inherited its parent's users
 * gets a set of its own rather than widening the parent (spyctl shares the
 * list and so widens the parent too).
 */
function addEusers(node: TreeNode, eusers: readonly string[]): void {
	const current = resolvedEusers(node);
	const missing = eusers.filter((user, index) => !current.includes(user) && eusers.indexOf(user) === index);
	if (missing.length > 0) node.eusers = [...current, ...missing];
}

function addSockets(node: TreeNode, sockets: readonly Port[]): void {
	for (const socket of sockets) {
		if (!node.sockets.some(existing => portCovers(existing, socket))) node.sockets.push(socket);
	}
}

function portCovers(outer: Port, inner: Port): boolean {
	return outer.protocol === inner.protocol && outer.port <= inner.port && (inner.endPort ?? inner.port) <= (outer.endPort ?? outer.port);
}
