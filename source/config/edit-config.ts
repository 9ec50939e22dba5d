import {type Document, isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq} from 'yaml';
import {type ContextFilters, isFilterAlias} from './context-filters.js';

/** A context as set-context writes it. */
export type ContextSettings = {
	name: string;
	secret: string;
	organization: string;
	filters: ContextFilters;
};

// These edit the parsed Document in place, so comments, key order and
// untouched formatting survive the rewrite.

export function setCurrentContext(document: Document, name: string): void {
	document.set('current-context', name);
}

/** Adds the context, or replaces the one with the same name where it stands. */
export function upsertContext(document: Document, settings: ContextSettings): 'created' | 'updated' {
	const contexts = contextsOf(document);
	const existing = contexts.items.findLast(item => nameOf(item) === settings.name);
	const fields: Record<string, string | string[]> = {organization: settings.organization, ...settings.filters};
	if (isMap(existing)) {
		existing.set('secret', settings.secret);
		const context = existing.get('context', true);
		if (isMap(context)) replaceFields(document, context, fields);
		else existing.set('context', document.createNode(fields));
		return 'updated';
	}
	// An empty `contexts: []` would otherwise grow as a one-line flow list.
	contexts.flow = false;
	contexts.items.push(document.createNode({name: settings.name, secret: settings.secret, context: fields}));
	return 'created';
}

/** Removes every context with this name; false when there was none. */
export function removeContext(document: Document, name: string): boolean {
	const contexts = contextsOf(document);
	const before = contexts.items.length;
	contexts.items = contexts.items.filter(item => nameOf(item) !== name);
	return contexts.items.length !== before;
}

/** Keeps each surviving key (and its comment) in place, drops the rest, appends new ones. */
function replaceFields(document: Document, map: YAMLMap, fields: Record<string, string | string[]>): void {
	for (const key of map.items.map(pair => String(isScalar(pair.key) ? pair.key.value : pair.key))) {
		if (isFilterAlias(key) || !(key in fields)) map.delete(key);
	}
	for (const [key, value] of Object.entries(fields)) {
		map.set(key, typeof value === 'string' ? value : document.createNode(value));
	}
}

/** Only validated documents reach here, and those always have a contexts list. */
function contextsOf(document: Document): YAMLSeq {
	const contexts = document.get('contexts', true);
	if (!isSeq(contexts)) throw new Error('config document has no contexts list');
	return contexts;
}

function nameOf(item: unknown): unknown {
	return isMap(item) ? item.get('name') : undefined;
}
