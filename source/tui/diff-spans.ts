import {scalarKeyOf} from '../policy/diff/in-place.js';
import type {DiffLine} from '../policy/diff/lines.js';
import {type DiffRow, foldRows} from '../policy/diff/rows.js';

/** Unchanged lines kept on each side of a change in a dialog's diff. */
const dialogContext = 3;

/**
 * The changed lines and `context` lines around each, the rest folded into
 * gaps. Tighter than spyctl's summary, which also keeps everything above
 * `spec:`: a dialog should open on the change, not on the metadata.
 */
export function changeRows(lines: readonly DiffLine[], context = dialogContext): DiffRow[] {
	const keep = lines.map((_, index) => lines.slice(Math.max(0, index - context), index + context + 1).some(line => line.kind !== 'same'));
	return foldRows(lines, keep);
}
import {span, type Span} from './tone.js';

/**
 * A line diff as lines of spans: green `+`, red `-`, and a value changed in
 * place as one yellow `~ key: old → new` line, terraform's way. Folded
 * unchanged stretches say how many lines they hide.
 */
export function diffSpans(rows: readonly DiffRow[]): Span[][] {
	const lines: Span[][] = [];
	for (let index = 0; index < rows.length; index++) {
		const row = rows[index]!;
		if (row.kind === 'gap') {
			const hidden = row.end - row.start;
			lines.push([span(`  … ${hidden} unchanged line${hidden === 1 ? '' : 's'}`, 'muted')]);
			continue;
		}
		const next = rows[index + 1];
		const pair = row.line.inPlace && row.line.kind === 'removed' && next?.kind === 'line' && next.line.inPlace && next.line.kind === 'added' ? next.line : undefined;
		if (pair) {
			lines.push([span(`~ ${inPlaceText(row.line, pair)}`, 'warn')]);
			index++;
			continue;
		}
		lines.push(lineSpans(row.line));
	}
	return lines;
}

function lineSpans(line: DiffLine): Span[] {
	if (line.kind === 'added') return [span(`+ ${line.text}`, 'success')];
	if (line.kind === 'removed') return [span(`- ${line.text}`, 'error')];
	return [span(`  ${line.text}`, 'muted')];
}

/** `  mode: audit` and `  mode: enforce` → `  mode: audit → enforce`. */
function inPlaceText(before: DiffLine, after: DiffLine): string {
	const key = scalarKeyOf(before.text);
	if (key === undefined) return `${before.text} → ${after.text.trimStart()}`;
	const value = (text: string) => text.slice(key.length).replace(/^:\s+/, '');
	return `${key}: ${value(before.text)} → ${value(after.text)}`;
}
