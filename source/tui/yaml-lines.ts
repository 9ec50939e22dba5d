import {toYaml} from '../policy/dump.js';
import {span, type Span} from './tone.js';

const cache = new WeakMap<object, Span[][]>();

/** A document as spyctl writes it, one line of spans per YAML line: keys dimmer than their values. */
export function yamlLines(value: Record<string, unknown>): Span[][] {
	let lines = cache.get(value);
	if (!lines) {
		lines = toYaml(value)
			.replace(/\n$/, '')
			.split('\n')
			.map(line => yamlLine(line));
		cache.set(value, lines);
	}
	return lines;
}

function yamlLine(line: string): Span[] {
	const match = /^(\s*(?:- )*)([^\s:'"][^:]*|'[^']*'|"[^"]*"):(\s.*)?$/.exec(line);
	if (!match) return [span(line, 'value')];
	const [, indent = '', key = '', rest = ''] = match;
	return [span(indent, 'muted'), span(`${key}:`, 'key'), span(rest, 'value')];
}
