import type {DiffLine} from './lines.js';

/**
 * `  mode: audit` → `  mode`: the indentation, list dash and key of a
 * `key: scalar` line, or undefined for any other line (a list item, a key that
 * opens a block). Two lines with the same key changed that key's value in place.
 */
export function scalarKeyOf(text: string): string | undefined {
	const match = /^(\s*(?:- )*(?:"[^"]*"|'[^']*'|[^\s"'#{[][^:#{}[\]]*?)):\s+(\S.*)$/.exec(text);
	return match ? match[1] : undefined;
}

/**
 * Orders one block of removed lines followed by added lines so that each
 * in-place pair sits together (`- mode: audit`, `+ mode: enforce`) and marks
 * it. Both sides keep their own order, so line numbers still only grow.
 */
export function interleaveBlock(removed: readonly DiffLine[], added: readonly DiffLine[]): DiffLine[] {
	const out: DiffLine[] = [];
	let nextRemoved = 0;
	let nextAdded = 0;
	for (const [removedIndex, line] of removed.entries()) {
		const key = scalarKeyOf(line.text);
		if (key === undefined) continue;
		let addedIndex = nextAdded;
		while (addedIndex < added.length && scalarKeyOf(added[addedIndex]!.text) !== key) addedIndex++;
		if (addedIndex === added.length) continue;
		out.push(...removed.slice(nextRemoved, removedIndex), ...added.slice(nextAdded, addedIndex));
		out.push({...line, inPlace: true}, {...added[addedIndex]!, inPlace: true});
		nextRemoved = removedIndex + 1;
		nextAdded = addedIndex + 1;
	}
	out.push(...removed.slice(nextRemoved), ...added.slice(nextAdded));
	return out;
}
