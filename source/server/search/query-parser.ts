import {parseNetwork} from '../../policy/cidr.js';
import type {Comparison, Literal, Query} from './query-ast.js';
import {globToRegExp} from './query-compare.js';
import {QuerySyntaxError} from './query-error.js';
import {type Token, tokenize} from './query-lexer.js';
import {parsePath} from './query-path.js';

/**
 * Parses spyctl's search query language:
 *
 *     query      := '*' | or
 *     or         := and ('OR' and)*
 *     and        := unary ('AND' unary)*
 *     unary      := 'NOT' unary | '(' or ')' | comparison
 *     comparison := field operator value
 *
 * so NOT binds tighter than AND, and AND tighter than OR. Keywords are
 * case-insensitive. A lone `*` is what spyctl sends when it has no filter.
 */
export function parseQuery(text: string): Query {
	const tokens = tokenize(text);
	let position = 0;
	const peek = (): Token => tokens[position]!;
	const take = (): Token => tokens[position++]!;

	if (peek().kind === 'end') throw new QuerySyntaxError(1, 'the query is empty (use * for everything)');
	if (peek().kind === 'star' && tokens[1]!.kind === 'end') return {type: 'all'};

	const parseOr = (): Query => {
		let left = parseAnd();
		while (isKeyword(peek(), 'OR')) {
			take();
			left = {type: 'or', left, right: parseAnd()};
		}
		return left;
	};
	const parseAnd = (): Query => {
		let left = parseUnary();
		while (isKeyword(peek(), 'AND')) {
			take();
			left = {type: 'and', left, right: parseUnary()};
		}
		return left;
	};
	const parseUnary = (): Query => {
		const token = peek();
		if (isKeyword(token, 'NOT')) {
			take();
			return {type: 'not', operand: parseUnary()};
		}
		if (token.kind === 'open') {
			take();
			const inner = parseOr();
			const close = take();
			if (close.kind !== 'close') throw new QuerySyntaxError(close.column, `expected ')' to close the '(' at column ${token.column}, found ${describe(close)}`);
			return inner;
		}
		return parseComparison();
	};
	const parseComparison = (): Comparison => {
		const field = take();
		if (field.kind !== 'word') throw new QuerySyntaxError(field.column, `expected a field name, found ${describe(field)}`);
		const path = parsePath(field.text, field.column);
		const operator = take();
		if (operator.kind !== 'operator') throw new QuerySyntaxError(operator.column, `expected an operator (=, !=, ~=, ...) after '${field.text}', found ${describe(operator)}`);
		const valueToken = take();
		const value = literalOf(valueToken);
		if (value === undefined) throw new QuerySyntaxError(valueToken.column, `expected a value (a quoted string, a number, true or false) after '${operator.operator}', found ${describe(valueToken)}`);
		const comparison: Comparison = {type: 'compare', field: path, operator: operator.operator, value};
		if (operator.operator === '~=' || operator.operator === '!~=') {
			if (typeof value !== 'string') throw new QuerySyntaxError(valueToken.column, `'${operator.operator}' needs a quoted glob pattern such as '*x*'`);
			comparison.pattern = globToRegExp(value);
		}
		if (operator.operator === '<<') {
			const network = typeof value === 'string' ? parseNetwork(value) : undefined;
			if (!network) throw new QuerySyntaxError(valueToken.column, `'<<' needs a quoted subnet such as '10.0.0.0/8'`);
			comparison.network = network;
		}
		return comparison;
	};

	const query = parseOr();
	const rest = peek();
	if (rest.kind !== 'end') {
		const expected = rest.kind === 'close' ? "unexpected ')' with no '(' open" : `expected AND or OR, found ${describe(rest)}`;
		throw new QuerySyntaxError(rest.column, expected);
	}
	return query;
}

function isKeyword(token: Token, word: 'AND' | 'OR' | 'NOT'): boolean {
	return token.kind === 'keyword' && token.word === word;
}

function literalOf(token: Token): Literal | undefined {
	if (token.kind === 'string' || token.kind === 'number') return token.value;
	if (token.kind === 'word' && /^(true|false)$/i.test(token.text)) return token.text.toLowerCase() === 'true';
	return undefined;
}

function describe(token: Token): string {
	switch (token.kind) {
		case 'end':
			return 'the end of the query';
		case 'open':
			return "'('";
		case 'close':
			return "')'";
		case 'star':
			return "'*'";
		case 'keyword':
			return token.word;
		case 'operator':
			return `'${token.operator}'`;
		case 'string':
			return `the string "${token.value}"`;
		case 'number':
			return token.text;
		case 'word':
			return `'${token.text}'`;
	}
}
