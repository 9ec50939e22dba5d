import {ansiCodesToString, diffAnsiCodes, styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import {expect, test} from 'vitest';
import {styledRowWriter} from '../../source/tui/ink-patch/styled-row.js';

const writeRow = styledRowWriter({diffAnsiCodes, ansiCodesToString});

/** Codes Ink's colours and styles write: foreground, background, bold and dim (which share an end code), inverse, and resets. */
const codes = ['\u001B[31m', '\u001B[32m', '\u001B[39m', '\u001B[44m', '\u001B[49m', '\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[7m', '\u001B[27m', '\u001B[0m', '\u001B[38;5;208m'];
const piece = fc.oneof(fc.constantFrom(...codes), fc.constantFrom('a', 'b', ' ', '─', '│', '界', '✓'));

test('a row reads the same as with ansi-tokenize\'s own styledCharsToString', () => {
	fc.assert(
		fc.property(fc.array(piece, {maxLength: 60}), pieces => {
			const cells = styledCharsFromTokens(tokenize(pieces.join('')));
			expect(writeRow(cells)).toBe(styledCharsToString(cells));
		}),
		{numRuns: 2000},
	);
});

test('cells that share styles are written with one code, and the row ends reset', () => {
	const cells = styledCharsFromTokens(tokenize('\u001B[1m\u001B[36mspytui\u001B[39m\u001B[22m  ok'));
	expect(writeRow(cells)).toBe('\u001B[1m\u001B[36mspytui\u001B[39m\u001B[22m  ok');
	expect(writeRow([])).toBe('');
});
