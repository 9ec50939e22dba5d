import type {DiffLine} from '../../policy/diff/lines.js';
import {type DiffRow, foldRows} from '../../policy/diff/rows.js';
import {diffSpans} from '../diff-spans.js';
import type {DisplayLine} from './display-line.js';

export type TextViewOptions = {
	/** Every line, nothing folded. */
	full: boolean;
	/** Unchanged lines kept on each side of a change when folded. */
	context: number;
	/** The first hidden line of each gap the user unfolded. */
	expanded: ReadonlySet<number>;
};

/**
 * The line diff as the screen shows it: changes in colour, unchanged stretches
 * beyond `context` folded into `… N unchanged lines` unless unfolded. The work
 * is one pass over the lines, so a 5,000-line diff refolds on every keypress
 * without a pause.
 */
export function textView(lines: readonly DiffLine[], options: TextViewOptions): DisplayLine[] {
	const keep = options.full ? lines.map(() => true) : keptLines(lines, options.context);
	const rows = foldRows(lines, keep).flatMap((row): DiffRow[] => (row.kind === 'gap' && options.expanded.has(row.start) ? unfolded(lines, row) : [row]));
	return display(rows);
}

/** A line is kept when a change lies within `context` lines of it: two sweeps, not a window per line. */
function keptLines(lines: readonly DiffLine[], context: number): boolean[] {
	const keep = new Array<boolean>(lines.length).fill(false);
	let sinceChange = Infinity;
	for (let index = 0; index < lines.length; index++) {
		sinceChange = lines[index]!.kind === 'same' ? sinceChange + 1 : 0;
		if (sinceChange <= context) keep[index] = true;
	}
	let untilChange = Infinity;
	for (let index = lines.length - 1; index >= 0; index--) {
		untilChange = lines[index]!.kind === 'same' ? untilChange + 1 : 0;
		if (untilChange <= context) keep[index] = true;
	}
	return keep;
}

function unfolded(lines: readonly DiffLine[], gap: {start: number; end: number}): DiffRow[] {
	const rows: DiffRow[] = [];
	for (let index = gap.start; index < gap.end; index++) rows.push({kind: 'line', index, line: lines[index]!});
	return rows;
}

/**
 * diffSpans draws a value changed in place as one `~` line; each row is drawn
 * alone or with its in-place partner so that a display line keeps its gap and
 * knows whether a change starts on it.
 */
function display(rows: readonly DiffRow[]): DisplayLine[] {
	const result: DisplayLine[] = [];
	let previousChanged = false;
	for (let index = 0; index < rows.length; index++) {
		const row = rows[index]!;
		if (row.kind === 'gap') {
			result.push({spans: diffSpans([row])[0]!, gap: {start: row.start, end: row.end}});
			previousChanged = false;
			continue;
		}
		const next = rows[index + 1];
		const paired = row.line.inPlace && row.line.kind === 'removed' && next?.kind === 'line' && next.line.inPlace && next.line.kind === 'added';
		const spans = diffSpans(paired ? [row, next] : [row])[0]!;
		if (paired) index++;
		const changed = row.line.kind !== 'same';
		result.push(changed && !previousChanged ? {spans, change: true} : {spans});
		previousChanged = changed;
	}
	return result;
}
