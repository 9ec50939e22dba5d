import type {Network} from '../../policy/cidr.js';
import type {Operator} from './query-lexer.js';
import type {FieldPath} from './query-path.js';

export type Literal = string | number | boolean;

/** `field operator value`, with what the operator needs compiled once at parse time. */
export type Comparison = {
	type: 'compare';
	field: FieldPath;
	operator: Operator;
	value: Literal;
	/** For `~=` and `!~=`: the glob as an anchored regular expression. */
	pattern?: RegExp;
	/** For `<<`: the subnet. */
	network?: Network;
};

export type Query = {type: 'all'} | {type: 'and' | 'or'; left: Query; right: Query} | {type: 'not'; operand: Query} | Comparison;
