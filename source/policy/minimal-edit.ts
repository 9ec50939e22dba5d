import {isDeepStrictEqual} from 'node:util';
import {isMap, isScalar, type Pair, type Scalar, type YAMLMap} from 'yaml';
import {loadDocuments, type LoadedObject} from './load.js';
import {isRecord} from './is-record.js';

export type SpecSwitch = {key: 'mode'; value: 'audit' | 'enforce'} | {key: 'enabled'; value: boolean};

/** spyctl writes spec keys in this order: a new key goes before the first of these that follows it. */
const insertBefore: Record<SpecSwitch['key'], string[]> = {
	enabled: ['mode', 'processPolicy', 'networkPolicy', 'rulesets', 'allowedFlags', 'response'],
	mode: ['processPolicy', 'networkPolicy', 'rulesets', 'allowedFlags', 'response'],
};

/**
 * Sets `spec.mode` or `spec.enabled` by splicing the file's text, so that the
 * only line that changes is the one holding the value: comments, key order,
 * quoting, flow style and odd spacing all stay as the author left them.
 */
export function setSpecSwitch(object: LoadedObject, change: SpecSwitch): string {
	const {source} = object;
	const document = source.documents()[object.documentIndex];
	const container = document?.getIn(object.path, true) ?? document?.contents;
	const spec = isMap(container) ? container.get('spec', true) : undefined;
	if (!isMap(spec)) throw new Error(`${source.file}: cannot edit spec.${change.key}: spec is not a mapping`);

	const text = source.text;
	const pair = spec.items.find(item => keyOf(item) === change.key);
	const edited = pair ? replaceValue(text, pair, change) : insertPair(text, spec, change);
	verify(object, edited, change);
	return edited;
}

function replaceValue(text: string, pair: Pair, change: SpecSwitch): string {
	const node = pair.value;
	if (!isScalar(node) || !node.range) throw new Error(`spec.${change.key} is not a plain value`);
	const [start, end] = node.range;
	return text.slice(0, start) + renderScalar(change.value, node.type) + text.slice(end);
}

function insertPair(text: string, spec: YAMLMap, change: SpecSwitch): string {
	const first = spec.items[0];
	const quoteKeys = first !== undefined && isScalar(first.key) && first.key.type === 'QUOTE_DOUBLE';
	const keyText = quoteKeys ? JSON.stringify(change.key) : change.key;
	const valueText = renderScalar(change.value, quoteKeys ? 'QUOTE_DOUBLE' : 'PLAIN');

	if (spec.flow) {
		if (!first) {
			const open = spec.range![0];
			return `${text.slice(0, open + 1)}${keyText}: ${valueText}${text.slice(open + 1)}`;
		}
		// Reuse the spacing between `{` and the first key, so pretty JSON stays pretty.
		const firstStart = rangeOf(first.key)[0];
		const open = text.lastIndexOf('{', firstStart);
		const separator = text.slice(open + 1, firstStart) || ' ';
		return `${text.slice(0, firstStart)}${keyText}: ${valueText},${separator}${text.slice(firstStart)}`;
	}

	// A new line ends the way the file's lines end, so a CRLF file stays CRLF.
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const anchor = spec.items.find(item => insertBefore[change.key].includes(String(keyOf(item))));
	const reference = anchor ?? first;
	if (!reference) throw new Error('spec is empty');
	const keyStart = rangeOf(reference.key)[0];
	const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
	const indent = text.slice(lineStart, keyStart);
	if (anchor && /^[ \t]*$/.test(indent)) {
		return `${text.slice(0, lineStart)}${indent}${keyText}: ${valueText}${eol}${text.slice(lineStart)}`;
	}
	// No key to stand before: add the line after the mapping's last value.
	const end = spec.range![1];
	const column = /^[ \t]*$/.test(indent) ? indent : ' '.repeat(keyStart - lineStart);
	const line = `${column}${keyText}: ${valueText}`;
	return text[end - 1] === '\n' ? `${text.slice(0, end)}${line}${eol}${text.slice(end)}` : `${text.slice(0, end)}${eol}${line}${text.slice(end)}`;
}

function renderScalar(value: string | boolean, style: Scalar['type']): string {
	if (typeof value === 'boolean') return String(value);
	if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
	if (style === 'QUOTE_SINGLE') return `'${value}'`;
	return value;
}

function keyOf(pair: Pair): unknown {
	return isScalar(pair.key) ? pair.key.value : pair.key;
}

function rangeOf(node: unknown): [number, number, number] {
	const range = (node as {range?: [number, number, number]}).range;
	if (!range) throw new Error('node has no source position');
	return range;
}

/** The splice is only trusted if the file now reads back as the old object with exactly this change. */
function verify(object: LoadedObject, edited: string, change: SpecSwitch): void {
	const reloaded = loadDocuments(edited, object.source.file);
	const original = loadDocuments(object.source.text, object.source.file);
	const index = original.objects.findIndex(candidate => candidate.documentIndex === object.documentIndex && isDeepStrictEqual(candidate.path, object.path));
	const expected = original.objects.map(candidate => candidate.value);
	const target = expected[index];
	if (index < 0 || !target || !isRecord(target['spec'])) throw new Error('edited object not found');
	expected[index] = {...target, spec: {...target['spec'], [change.key]: change.value}};
	const actual = reloaded.objects.map(candidate => candidate.value);
	const same = actual.length === expected.length && actual.every((value, i) => isDeepStrictEqual(value, expected[i]));
	if (!same || reloaded.problems.length > 0) throw new Error(`${object.source.file}: could not set spec.${change.key} without changing other content; the file was left untouched`);
}

