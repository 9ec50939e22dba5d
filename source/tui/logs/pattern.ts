/**
 * The text typed after `&` or `/`: a case-insensitive regular expression. For
 * a filter, a leading `!` keeps the lines that do not match, as in less. Text
 * that is not a valid expression is matched literally and the error is said,
 * never silently dropped.
 */
export type Pattern = {
	text: string;
	/** Does a line belong: it matches, or (inverted) it does not. */
	test: (line: string) => boolean;
	/** Finds every match in a line, for highlighting. */
	expression: RegExp;
	inverted: boolean;
	error?: string;
};

export function compilePattern(text: string, options: {invertible: boolean}): Pattern {
	const inverted = options.invertible && text.startsWith('!');
	const source = inverted ? text.slice(1) : text;
	let expression: RegExp;
	let error: string | undefined;
	try {
		expression = new RegExp(source, 'gi');
	} catch (failure) {
		expression = new RegExp(escapeRegExp(source), 'gi');
		error = `invalid regex: ${regexReason(failure)}; matching it as plain text`;
	}
	const probe = new RegExp(expression.source, 'i');
	const test = inverted ? (line: string) => !probe.test(line) : (line: string) => probe.test(line);
	return {text, test, expression, inverted, ...(error === undefined ? {} : {error})};
}

/** The [start, end) ranges of every non-empty match in `line`. */
export function matchRanges(pattern: Pattern, line: string): Array<[number, number]> {
	if (pattern.inverted) return [];
	const ranges: Array<[number, number]> = [];
	const expression = new RegExp(pattern.expression.source, 'gi');
	for (const match of line.matchAll(expression)) {
		if (match[0] !== '') ranges.push([match.index, match.index + match[0].length]);
	}
	return ranges;
}

function escapeRegExp(text: string): string {
	return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function regexReason(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	// V8 says "Invalid regular expression: /a(/gi: Unterminated group"; the tail is the useful part.
	return message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
}
