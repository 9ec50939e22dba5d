import {type Document, isMap, isScalar, isSeq, LineCounter, parseAllDocuments} from 'yaml';
import type {PathSegment} from './problem.js';

export type Position = {line: number; column: number};

/**
 * The text a set of objects was loaded from. Parsing with positions is about ten
 * times slower than a plain load, so the positional parse happens only when a
 * problem has to be placed on a line.
 */
export class SourceText {
	private parsed?: {documents: Document.Parsed[]; lines: LineCounter};

	constructor(
		readonly file: string,
		readonly text: string,
	) {}

	documents(): Document.Parsed[] {
		return this.parse().documents;
	}

	positionOf(offset: number): Position {
		const {line, col} = this.parse().lines.linePos(offset);
		return {line, column: col};
	}

	/**
	 * Where a path points in document `documentIndex`. A path that runs past what
	 * the text holds (a missing field) lands on the deepest node that exists.
	 */
	locate(documentIndex: number, path: readonly PathSegment[], atKey = false): Position | undefined {
		const document = this.documents()[documentIndex];
		return document ? locateInDocument(document, this.parse().lines, path, atKey) : undefined;
	}

	private parse() {
		if (!this.parsed) {
			const lines = new LineCounter();
			const documents = parseAllDocuments(this.text, {lineCounter: lines, uniqueKeys: true});
			this.parsed = {documents: Array.isArray(documents) ? documents : [], lines};
		}
		return this.parsed;
	}
}

/** The same for any parsed YAML document, such as a config file held open for editing. */
export function locateInDocument(document: Document, lines: LineCounter, path: readonly PathSegment[], atKey = false): Position | undefined {
	let node: unknown = document.contents;
	let offset = rangeStart(node);
	for (const [index, segment] of path.entries()) {
		const last = index === path.length - 1;
		if (isMap(node)) {
			const pair = node.items.find(item => (isScalar(item.key) ? item.key.value : item.key) === segment);
			if (!pair) break;
			if (last && atKey) {
				offset = rangeStart(pair.key) ?? offset;
				break;
			}
			node = pair.value;
			offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
		} else if (isSeq(node) && typeof segment === 'number') {
			node = node.items[segment];
			if (node === undefined) break;
			offset = rangeStart(node) ?? offset;
		} else {
			break;
		}
	}
	if (offset === undefined) return undefined;
	const {line, col} = lines.linePos(offset);
	return {line, column: col};
}

function rangeStart(node: unknown): number | undefined {
	const range = (node as {range?: [number, number, number]} | null | undefined)?.range;
	return range?.[0];
}
