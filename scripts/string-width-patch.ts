import path from 'node:path';
import {narrowRanges} from '../source/tui/ink-patch/narrow.js';
import {sourcePatch} from './source-patch.js';

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
