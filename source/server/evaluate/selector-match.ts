import {isRecord} from '../../policy/is-record.js';
import {globMatches} from '../../policy/merge/glob.js';
import type {Workload} from './workload.js';

const one = (value: string | undefined): string[] => (value === undefined ? [] : [value]);

/** The values a workload has for one field (plain, matchFields or expression key) of a non-label selector; none when it does not say. */
function fieldValues(key: string, workload: Workload, field: string): string[] {
	switch (key) {
		case 'containerSelector': {
			return one(workload.container[field]);
		}
		case 'serviceSelector': {
			return one(workload.service[field]);
		}
		case 'clusterSelector': {
			return one(workload.cluster[field]);
		}
		default: {
			if (field === 'hostname') return workload.hostnames;
			if (field === 'machineUID' || field === 'uid') return one(workload.machineUid);
			return field === 'sourceName' ? one(workload.sourceName) : [];
		}
	}
}

const fieldSelectorKeys = ['containerSelector', 'serviceSelector', 'clusterSelector', 'machineSelector'];

const labelSources: Record<string, (workload: Workload) => Record<string, string> | undefined> = {
	namespaceSelector: workload => workload.namespaceLabels,
	podSelector: workload => workload.podLabels,
};

/** The selector keys that scope a workload, as a policy spec or an action body holds them. */
export const workloadSelectorKeys = [...fieldSelectorKeys, ...Object.keys(labelSources)];

/**
 * Does the workload fall in the scope of every workload selector `holder`
 * carries (a policy spec, or a response action's body)? A selector the holder
 * lacks does not narrow it; a field the workload does not report never
 * matches a selector that asks for it, so unknown workloads are not swept in.
 */
export function selectorsMatch(holder: Record<string, unknown>, workload: Workload): boolean {
	for (const key of workloadSelectorKeys) {
		const selector = holder[key];
		if (isRecord(selector) && !selectorMatches(key, selector, workload)) return false;
	}
	return true;
}

function selectorMatches(key: string, selector: Record<string, unknown>, workload: Workload): boolean {
	const labels = labelSources[key];
	if (labels) return labelsMatch(selector, labels(workload) ?? {});
	for (const field in selector) {
		const pattern = selector[field];
		if (field === 'matchFields') {
			if (isRecord(pattern) && !Object.entries(pattern).every(([name, glob]) => anyGlobMatches(glob, fieldValues(key, workload, name)))) return false;
		} else if (field === 'matchFieldsExpressions') {
			if (Array.isArray(pattern) && !pattern.every(expression => expressionMatches(expression, name => fieldValues(key, workload, name)))) return false;
		} else if (!anyGlobMatches(pattern, fieldValues(key, workload, field))) {
			return false;
		}
	}
	return true;
}

/** Kubernetes label selector semantics: every matchLabels pair present, every expression true. */
function labelsMatch(selector: Record<string, unknown>, labels: Record<string, string>): boolean {
	const matchLabels = isRecord(selector['matchLabels']) ? selector['matchLabels'] : {};
	if (!Object.entries(matchLabels).every(([key, value]) => labels[key] === value)) return false;
	const expressions = Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] : [];
	return expressions.every(expression => expressionMatches(expression, key => one(labels[key])));
}

/** `{key, operator: In|NotIn|Exists|DoesNotExist, values}`: a missing key is outside In and inside NotIn, as in Kubernetes. */
function expressionMatches(expression: unknown, values: (key: string) => string[]): boolean {
	if (!isRecord(expression) || typeof expression['key'] !== 'string') return false;
	const present = values(expression['key']);
	const wanted = Array.isArray(expression['values']) ? expression['values'] : [];
	switch (expression['operator']) {
		case 'In': {
			return present.some(value => wanted.includes(value));
		}
		case 'NotIn': {
			return !present.some(value => wanted.includes(value));
		}
		case 'Exists': {
			return present.length > 0;
		}
		case 'DoesNotExist': {
			return present.length === 0;
		}
		default: {
			return false;
		}
	}
}

/** A selector field holds one glob or a list of them (machineSelector's hostname, machineUID); any may match any value. */
function anyGlobMatches(pattern: unknown, values: readonly string[]): boolean {
	if (typeof pattern === 'string') return values.some(value => globMatches(pattern, value));
	return Array.isArray(pattern) && pattern.some(glob => typeof glob === 'string' && values.some(value => globMatches(glob, value)));
}
