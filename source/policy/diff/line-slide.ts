import type {LineRun} from './line-runs.js';

/**
 * Where a block of added (or removed) lines sits when it could sit in several
 * places. Inserting a peer before an equal-looking one,
 *
 *     - dnsSelector:                       + - dnsSelector:
 *   +   - backups-dr.s3.example.com        +   - backups-dr.s3.example.com
 *   + - dnsSelector:            reads as     - dnsSelector:
 *       - backups.s3.example.com               - backups.s3.example.com
 *
 * which is the same edit. As git's indent heuristic does, the block is slid
 * to where it begins at its own outermost indentation and the line after it
 * is no deeper: a whole list item or mapping entry, not the end of one and
 * the start of the next. Among equally good places the diff's own stays.
 */
export function slideBlocks(runs: LineRun[]): LineRun[] {
	for (let index = 1; index < runs.length; index++) {
		const run = runs[index]!;
		const before = runs[index - 1]!;
		if (run.kind === 'same' || before.kind !== 'same') continue;
		// A block at the end may slide up: the lines it leaves go to an empty run after it.
		if (index === runs.length - 1) runs.push({kind: 'same', lines: []});
		const after = runs[index + 1]!;
		if (after.kind !== 'same') continue;
		slide(before.lines, run.lines, after.lines);
	}
	// A block slid to the very start or end of the lines around it leaves them empty: its neighbours then join.
	const joined: LineRun[] = [];
	for (const run of runs) {
		if (run.lines.length === 0) continue;
		const last = joined.at(-1);
		if (last?.kind === run.kind) last.lines.push(...run.lines);
		else joined.push(run);
	}
	return joined;
}

/** Moves the block within the same lines around it to its best place. The arrays are changed in place. */
function slide(above: string[], block: string[], below: string[]): void {
	// The block can move up while the line above it equals its last line, and down while the line below equals its first.
	let up = 0;
	while (up < above.length && up < block.length && above[above.length - 1 - up] === block[block.length - 1 - up]) up++;
	let down = 0;
	while (down < below.length && down < block.length && below[down] === block[down]) down++;
	if (up === 0 && down === 0) return;
	// The lines the block can range over, and where it starts among them now.
	const span = [...above.slice(above.length - up), ...block, ...below.slice(0, down)];
	const scoreAt = (start: number) => score(span, start, block.length, start + block.length < span.length ? span[start + block.length] : below[down]);
	let best = up;
	let bestScore = scoreAt(up);
	for (let start = 0; start <= up + down; start++) {
		const value = scoreAt(start);
		if (value > bestScore) {
			best = start;
			bestScore = value;
		}
	}
	if (best === up) return;
	above.splice(above.length - up, up, ...span.slice(0, best));
	block.splice(0, block.length, ...span.slice(best, best + block.length));
	below.splice(0, down, ...span.slice(best + block.length));
}

function score(span: readonly string[], start: number, length: number, next: string | undefined): number {
	const first = indentOf(span[start]!);
	let outermost = true;
	for (let index = start; index < start + length; index++) if (indentOf(span[index]!) < first) outermost = false;
	return (outermost ? 2 : 0) + (next === undefined || indentOf(next) <= first ? 1 : 0);
}

function indentOf(line: string): number {
	return line.length - line.trimStart().length;
}
