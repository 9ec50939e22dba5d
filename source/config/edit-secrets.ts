import {type Document, isMap, isSeq, type YAMLSeq} from 'yaml';
import {apiVersion, secretKind} from './spyctl-format.js';

export type SecretSettings = {apiKey?: string; apiUrl?: string};

// These edit the parsed Document in place, so comments and other secrets'
// formatting survive the rewrite.

/**
 * Adds an APISecret, or updates the given fields of an existing one. Updated
 * values go to stringData and the same field is dropped from data, which
 * would otherwise still win.
 */
export function upsertSecret(
	document: Document,
	name: string,
	settings: SecretSettings,
	nowSeconds: number,
): 'created' | 'updated' {
	const secrets = secretsOf(document);
	const existing = secrets.items.findLast(item => nameOf(item) === name);
	const fields = {apikey: settings.apiKey, apiurl: settings.apiUrl};
	if (isMap(existing)) {
		const data = existing.get('data', true);
		for (const [key, value] of Object.entries(fields)) {
			if (value === undefined) continue;
			existing.setIn(['stringData', key], value);
			if (isMap(data)) data.delete(key);
		}
		if (isMap(data) && data.items.length === 0) existing.delete('data');
		return 'updated';
	}
	secrets.flow = false;
	secrets.items.push(
		document.createNode({
			apiVersion,
			kind: secretKind,
			metadata: {name, creationTimestamp: nowSeconds},
			stringData: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
		}),
	);
	return 'created';
}

/** Removes every secret with this name; false when there was none. */
export function removeSecret(document: Document, name: string): boolean {
	const secrets = secretsOf(document);
	const before = secrets.items.length;
	secrets.items = secrets.items.filter(item => nameOf(item) !== name);
	return secrets.items.length !== before;
}

/** An empty secrets file (as spyctl creates it) becomes a list on first write. */
function secretsOf(document: Document): YAMLSeq {
	if (document.contents === null) document.contents = document.createNode([]) as YAMLSeq;
	const secrets = document.contents;
	if (!isSeq(secrets)) throw new Error('secrets document is not a list');
	return secrets;
}

function nameOf(item: unknown): unknown {
	return isMap(item) ? item.getIn(['metadata', 'name']) : undefined;
}
