import {describe, expect, test} from 'vitest';
import type {LogEntry} from '../../../source/tui/logs/entry.js';
import {compilePattern} from '../../../source/tui/logs/pattern.js';
import {append, emptyRing, type Ring} from '../../../source/tui/logs/ring.js';
import {applyFilter, extendFilter, visibleList} from '../../../source/tui/logs/visible.js';
import {entryFrom, logEvent} from './events.js';

function entries(from: number, messages: string[]): LogEntry[] {
	return messages.map((message, index) => entryFrom(logEvent(`log:${from + index}`, {message}), from + index));
}

function messages(ring: Ring<LogEntry>, filter?: ReturnType<typeof applyFilter>): string[] {
	const list = visibleList(ring, filter);
	return Array.from({length: list.length}, (_, index) => list.at(index)!.message);
}

describe('the & filter over the ring', () => {
	test('keeps the matching entries, and follows the ring as entries arrive and fall out', () => {
		const first = entries(0, ['nginx up', 'sh ran', 'nginx down']);
		let ring = append(emptyRing<LogEntry>(4), first);
		let filter = applyFilter(compilePattern('nginx', {invertible: true}), ring);
		expect(messages(ring, filter)).toEqual(['nginx up', 'nginx down']);

		const more = entries(3, ['nginx again', 'curl']);
		ring = append(ring, more);
		filter = extendFilter(filter, ring, more);
		// "nginx up" fell out of the ring of four.
		expect(messages(ring, filter)).toEqual(['nginx down', 'nginx again']);
		expect(filter.seqs).toEqual([2, 3]);
	});

	test('an inverted filter keeps the others', () => {
		const ring = append(emptyRing<LogEntry>(4), entries(0, ['nginx up', 'sh ran']));
		expect(messages(ring, applyFilter(compilePattern('!nginx', {invertible: true}), ring))).toEqual(['sh ran']);
	});

	test('finds an entry by sequence number, or the next one shown', () => {
		const ring = append(emptyRing<LogEntry>(10), entries(0, ['apple', 'berry', 'apple', 'berry']));
		const list = visibleList(ring, applyFilter(compilePattern('apple', {invertible: true}), ring));
		expect(list.indexFrom(2)).toBe(1);
		expect(list.indexFrom(1)).toBe(1);
		expect(list.indexFrom(3)).toBe(2);
		expect(visibleList(ring, undefined).indexFrom(-5)).toBe(0);
	});
});
