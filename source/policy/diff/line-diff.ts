import {toYaml} from '../dump.js';
import {interleaveBlock} from './in-place.js';
import {inKeyOrderOf} from './key-order.js';
import {lineRuns} from './line-runs.js';
import type {DiffLine} from './lines.js';

/** Every line of both texts, unchanged ones included, in unified order. */
export function diffText(beforeText: string, afterText: string): DiffLine[] {
	const runs = lineRuns(splitLines(beforeText), splitLines(afterText));
	const lines: DiffLine[] = [];
	let beforeLine = 1;
	let afterLine = 1;
	let removed: DiffLine[] = [];
	for (const run of runs) {
		if (run.kind === 'removed') {
			removed = run.lines.map(text => ({kind: 'removed', text, beforeLine: beforeLine++}));
			continue;
		}
		if (run.kind === 'added') {
			lines.push(...interleaveBlock(removed, run.lines.map(text => ({kind: 'added', text, afterLine: afterLine++}))));
		} else {
			lines.push(...removed);
			for (const text of run.lines) lines.push({kind: 'same', text, beforeLine: beforeLine++, afterLine: afterLine++});
		}
		removed = [];
	}
	lines.push(...removed);
	return lines;
}

/** The line diff of two objects as spyctl writes them (reference §4.7: the YAML dumps), key order aside. */
export function diffDumps(before: unknown, after: unknown): DiffLine[] {
	return diffText(toYaml(before), toYaml(inKeyOrderOf(after, before)));
}

function splitLines(text: string): string[] {
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	return lines;
}
