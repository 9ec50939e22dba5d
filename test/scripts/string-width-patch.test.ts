import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {stringWidthPatch} from '../../scripts/string-width-patch.js';
import {narrowRanges} from '../../source/tui/ink-patch/narrow.js';
import {patchedModule} from '../helpers/patched-module.js';

type StringWidth = (text: string, options?: {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean}) => number;

const patchedWidth = (await patchedModule<{default: StringWidth}>('node_modules/string-width/index.js', stringWidthPatch)).default;

const narrow = narrowRanges.flatMap(([from, to]) => Array.from({length: to - from + 1}, (_, offset) => String.fromCodePoint(from + offset)));

describe('the bundle\'s string-width patch', () => {
	test('every character it counts by length is one column wide, alone and beside others', () => {
		for (const character of narrow) {
			expect(stringWidth(character), `U+${character.codePointAt(0)!.toString(16)}`).toBe(1);
			expect(stringWidth(`a${character}${character}a`), `U+${character.codePointAt(0)!.toString(16)} beside others`).toBe(4);
		}
	});

	test('measures any text as string-width does, with every option', () => {
		const piece = fc.oneof(
			{weight: 4, arbitrary: fc.constantFrom(...narrow)},
			fc.constantFrom('\u001B[31m', '\u001B[39m', '\u00AD', '\u202E', '\u0301', '\u200D', '界', '✓', '⌚', '☕', '👍🏽', '\u1100\u1161', '\t', '\u0000'),
			fc.string({unit: 'grapheme', maxLength: 3}),
		);
		const options = fc.record({ambiguousIsNarrow: fc.boolean(), countAnsiEscapeCodes: fc.boolean()}, {requiredKeys: []});
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 40}), options, (pieces, chosen) => {
				const text = pieces.join('');
				expect(patchedWidth(text, chosen)).toBe(stringWidth(text, chosen));
			}),
			{numRuns: 2000},
		);
	});

	test('the ellipsis that ends a cut line and the box drawing around it are one column each', () => {
		expect(patchedWidth('\u001B[2mwebserver_policy\u001B[22m deviation high Process tool-7 ran…')).toBe(51);
		expect(patchedWidth('┌─ Logs ─┐ ◌ → ≤ — é Ω Ж')).toBe(24);
	});
});
