/**
 * Python compares strings by code point; JavaScript's `<` compares UTF-16
 * units, which disagree once a character lies beyond U+FFFF. spyctl sorts
 * with Python's order, so output order follows it too.
 */
export function compareText(left: string, right: string): number {
	if (left === right) return 0;
	const length = Math.min(left.length, right.length);
	for (let index = 0; index < length; index++) {
		const a = left.charCodeAt(index);
		const b = right.charCodeAt(index);
		if (a === b) continue;
		// Surrogates (astral characters) sort above every other UTF-16 unit in code point order.
		const aAstral = a >= 0xd8_00 && a <= 0xdf_ff;
		const bAstral = b >= 0xd8_00 && b <= 0xdf_ff;
		if (aAstral !== bAstral) return aAstral ? 1 : -1;
		return a - b;
	}
	return left.length - right.length;
}

/** A sorted copy without duplicates, in Python's order. */
export function sortedUnique(values: Iterable<string>): string[] {
	return [...new Set(values)].sort(compareText);
}
