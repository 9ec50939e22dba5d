import type {z} from 'zod';
import type {PathSegment} from './problem.js';

type Def = Record<string, unknown> & {type: string};

function defOf(schema: z.core.$ZodType): Def {
	return schema._zod.def as unknown as Def;
}

/** The object schemas a value at `path` could be checked against, looking through optional, nullable and union wrappers. */
function objectsAt(schema: z.core.$ZodType, path: readonly PathSegment[]): Def[] {
	let candidates = unwrap(schema);
	for (const segment of path) {
		const next: z.core.$ZodType[] = [];
		for (const def of candidates) {
			if (typeof segment === 'number' && def.type === 'array') next.push(def['element'] as z.core.$ZodType);
			if (typeof segment === 'string' && def.type === 'object') {
				const child = (def['shape'] as Record<string, z.core.$ZodType>)[segment];
				if (child) next.push(child);
			}
			if (def.type === 'record' && typeof segment === 'string') next.push(def['valueType'] as z.core.$ZodType);
		}
		candidates = next.flatMap(unwrap);
	}
	return candidates.filter(def => def.type === 'object');
}

function unwrap(schema: z.core.$ZodType): Def[] {
	const def = defOf(schema);
	if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') return unwrap(def['innerType'] as z.core.$ZodType);
	if (def.type === 'pipe') return unwrap(def['in'] as z.core.$ZodType);
	if (def.type === 'union') return (def['options'] as z.core.$ZodType[]).flatMap(unwrap);
	return [def];
}

/** The fields allowed where an unknown key was found. */
export function allowedFieldsAt(schema: z.core.$ZodType, path: readonly PathSegment[]): string[] {
	return [...new Set(objectsAt(schema, path).flatMap(def => Object.keys(def['shape'] as object)))];
}

/** The allowed field nearest to a mistyped one, if it is close enough to be a typo. */
export function closestFieldName(name: string, allowed: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
	for (const candidate of allowed) {
		const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name.toLowerCase(), candidate.toLowerCase());
		if (distance <= bestDistance && candidate !== name) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length]!;
}
