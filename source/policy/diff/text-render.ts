import {type ChangeCounts, formatCounts} from './changes.js';
import type {DiffLine} from './lines.js';
import {allRows, type DiffRow, summaryRows} from './rows.js';

/** spyctl's colours (reference §4.1). */
export const diffColors = {added: '\x1b[38;5;35m', removed: '\x1b[38;5;203m', reset: '\x1b[0m'} as const;

export type TextDiffOptions = {
	/** Every line (`--full-diff`) instead of spyctl's summary. */
	full: boolean;
	/** Green added and red removed lines; only when stdout is a terminal and colour is not turned off. */
	color: boolean;
};

/** ndiff's prefixes, which spyctl prints: two spaces, `+ ` or `- `. */
const prefixes = {same: '  ', added: '+ ', removed: '- '} as const;

export function formatLine(line: DiffLine, color: boolean): string {
	const text = `${prefixes[line.kind]}${line.text}`;
	return color && line.kind !== 'same' ? `${diffColors[line.kind]}${text}${diffColors.reset}` : text;
}

export function formatRows(rows: readonly DiffRow[], color: boolean): string[] {
	return rows.map(row => (row.kind === 'gap' ? '...' : formatLine(row.line, color)));
}

/**
 * The text of `spytui diff`: the line diff (summary or full) and a closing
 * count line from the structured diff, e.g. `3 to add, 1 to change, 0 to remove`.
 */
export function renderTextDiff(lines: readonly DiffLine[], counts: ChangeCounts, options: TextDiffOptions): string {
	const rows = options.full ? allRows(lines) : summaryRows(lines);
	return `${[...formatRows(rows, options.color), formatCounts(counts)].join('\n')}\n`;
}
