import ipaddr from 'ipaddr.js';
import type {Network} from '../../policy/cidr.js';
import type {Comparison, Literal} from './query-ast.js';

/** `*` is any run of characters and `?` one character, as in spyctl's own glob matching; the whole value must match. */
export function globToRegExp(glob: string): RegExp {
	const body = [...glob].map(char => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
	return new RegExp(`^${body}$`, 's');
}

/**
 * Whether one value found in a record satisfies the comparison. For `!=` and
 * `!~=` this answers the positive test (`=`, `~=`): they are negated over all
 * the values a field leads to, in query-evaluate.ts.
 */
export function compareValue(value: unknown, comparison: Comparison): boolean {
	switch (comparison.operator) {
		case '=':
		case '!=':
			return looseEquals(value, comparison.value);
		case '~=':
		case '!~=':
			return (typeof value === 'string' || typeof value === 'number') && comparison.pattern!.test(String(value));
		case '<<':
			return inNetwork(value, comparison.network!);
		default:
			return ordered(value, comparison.value, comparison.operator);
	}
}

/**
 * Equality across the JSON types a query can name: a number matches its
 * decimal text and a boolean its `true`/`false`, because spyctl quotes some
 * numbers and writes booleans bare (`True`).
 */
function looseEquals(value: unknown, literal: Literal): boolean {
	if (typeof value === typeof literal) return value === literal;
	if (typeof literal === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value) === literal;
	if (typeof literal === 'number' && typeof value === 'string') return value.trim() !== '' && Number(value) === literal;
	if (typeof literal === 'boolean' && typeof value === 'string') return value.toLowerCase() === String(literal);
	return false;
}

/** Order comparisons hold between two numbers or two strings; anything else never matches. */
function ordered(value: unknown, literal: Literal, operator: '<' | '<=' | '>' | '>='): boolean {
	if (typeof value !== typeof literal || (typeof value !== 'number' && typeof value !== 'string')) return false;
	const left = value as number | string;
	const right = literal as number | string;
	if (operator === '<') return left < right;
	if (operator === '<=') return left <= right;
	if (operator === '>') return left > right;
	return left >= right;
}

function inNetwork(value: unknown, network: Network): boolean {
	if (typeof value !== 'string' || !ipaddr.isValid(value)) return false;
	// An IPv4 address written as IPv6 (::ffff:10.0.0.1) still belongs to an IPv4 subnet.
	const address = ipaddr.process(value);
	return address.kind() === network.family && address.match(network.address, network.prefix);
}
