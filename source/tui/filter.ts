/**
 * The `/` filter. The text is a case-insensitive regular expression, so a plain
 * word is a substring match. Text that is not a valid expression is matched
 * literally and the error is reported, never silently dropped (k9s's quirk).
 */
export type CompiledFilter = {
	test: (text: string) => boolean;
	/** Why the text is not a valid regular expression. */
	error?: string;
};

export function compileFilter(text: string): CompiledFilter {
	if (text === '') return {test: () => true};
	try {
		const expression = new RegExp(text, 'i');
		return {test: candidate => expression.test(candidate)};
	} catch (error) {
		const needle = text.toLowerCase();
		return {
			test: candidate => candidate.toLowerCase().includes(needle),
			error: `invalid regex: ${regexReason(error)}`,
		};
	}
}

function regexReason(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	// V8 says "Invalid regular expression: /a(/i: Unterminated group"; the tail is the useful part.
	return message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
}
