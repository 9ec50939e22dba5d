import {describe, expect, it} from 'vitest';
import {diffDumps} from '../../../source/policy/diff/line-diff.js';
import {textView} from '../../../source/tui/diff-screen/text-view.js';
import type {DisplayLine} from '../../../source/tui/diff-screen/display-line.js';

const text = (lines: DisplayLine[]) => lines.map(line => line.spans.map(part => part.text).join(''));

function numbered(count: number, changeAt: number[] = []): {before: Record<string, unknown>; after: Record<string, unknown>} {
	const before: Record<string, unknown> = {};
	const after: Record<string, unknown> = {};
	for (let index = 0; index < count; index++) {
		const key = `key${String(index).padStart(3, '0')}`;
		before[key] = index;
		after[key] = changeAt.includes(index) ? index + 1000 : index;
	}
	return {before, after};
}

describe('the diff screen text view', () => {
	it('folds unchanged stretches beyond the context and shows a changed value as one yellow ~ line', () => {
		const {before, after} = numbered(40, [20]);
		const lines = textView(diffDumps(before, after), {full: false, context: 2, expanded: new Set()});
		expect(text(lines)).toEqual(['  … 18 unchanged lines', '  key018: 18', '  key019: 19', '~ key020: 20 → 1020', '  key021: 21', '  key022: 22', '  … 17 unchanged lines']);
		expect(lines[3]).toMatchObject({change: true, spans: [{tone: 'warn'}]});
		expect(lines.filter(line => line.change)).toHaveLength(1);
		expect(lines[0]!.gap).toEqual({start: 0, end: 18});
	});

	it('unfolds a gap by its first line, and shows every line when full', () => {
		const {before, after} = numbered(40, [20]);
		const diff = diffDumps(before, after);
		const unfolded = textView(diff, {full: false, context: 2, expanded: new Set([0])});
		expect(text(unfolded).slice(0, 3)).toEqual(['  key000: 0', '  key001: 1', '  key002: 2']);
		// The changed value is a removed and an added line in the diff, drawn as one ~ line.
		expect(unfolded.at(-1)!.gap).toEqual({start: 24, end: 41});
		expect(textView(diff, {full: true, context: 2, expanded: new Set()}).some(line => line.gap)).toBe(false);
	});

	it('marks the start of each separate change, and more context joins them', () => {
		const {before, after} = numbered(30, [5, 6, 20]);
		const narrow = textView(diffDumps(before, after), {full: false, context: 1, expanded: new Set()});
		expect(narrow.filter(line => line.change)).toHaveLength(2);
		expect(narrow.filter(line => line.gap)).toHaveLength(3);
		const wide = textView(diffDumps(before, after), {full: false, context: 8, expanded: new Set()});
		expect(wide.filter(line => line.gap)).toHaveLength(1);
	});

	it('draws added lines green with + and removed lines red with -', () => {
		const lines = textView(diffDumps({a: 1, list: ['x']}, {a: 1, list: ['x', 'zz']}), {full: true, context: 3, expanded: new Set()});
		expect(lines.find(line => line.spans[0]!.text.startsWith('+'))).toMatchObject({change: true, spans: [{text: '+ - zz', tone: 'success'}]});
		const removed = textView(diffDumps({b: 2}, {}), {full: true, context: 3, expanded: new Set()});
		expect(removed.some(line => line.spans[0]!.tone === 'error' && line.spans[0]!.text.startsWith('- '))).toBe(true);
	});
});
