import {describe, expect, test} from 'vitest';
import type {DiffLine} from '../../../source/policy/diff/lines.js';
import {allRows, type DiffRow, summaryRows} from '../../../source/policy/diff/rows.js';

/** Lines from a compact notation: `+x` added, `-x` removed, anything else unchanged. */
function lines(...texts: string[]): DiffLine[] {
	return texts.map(text => {
		if (text.startsWith('+')) return {kind: 'added', text: text.slice(1)};
		if (text.startsWith('-')) return {kind: 'removed', text: text.slice(1)};
		return {kind: 'same', text};
	});
}

/** Rows back in the same notation, gaps as `...`. */
function shown(rows: DiffRow[]): string[] {
	return rows.map(row => (row.kind === 'gap' ? '...' : `${{same: '', added: '+', removed: '-'}[row.line.kind]}${row.line.text}`));
}

const filler = (from: number, count: number) => Array.from({length: count}, (_, index) => `  line${from + index}`);

describe("summaryRows: spyctl's diff summary", () => {
	test('keeps everything up to the spec line, and five lines after it', () => {
		const input = lines('apiVersion: spyderbat/v1', 'metadata:', '  name: x', 'spec:', ...filler(1, 20));
		expect(shown(summaryRows(input))).toEqual(['apiVersion: spyderbat/v1', 'metadata:', '  name: x', 'spec:', ...filler(1, 5), '...']);
	});

	test('a change keeps five lines of context either side; the gaps become ...', () => {
		const input = lines('spec:', ...filler(1, 20), '+  new', ...filler(21, 20));
		expect(shown(summaryRows(input))).toEqual(['spec:', ...filler(1, 5), '...', ...filler(16, 5), '+  new', ...filler(21, 5), '...']);
	});

	test('gaps name the hidden lines so a viewer can unfold them', () => {
		const input = lines('spec:', ...filler(1, 20), '-  old', ...filler(21, 3));
		expect(summaryRows(input).filter(row => row.kind === 'gap')).toEqual([{kind: 'gap', start: 6, end: 16}]);
	});

	test('contexts that touch or overlap merge without a gap', () => {
		const input = lines('spec:', ...filler(1, 10), '+  a', ...filler(11, 10), '+  b', ...filler(21, 5));
		const rows = summaryRows(input);
		expect(rows.filter(row => row.kind === 'gap')).toEqual([]);
		expect(rows).toHaveLength(input.length);
	});

	test('a gap of one line is still a gap', () => {
		const input = lines('spec:', ...filler(1, 5), 'hidden', ...filler(6, 5), '+  x');
		expect(shown(summaryRows(input))).toEqual(['spec:', ...filler(1, 5), '...', ...filler(6, 5), '+  x']);
	});

	test('processPolicy, networkPolicy, ingress and egress lines are landmarks with context', () => {
		const input = lines('spec:', ...filler(1, 12), '  processPolicy:', ...filler(13, 12), '  networkPolicy:', '    ingress: []', ...filler(25, 10), '    egress:', ...filler(35, 10));
		expect(shown(summaryRows(input))).toEqual([
			'spec:',
			...filler(1, 5),
			'...',
			...filler(8, 5),
			'  processPolicy:',
			...filler(13, 5),
			'...',
			...filler(20, 5),
			'  networkPolicy:',
			'    ingress: []',
			...filler(25, 10),
			'    egress:',
			...filler(35, 5),
			'...',
		]);
	});

	test('a list item that only mentions a landmark word is not a landmark', () => {
		const input = lines('spec:', ...filler(1, 10), '  - ingress.example.com', ...filler(11, 10));
		expect(shown(summaryRows(input))).toEqual(['spec:', ...filler(1, 5), '...']);
	});

	test('no trailing ... when the last line is shown', () => {
		const input = lines('spec:', ...filler(1, 3));
		expect(shown(summaryRows(input))).toEqual(['spec:', ...filler(1, 3)]);
	});

	test('the context size can be chosen', () => {
		const input = lines('spec:', ...filler(1, 10), '+  x', ...filler(11, 10));
		expect(shown(summaryRows(input, 1))).toEqual(['spec:', '  line1', '...', '  line10', '+  x', '  line11', '...']);
	});

	test('allRows folds nothing', () => {
		const input = lines('spec:', ...filler(1, 30));
		expect(shown(allRows(input))).toEqual(['spec:', ...filler(1, 30)]);
	});
});
