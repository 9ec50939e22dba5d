import {QuerySyntaxError} from './query-error.js';

export type Token =
	| {kind: 'open' | 'close' | 'star' | 'end'; column: number}
	| {kind: 'keyword'; word: 'AND' | 'OR' | 'NOT'; column: number}
	| {kind: 'operator'; operator: Operator; column: number}
	| {kind: 'string'; value: string; column: number}
	| {kind: 'number'; value: number; text: string; column: number}
	| {kind: 'word'; text: string; column: number};

/** Comparison operators of spyctl's search queries; `<<` is "address in subnet". */
export type Operator = '=' | '!=' | '~=' | '!~=' | '<' | '<=' | '>' | '>=' | '<<';

// Longest first, so that `!~=` is not read as `!` and `~=`.
const operators: Operator[] = ['!~=', '!=', '~=', '<<', '<=', '>=', '=', '<', '>'];
const keywords = new Set(['AND', 'OR', 'NOT']);
const numberPattern = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
// A field with its dots, `[*]` and `:keys`/`:vals` parts; query-path.ts checks its shape.
const wordPattern = /^[A-Za-z_][A-Za-z0-9_\-.:[\]*]*/;

/** Splits a query into tokens, each with the column it starts at. */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < text.length) {
		const char = text[index]!;
		const column = index + 1;
		if (/\s/.test(char)) {
			index++;
			continue;
		}
		if (char === '(' || char === ')') {
			tokens.push({kind: char === '(' ? 'open' : 'close', column});
			index++;
			continue;
		}
		if (char === '"' || char === "'") {
			const {value, next} = readString(text, index);
			tokens.push({kind: 'string', value, column});
			index = next;
			continue;
		}
		const rest = text.slice(index);
		const operator = operators.find(candidate => rest.startsWith(candidate));
		if (operator) {
			tokens.push({kind: 'operator', operator, column});
			index += operator.length;
			continue;
		}
		const number = numberPattern.exec(rest);
		if (number) {
			tokens.push({kind: 'number', value: Number(number[0]), text: number[0], column});
			index += number[0].length;
			continue;
		}
		const word = wordPattern.exec(rest);
		if (word) {
			const upper = word[0].toUpperCase();
			if (keywords.has(upper)) tokens.push({kind: 'keyword', word: upper as 'AND' | 'OR' | 'NOT', column});
			else tokens.push({kind: 'word', text: word[0], column});
			index += word[0].length;
			continue;
		}
		if (char === '*') {
			tokens.push({kind: 'star', column});
			index++;
			continue;
		}
		throw new QuerySyntaxError(column, `unexpected character '${char}'`);
	}
	tokens.push({kind: 'end', column: text.length + 1});
	return tokens;
}

/** A quoted string; a backslash takes the next character as it is, so `\"` and `\\` work. */
function readString(text: string, start: number): {value: string; next: number} {
	const quote = text[start];
	let value = '';
	for (let index = start + 1; index < text.length; index++) {
		const char = text[index]!;
		if (char === quote) return {value, next: index + 1};
		if (char === '\\' && index + 1 < text.length) {
			index++;
			value += text[index];
			continue;
		}
		value += char;
	}
	throw new QuerySyntaxError(start + 1, `unterminated string (no closing ${quote})`);
}
