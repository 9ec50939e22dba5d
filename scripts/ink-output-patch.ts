import path from 'node:path';
import {type SourceEdit, sourcePatch} from './source-patch.js';

/**
 * Ink 6.8 builds every frame from scratch: a new Output per frame, and with it
 * new caches of each line's parsed colour codes and widths. A keypress in a
 * full 160x48 screen changes two or three lines, yet every line was parsed
 * again, and that parsing and its garbage were most of a frame's cost. This
 * keeps the caches across frames (emptied when they outgrow a few screens,
 * so that a scrolling log cannot grow them without bound) and shares one
 * blank cell. The tokenizer builds each cell by spreading its token, which
 * gives every cell a shape of its own in V8; cached cells are rebuilt with
 * fixed fields, which a log of new lines showed to be most of the memory.
 * Lines of narrow characters skip the tokenizer: they are read by
 * source/tui/ink-patch/styled-cells.ts into shared cells.
 * Rows of cells become text through source/tui/ink-patch/styled-row.ts,
 * which diffs styles only where they change. Output's results are
 * unchanged: the cached values are only read.
 */
const styledRow = path.resolve(import.meta.dirname, '../source/tui/ink-patch/styled-row.ts');
const styledCells = path.resolve(import.meta.dirname, '../source/tui/ink-patch/styled-cells.ts');

const edits: SourceEdit[] = [
	{
		find: "import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';",
		replace: [
			"import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize, } from '@alcalzone/ansi-tokenize';",
			`import { styledRowWriter } from ${JSON.stringify(styledRow)};`,
			`import { styledCellsReader } from ${JSON.stringify(styledCells)};`,
			'const styledCharsToString = styledRowWriter({ diffAnsiCodes, ansiCodesToString });',
			'const readStyledCells = styledCellsReader({ tokenize, reduceAnsiCodesIncremental });',
		].join('\n'),
	},
	{
		find: 'export default class Output {',
		replace: [
			'const cacheLimit = 500;',
			'let sharedCaches = new OutputCaches();',
			'function frameCaches() {',
			'    if (sharedCaches.styledChars.size > cacheLimit || sharedCaches.widths.size > cacheLimit * 4) sharedCaches = new OutputCaches();',
			'    return sharedCaches;',
			'}',
			"const blankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });",
			'export default class Output {',
		].join('\n'),
	},
	{find: 'caches = new OutputCaches();', replace: 'caches = frameCaches();'},
	{
		find: 'cached = styledCharsFromTokens(tokenize(line));',
		replace: 'cached = readStyledCells(line) ?? styledCharsFromTokens(tokenize(line)).map(cell => ({ type: cell.type, value: cell.value, fullWidth: cell.fullWidth, styles: cell.styles }));',
	},
	{
		find: "row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
		replace: 'row.push(blankCell);',
	},
];

export const inkOutputPatch = sourcePatch('ink-output-cache', 'scripts/ink-output-patch.ts', /[\\/]ink[\\/]build[\\/]output\.js$/, edits);
