import path from 'node:path';
import {sourcePatch} from './source-patch.js';

/**
 * Blocks of code points that string-width 8 counts as one column each and
 * that never join a neighbour into one grapheme: Latin, Greek and Cyrillic
 * letters, punctuation (the ellipsis), arrows, maths, box drawing and
 * geometric shapes. Soft hyphen, bidi controls and the emoji among them are
 * left out. Each pair is inclusive.
 */
export const narrowRanges: ReadonlyArray<readonly [number, number]> = [
	[0x20, 0x7e],
	[0xa0, 0xac],
	[0xae, 0x2ff],
	[0x370, 0x482],
	[0x2010, 0x2029],
	[0x202f, 0x205e],
	[0x2070, 0x20c0],
	[0x2100, 0x218b],
	[0x2190, 0x2319],
	[0x231c, 0x2328],
	[0x232b, 0x23e8],
	[0x2400, 0x25fc],
];

const hex = (codePoint: number) => `\\u${codePoint.toString(16).padStart(4, '0')}`;
const narrowClass = narrowRanges.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('');

/**
 * string-width counts printable ASCII by its length, but anything else goes
 * through Intl.Segmenter and several Unicode regexes for each character. A
 * log line cut with `…` took that path: a tenth of the log panel's time, as
 * Ink measures every line it draws. Text made only of these narrow characters
 * is now counted by its length too, when ambiguous characters are narrow (the
 * default, and how Ink calls it). Widths are unchanged.
 */
export const stringWidthPatch = sourcePatch('string-width-narrow-text', 'scripts/string-width-patch.ts', new RegExp(`^${escapeRegExp(path.resolve(import.meta.dirname, '../node_modules/string-width/index.js'))}$`), [
	{
		find: 'if (/^[\\u0020-\\u007E]*$/.test(string)) {',
		replace: `if (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && /^[${narrowClass}]*$/.test(string))) {`,
	},
]);

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\/]/g, String.raw`\$&`);
}
