import {reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import {expect, test} from 'vitest';
import {internedCellLimit, styledCellsReader} from '../../source/tui/ink-patch/styled-cells.js';

const codes = ['\u001B[31m', '\u001B[32m', '\u001B[39m', '\u001B[44m', '\u001B[49m', '\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[7m', '\u001B[27m', '\u001B[0m', '\u001B[m', '\u001B[1;31m', '\u001B[38;5;208m', '\u001B[38;2;1;2;3m', '\u001B[48;5;17m', '\u001B[4m', '\u001B[24m'];
const narrowText = ['a', 'Z', ' ', '~', '─', '│', '…', '◌', '→', 'é', 'Ω', 'Ж', '≤'];
const otherText = ['界', '✓', '👍', 'e\u0301', '\t', '\u001B[', '\u001B[31', '\u001B]8;;https://example.com\u0007', '\u001Bx', '\u009B31m', '\u00AD'];

test('reads a line into the cells ansi-tokenize makes of it, or leaves it to ansi-tokenize', () => {
	const read = styledCellsReader({tokenize, reduceAnsiCodesIncremental});
	let fast = 0;
	fc.assert(
		fc.property(fc.array(fc.oneof({weight: 5, arbitrary: fc.constantFrom(...codes, ...narrowText)}, fc.constantFrom(...otherText)), {maxLength: 50}), pieces => {
			const line = pieces.join('');
			const cells = read(line);
			if (cells === undefined) {
				expect(pieces.some(piece => otherText.includes(piece))).toBe(true);
				return;
			}
			fast++;
			expect(cells).toEqual(styledCharsFromTokens(tokenize(line)));
		}),
		{numRuns: 3000},
	);
	expect(fast).toBeGreaterThan(500);
});

test('equal cells are one frozen object, and the table starts again when it is full', () => {
	const read = styledCellsReader({tokenize, reduceAnsiCodesIncremental});
	const [first] = read('\u001B[31ma\u001B[39m')!;
	const [again] = read('\u001B[31ma')!;
	expect(again).toBe(first);
	expect(Object.isFrozen(first)).toBe(true);
	for (let index = 0; index <= internedCellLimit; index++) read(`\u001B[38;5;${index % 256}m${String.fromCodePoint(0x100 + Math.floor(index / 256))}`);
	expect(read('\u001B[31ma')![0]).not.toBe(first);
});
