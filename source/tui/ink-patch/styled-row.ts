import type {AnsiCode, StyledChar} from '@alcalzone/ansi-tokenize';

type StyleCodec = {
	diffAnsiCodes: (from: AnsiCode[], to: AnsiCode[]) => AnsiCode[];
	ansiCodesToString: (codes: AnsiCode[]) => string;
};

/**
 * Ink's Output turns each row of styled cells into text with ansi-tokenize's
 * styledCharsToString, which diffs the styles of every cell against the one
 * before: three Sets and several arrays per cell, for a whole screen each
 * frame. Neighbouring cells nearly always share their styles, and the diff of
 * equal styles is empty, so this diffs only where the styles change. The
 * text is the same (test/tui/styled-row.test.ts holds it to the original).
 * The bundle's Ink uses it (scripts/ink-output-patch.ts); the codec is
 * ansi-tokenize's own, passed in from Ink's side of the bundle.
 */
export function styledRowWriter({diffAnsiCodes, ansiCodesToString}: StyleCodec): (cells: readonly StyledChar[]) => string {
	return cells => {
		let text = '';
		let previous: AnsiCode[] = [];
		for (const cell of cells) {
			const styles = cell.styles;
			if (!sameCodes(previous, styles)) text += ansiCodesToString(diffAnsiCodes(previous, styles));
			text += cell.value;
			previous = styles;
		}
		return previous.length === 0 ? text : text + ansiCodesToString(diffAnsiCodes(previous, []));
	};
}

function sameCodes(left: readonly AnsiCode[], right: readonly AnsiCode[]): boolean {
	if (left === right) return true;
	if (left.length !== right.length) return false;
	for (let index = 0; index < left.length; index++) if (left[index]!.code !== right[index]!.code || left[index]!.endCode !== right[index]!.endCode) return false;
	return true;
}
