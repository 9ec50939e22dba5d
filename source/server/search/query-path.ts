import {isRecord} from '../../policy/is-record.js';
import {QuerySyntaxError} from './query-error.js';

/** One step from a value to the values inside it. */
export type PathStep = {kind: 'key'; name: string} | {kind: 'each'} | {kind: 'keys'} | {kind: 'values'};

export type FieldPath = {text: string; steps: PathStep[]};

const namePattern = /^[A-Za-z_][A-Za-z0-9_-]*/;

/**
 * Reads a field as spyctl writes it: dotted names (`metadata.type`), `[*]` for
 * any element of a list, and `:keys` / `:vals` for the keys or values of a map
 * (`labels:keys[*] = 'app'`). `column` is where the field starts in the query.
 */
export function parsePath(text: string, column: number): FieldPath {
	const steps: PathStep[] = [];
	let index = 0;
	const readName = () => {
		const name = namePattern.exec(text.slice(index));
		if (!name) throw new QuerySyntaxError(column + index, `expected a field name in '${text}'`);
		steps.push({kind: 'key', name: name[0]});
		index += name[0].length;
	};
	readName();
	while (index < text.length) {
		const rest = text.slice(index);
		if (rest.startsWith('[*]')) {
			steps.push({kind: 'each'});
			index += 3;
		} else if (rest.startsWith(':keys')) {
			steps.push({kind: 'keys'});
			index += 5;
		} else if (rest.startsWith(':vals')) {
			steps.push({kind: 'values'});
			index += 5;
		} else if (rest.startsWith('.')) {
			index++;
			readName();
		} else if (rest.startsWith('[')) {
			throw new QuerySyntaxError(column + index, `only [*] (any element) may follow a field name in brackets, in '${text}'`);
		} else if (rest.startsWith(':')) {
			throw new QuerySyntaxError(column + index, `unknown field modifier in '${text}'; use :keys or :vals`);
		} else {
			throw new QuerySyntaxError(column + index, `unexpected '${rest[0]}' in field '${text}'`);
		}
	}
	return {text, steps};
}

/**
 * The values a path leads to in a record. Without `[*]` that is at most one
 * value; `[*]` fans out over a list, so a comparison holds when any of them
 * matches. A missing field leads to no value at all.
 */
export function resolvePath(record: unknown, path: FieldPath): unknown[] {
	let values: unknown[] = [record];
	for (const step of path.steps) {
		const next: unknown[] = [];
		for (const value of values) {
			if (step.kind === 'each') {
				if (Array.isArray(value)) next.push(...(value as unknown[]));
			} else if (isRecord(value)) {
				if (step.kind === 'key') {
					if (Object.hasOwn(value, step.name) && value[step.name] !== undefined) next.push(value[step.name]);
				} else {
					next.push(step.kind === 'keys' ? Object.keys(value) : Object.values(value));
				}
			}
		}
		values = next;
	}
	return values;
}
