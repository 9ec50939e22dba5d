/**
 * Blocks of code points that string-width 8 counts as one column each and
 * that never join a neighbour into one grapheme: Latin, Greek and Cyrillic
 * letters, punctuation (the ellipsis), arrows, maths, box drawing and
 * geometric shapes. Soft hyphen, bidi controls, combining marks and the emoji
 * among them are left out. Each pair is inclusive. Text made only of these is
 * as many columns wide as it has characters: the bundle's patches of
 * string-width and of Ink's Output take that short cut.
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

const table = new Uint8Array(narrowRanges.at(-1)![1] + 1);
for (const [from, to] of narrowRanges) table.fill(1, from, to + 1);

/** Whether a UTF-16 code unit is one of the narrow characters. */
export function isNarrow(codeUnit: number): boolean {
	return codeUnit < table.length && table[codeUnit] === 1;
}
