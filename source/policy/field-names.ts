import type {z} from 'zod';
import {kinds, publishedSchemaFor} from './schema/kinds.js';

let known: string[] | undefined;

/** Every field name any kind defines, read from the schemas so that it cannot drift from them. */
function fieldNames(): string[] {
	if (!known) {
		const names = new Set<string>();
		const seen = new Set<unknown>();
		const visit = (schema: z.core.$ZodType | undefined): void => {
			if (!schema || seen.has(schema._zod.def)) return;
			seen.add(schema._zod.def);
			const def = schema._zod.def as unknown as Record<string, unknown>;
			if (def['type'] === 'object') {
				for (const [name, child] of Object.entries(def['shape'] as Record<string, z.core.$ZodType>)) {
					names.add(name);
					visit(child);
				}
			}
			for (const key of ['innerType', 'element', 'in', 'out', 'left', 'right', 'valueType']) visit(def[key] as z.core.$ZodType | undefined);
			for (const option of (def['options'] as z.core.$ZodType[] | undefined) ?? []) visit(option);
		};
		for (const kind of kinds) visit(publishedSchemaFor(kind));
		known = [...names];
	}
	return known;
}

/** The defined field nearest to a mistyped one, if it is close enough to be a typo. */
export function closestFieldName(name: string): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(1, Math.min(2, Math.floor(name.length / 3)));
	for (const candidate of fieldNames()) {
		if (candidate === name) continue;
		const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
		if (distance <= bestDistance) {
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
