import {describe, expect, test} from 'vitest';
import {diffText} from '../../../source/policy/diff/line-diff.js';
import {diffColors, formatLine, renderTextDiff} from '../../../source/policy/diff/text-render.js';

const before = ['apiVersion: spyderbat/v1', 'spec:', ...Array.from({length: 20}, (_, index) => `  key${index}: ${index}`)].join('\n');
const after = before.replace('key15: 15', 'key15: fifteen');
const counts = {add: 0, change: 1, remove: 0};

describe('renderTextDiff', () => {
	test('the summary, ndiff prefixes and a closing count line', () => {
		expect(renderTextDiff(diffText(before, after), counts, {full: false, color: false})).toBe(
			[
				'  apiVersion: spyderbat/v1',
				'  spec:',
				...[0, 1, 2, 3, 4].map(index => `    key${index}: ${index}`),
				'...',
				...[10, 11, 12, 13, 14].map(index => `    key${index}: ${index}`),
				'-   key15: 15',
				'+   key15: fifteen',
				...[16, 17, 18, 19].map(index => `    key${index}: ${index}`),
				'0 to add, 1 to change, 0 to remove',
				'',
			].join('\n'),
		);
	});

	test('--full-diff shows every line', () => {
		const text = renderTextDiff(diffText(before, after), counts, {full: true, color: false});
		expect(text.split('\n')).toHaveLength(2 + 20 + 1 + 1 + 1);
		expect(text).not.toContain('...');
		expect(text).toContain('    key7: 7\n');
	});

	test('colour: green added and red removed lines in spyctl\'s codes, others plain', () => {
		const text = renderTextDiff(diffText(before, after), counts, {full: false, color: true});
		expect(text).toContain('\n\x1b[38;5;203m-   key15: 15\x1b[0m\n\x1b[38;5;35m+   key15: fifteen\x1b[0m\n');
		expect(text).toContain('\n    key16: 16\n');
		expect(text.endsWith('\n0 to add, 1 to change, 0 to remove\n')).toBe(true);
		expect(diffColors).toEqual({added: '\x1b[38;5;35m', removed: '\x1b[38;5;203m', reset: '\x1b[0m'});
	});

	test('no colour: no escape codes at all', () => {
		expect(renderTextDiff(diffText(before, after), counts, {full: true, color: false})).not.toContain('\x1b');
	});

	test('formatLine never adds ndiff hint lines or colours unchanged lines', () => {
		expect(formatLine({kind: 'same', text: 'a'}, true)).toBe('  a');
		expect(formatLine({kind: 'added', text: 'a'}, false)).toBe('+ a');
		expect(formatLine({kind: 'removed', text: 'a'}, false)).toBe('- a');
		expect(renderTextDiff(diffText(before, after), counts, {full: true, color: false})).not.toMatch(/^\? /m);
	});
});
