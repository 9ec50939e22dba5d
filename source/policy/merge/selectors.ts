import {isRecord} from '../is-record.js';
import {globMatches} from './glob.js';
import {compareText, sortedUnique} from './text-order.js';
import type {MergeMode} from './types.js';
import {generalise} from './wildcard.js';

type Spec = Record<string, unknown>;

/** How one selector field combines the base value with the other's; undefined drops the field. */
type FieldMerge = (base: unknown, other: unknown, mode: MergeMode) => unknown;

/**
 * spyctl's merge schema for selectors (merge_schema.py). Asymmetric merges
 * keep what still describes both objects; symmetric merges (create)
 * generalise names into globs. podSelector merges matchExpressions like
 * namespaceSelector: spyctl's schema forgets them and so deletes them.
 */
const selectorFields: Record<string, Record<string, FieldMerge>> = {
	containerSelector: {
		image: nameGlob,
		imageID: allEqual,
		containerName: nameGlob,
		containerID: allEqual,
		matchFields: commonEntries,
		matchFieldsExpressions: expressionUnion,
	},
	serviceSelector: {cgroup: nameGlob, matchFields: commonEntries, matchFieldsExpressions: expressionUnion},
	clusterSelector: {matchFields: commonEntries, matchFieldsExpressions: expressionUnion},
	machineSelector: {hostname: textOrList, machineUID: textOrList, matchFields: commonEntries, matchFieldsExpressions: expressionUnion},
	namespaceSelector: {matchLabels: commonEntries, matchExpressions: expressionUnion},
	podSelector: {matchLabels: commonEntries, matchExpressions: expressionUnion},
};

export const selectorKeys = Object.keys(selectorFields);

/**
 * The selectors of the merged spec, by key; undefined for a selector that is
 * dropped. Asymmetric: a selector only one side has keeps the base's.
 * Symmetric: it is dropped, since the result must select both workloads.
 * A selector left without fields is dropped.
 */
export function mergeSelectors(base: Spec, other: Spec, mode: MergeMode): Record<string, Record<string, unknown> | undefined> {
	const merged: Record<string, Record<string, unknown> | undefined> = {};
	for (const [key, fields] of Object.entries(selectorFields)) {
		const baseSelector = base[key];
		const otherSelector = other[key];
		if (!isRecord(baseSelector)) continue;
		if (!isRecord(otherSelector)) {
			merged[key] = mode === 'asymmetric' ? baseSelector : undefined;
			continue;
		}
		merged[key] = mergeFields(baseSelector, otherSelector, fields, mode);
	}
	return merged;
}

function mergeFields(base: Record<string, unknown>, other: Record<string, unknown>, fields: Record<string, FieldMerge>, mode: MergeMode): Record<string, unknown> | undefined {
	const result: Record<string, unknown> = {};
	for (const [field, value] of Object.entries(base)) {
		const merge = fields[field];
		const otherValue = other[field];
		// A field the other side does not mention: asymmetric keeps it, symmetric cannot vouch for it.
		const mergedValue = otherValue === undefined ? (mode === 'asymmetric' ? value : undefined) : merge ? merge(value, otherValue, mode) : value;
		if (mergedValue !== undefined) result[field] = mergedValue;
	}
	return Object.keys(result).length > 0 ? result : undefined;
}

/** image, containerName, cgroup: asymmetric keeps the base glob if it covers the other; symmetric generalises. */
function nameGlob(base: unknown, other: unknown, mode: MergeMode): string | undefined {
	if (typeof base !== 'string' || typeof other !== 'string' || base === '' || other === '') return undefined;
	if (mode === 'symmetric') return generalise(base, other);
	return globMatches(base, other) ? base : undefined;
}

/** imageID, containerID: only an exact match still selects both. */
function allEqual(base: unknown, other: unknown): unknown {
	return base === other ? base : undefined;
}

/** matchLabels, matchFields: the entries both sides agree on. */
function commonEntries(base: unknown, other: unknown): Record<string, unknown> | undefined {
	if (!isRecord(base) || !isRecord(other)) return undefined;
	const common = Object.entries(base).filter(([key, value]) => Object.hasOwn(other, key) && other[key] === value);
	return common.length > 0 ? Object.fromEntries(common) : undefined;
}

type Expression = {key: string; operator: string; values?: string[]};

/**
 * Expressions of both sides, one per key and operator, values unioned (base
 * values first) and sorted by key then operator, as spyctl does.
 */
function expressionUnion(base: unknown, other: unknown): Expression[] | undefined {
	if (!Array.isArray(base) || !Array.isArray(other)) return undefined;
	const byKey = new Map<string, Expression>();
	for (const expression of [...base, ...other] as Expression[]) {
		const key = `${expression.key}\u0000${expression.operator}`;
		const existing = byKey.get(key);
		if (!existing) {
			byKey.set(key, {...expression, ...(expression.values ? {values: [...expression.values]} : {})});
		} else if (existing.values && expression.values) {
			existing.values = [...new Set([...existing.values, ...expression.values])];
		}
	}
	return [...byKey.values()].sort((a, b) => compareText(a.key, b.key) || compareText(a.operator, b.operator));
}

/** hostname, machineUID: two texts merge like names; otherwise the sorted union of both lists. */
function textOrList(base: unknown, other: unknown, mode: MergeMode): unknown {
	if (typeof base === 'string' && typeof other === 'string') return nameGlob(base, other, mode);
	const list = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? (value as string[]) : []);
	return sortedUnique([...list(base), ...list(other)]);
}
