import type {Query} from './query-ast.js';
import {compareValue} from './query-compare.js';
import {resolvePath} from './query-path.js';

/**
 * Whether a record matches a parsed query. A comparison holds when any value
 * its field leads to matches; `!=` and `!~=` are exactly NOT `=` and NOT `~=`,
 * so `f[*] != 'x'` means no element is x, and a missing field is != anything.
 */
export function matchesQuery(query: Query, record: unknown): boolean {
	switch (query.type) {
		case 'all':
			return true;
		case 'and':
			return matchesQuery(query.left, record) && matchesQuery(query.right, record);
		case 'or':
			return matchesQuery(query.left, record) || matchesQuery(query.right, record);
		case 'not':
			return !matchesQuery(query.operand, record);
		case 'compare': {
			const any = resolvePath(record, query.field).some(value => compareValue(value, query));
			return query.operator === '!=' || query.operator === '!~=' ? !any : any;
		}
	}
}
