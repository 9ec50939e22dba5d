import {type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node} from 'yaml';

export type LinePosition = {line: number; col: number};

/**
 * The line and column of the value at `path`, or of the nearest enclosing node
 * that exists when the path leads somewhere missing (a required field). With
 * `atKey`, a map entry is reported at its key, which reads better for
 * "unknown field" errors.
 */
export function locatePath(
	document: Document,
	lineCounter: LineCounter,
	path: readonly PropertyKey[],
	atKey = false,
): LinePosition | undefined {
	let node: unknown = document.contents;
	let found: Node | undefined = isNode(node) ? node : undefined;
	for (const [index, segment] of path.entries()) {
		const last = index === path.length - 1;
		if (isMap(node)) {
			const pair = node.items.find(item => isPair(item) && isScalar(item.key) && item.key.value === segment);
			if (!pair) break;
			const key = isNode(pair.key) ? pair.key : undefined;
			if (last && atKey && key) return position(key, lineCounter);
			node = pair.value;
			found = isNode(node) ? node : key;
		} else if (isSeq(node) && typeof segment === 'number') {
			node = node.items[segment];
			if (!isNode(node)) break;
			found = node;
		} else {
			break;
		}
	}
	return found ? position(found, lineCounter) : undefined;
}

function isNode(value: unknown): value is Node {
	return isMap(value) || isSeq(value) || isScalar(value);
}

function position(node: Node, lineCounter: LineCounter): LinePosition | undefined {
	return node.range ? lineCounter.linePos(node.range[0]) : undefined;
}
