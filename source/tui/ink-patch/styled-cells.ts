import type {AnsiCode, StyledChar, Token} from '@alcalzone/ansi-tokenize';
import {isNarrow} from './narrow.js';

type TokenCodec = {
	tokenize: (text: string) => Token[];
	reduceAnsiCodesIncremental: (codes: AnsiCode[], newCodes: AnsiCode[]) => AnsiCode[];
};

/** Styles in effect, and the cells already made in them. */
type Run = {styles: AnsiCode[]; cells: Map<string, StyledChar>};

/** Cells kept for reuse, in all styles, before the table starts again: a few screens' worth of distinct ones. */
export const internedCellLimit = 20_000;

const escape = 0x1b;
const openBracket = 0x5b;
const letterM = 0x6d;
const semicolon = 0x3b;

/**
 * Ink's Output parses each line it draws into one cell per character with
 * ansi-tokenize: Intl.Segmenter over the line, a token per character, then a
 * spread of the token and a copy of its styles per character. A log panel
 * draws a screen of new lines at every poll, and that was a third of
 * everything its process allocated. Lines made only of narrow characters
 * (each its own grapheme, one column wide) and colour codes are read here
 * with plain char codes instead; the codes themselves still go through
 * ansi-tokenize. Equal cells are one shared, frozen object, so a frame
 * allocates little but its rows. Any other line gives undefined, and Ink's
 * own path reads it. test/tui/styled-cells.test.ts holds the result to
 * ansi-tokenize's.
 */
export function styledCellsReader(codec: TokenCodec): (line: string) => StyledChar[] | undefined {
	let runs = new Map<string, Run>();
	let interned = 0;
	const runOf = (styles: AnsiCode[]): Run => {
		const key = styles.map(code => code.code).join('');
		let run = runs.get(key);
		if (!run) {
			run = {styles, cells: new Map()};
			runs.set(key, run);
		}
		return run;
	};
	const cellOf = (run: Run, value: string): StyledChar => {
		let cell = run.cells.get(value);
		if (!cell) {
			cell = Object.freeze({type: 'char', value, fullWidth: false, styles: run.styles}) as StyledChar;
			run.cells.set(value, cell);
			interned++;
		}
		return cell;
	};
	return line => {
		if (interned > internedCellLimit) {
			runs = new Map();
			interned = 0;
		}
		const cells: StyledChar[] = [];
		let styles: AnsiCode[] = [];
		let run = runOf(styles);
		for (let index = 0; index < line.length; ) {
			const unit = line.charCodeAt(index);
			if (unit === escape) {
				const end = sgrEnd(line, index);
				if (end < 0) return undefined;
				const tokens = codec.tokenize(line.slice(index, end + 1));
				if (!tokens.every(token => token.type === 'ansi')) return undefined;
				styles = codec.reduceAnsiCodesIncremental(styles, tokens);
				run = runOf(styles);
				index = end + 1;
			} else {
				if (!isNarrow(unit)) return undefined;
				cells.push(cellOf(run, line[index]!));
				index++;
			}
		}
		return cells;
	};
}

/** The index of the `m` that ends the SGR sequence at `start` (`ESC [ digits and semicolons m`), or -1. */
function sgrEnd(line: string, start: number): number {
	if (line.charCodeAt(start + 1) !== openBracket) return -1;
	for (let index = start + 2; index < line.length; index++) {
		const unit = line.charCodeAt(index);
		if (unit === letterM) return index;
		if (unit !== semicolon && (unit < 0x30 || unit > 0x39)) return -1;
	}
	return -1;
}
