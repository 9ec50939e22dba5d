import type {DiffLine} from './lines.js';

/**
 * What a diff view shows: lines, and unchanged stretches folded into a gap
 * (`...` in the CLI). A gap names the hidden lines, `lines[start]` up to but
 * not including `lines[end]`, so a viewer can unfold it.
 */
export type DiffRow = {kind: 'line'; index: number; line: DiffLine} | {kind: 'gap'; start: number; end: number};

/** Lines around each kept line that stay visible, as spyctl keeps them. */
const summaryContext = 5;

/** Top-level keys a reader needs to see to know where a change is (spyctl's summary keeps them). */
const landmark = /^(?:processPolicy|networkPolicy|ingress|egress)\b/;

/**
 * spyctl's diff summary (reference §4.7): everything up to and including the
 * `spec:` line, every added or removed line, and the processPolicy /
 * networkPolicy / ingress / egress lines, each with `context` lines either side.
 */
export function summaryRows(lines: readonly DiffLine[], context = summaryContext): DiffRow[] {
	const keep = new Array<boolean>(lines.length).fill(false);
	let beforeSpec = true;
	for (const [index, line] of lines.entries()) {
		const wanted = beforeSpec || line.kind !== 'same' || landmark.test(line.text.trimStart());
		if (/^spec:/.test(line.text)) beforeSpec = false;
		if (!wanted) continue;
		for (let near = Math.max(0, index - context); near <= Math.min(lines.length - 1, index + context); near++) keep[near] = true;
	}
	return foldRows(lines, keep);
}

/** Every line, nothing folded (`--full-diff`). */
export function allRows(lines: readonly DiffLine[]): DiffRow[] {
	return lines.map((line, index) => ({kind: 'line', index, line}));
}

/** The kept lines, each run of the others folded into one gap. */
export function foldRows(lines: readonly DiffLine[], keep: readonly boolean[]): DiffRow[] {
	const rows: DiffRow[] = [];
	let gapStart: number | undefined;
	for (const [index, line] of lines.entries()) {
		if (!keep[index]) {
			gapStart ??= index;
			continue;
		}
		if (gapStart !== undefined) rows.push({kind: 'gap', start: gapStart, end: index});
		gapStart = undefined;
		rows.push({kind: 'line', index, line});
	}
	if (gapStart !== undefined) rows.push({kind: 'gap', start: gapStart, end: lines.length});
	return rows;
}
