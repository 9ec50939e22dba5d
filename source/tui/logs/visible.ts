import {entryText, type LogEntry} from './entry.js';
import type {Pattern} from './pattern.js';
import {firstSeq, itemAt, type Ring, ringAt, ringItems} from './ring.js';

/**
 * The `&` filter in effect: its pattern and the sequence numbers of the held
 * entries it keeps, ascending. Kept up to date as entries arrive and fall
 * out, so a filter over a full ring costs only the new entries.
 */
export type AppliedFilter = {pattern: Pattern; seqs: readonly number[]};

export function applyFilter(pattern: Pattern, ring: Ring<LogEntry>): AppliedFilter {
	return {pattern, seqs: ringItems(ring).filter(entry => pattern.test(entryText(entry))).map(entry => entry.seq)};
}

/** The filter after `ring` took in `added` (and let its oldest go). */
export function extendFilter(filter: AppliedFilter, ring: Ring<LogEntry>, added: readonly LogEntry[]): AppliedFilter {
	const first = firstSeq(ring);
	const kept = filter.seqs[0] !== undefined && filter.seqs[0] < first ? filter.seqs.slice(lowerBound(filter.seqs, first)) : filter.seqs;
	const matching = added.filter(entry => entry.seq >= first && filter.pattern.test(entryText(entry))).map(entry => entry.seq);
	return {pattern: filter.pattern, seqs: matching.length === 0 ? kept : [...kept, ...matching]};
}

/** The lines the panel shows, in order: every held entry, or the ones the filter keeps. */
export type VisibleList = {
	length: number;
	at: (index: number) => LogEntry | undefined;
	/** The index of the entry with this sequence number, or of the first one after it; `length` when none is. */
	indexFrom: (seq: number) => number;
};

export function visibleList(ring: Ring<LogEntry>, filter: AppliedFilter | undefined): VisibleList {
	if (!filter) {
		const first = firstSeq(ring);
		return {
			length: ring.length,
			at: index => ringAt(ring, index),
			indexFrom: seq => Math.min(ring.length, Math.max(0, seq - first)),
		};
	}
	const {seqs} = filter;
	return {length: seqs.length, at: index => (seqs[index] === undefined ? undefined : itemAt(ring, seqs[index])), indexFrom: seq => lowerBound(seqs, seq)};
}

/** The first index whose value is at least `value`, in an ascending list. */
function lowerBound(values: readonly number[], value: number): number {
	let low = 0;
	let high = values.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (values[middle]! < value) low = middle + 1;
		else high = middle;
	}
	return low;
}
