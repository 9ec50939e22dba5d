import {fit} from '../text.js';
import {type Severity, span, type Span, type Tone} from '../tone.js';
import {clockTime, type LogEntry} from './entry.js';
import {matchRanges, type Pattern} from './pattern.js';
import {policyTone} from './policy-colour.js';

export type LineOptions = {
	timestamps: boolean;
	/** Every policy is tailed: each policy name takes its own colour. */
	allPolicies: boolean;
	/** Columns of the policy name; 0 leaves the name out. */
	policyWidth: number;
	/** Matches of this search are highlighted. */
	search?: Pattern;
};

const knownSeverities: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

const kindWidth = 9;
const severityWidth = 8;

/** One event as a line: time, policy, type, severity (coloured) and message. */
export function lineSpans(entry: LogEntry, options: LineOptions): Span[] {
	const spans: Span[] = [];
	if (options.timestamps) spans.push(span(`${clockTime(entry.time)} `, 'muted'));
	// Few spans: each is a styled Text for Ink to lay out, on every line of every frame.
	if (options.policyWidth > 0) spans.push(span(fit(entry.policyName, options.policyWidth), options.allPolicies ? policyTone(entry.policyUid) : 'muted'));
	spans.push(span(`${options.policyWidth > 0 ? ' ' : ''}${fit(entry.kind, kindWidth)} `, 'muted'));
	spans.push(span(fit(entry.severity, severityWidth), severityTone(entry.severity)));
	spans.push(span(` ${entry.message}`));
	return options.search ? highlighted(spans, options.search) : spans;
}

function severityTone(severity: string): Tone {
	return (knownSeverities as readonly string[]).includes(severity) ? (`severity:${severity}` as Tone) : 'muted';
}

/** Splits the spans at the search's matches and gives the matched text the match tone. */
export function highlighted(spans: readonly Span[], search: Pattern): Span[] {
	const ranges = matchRanges(search, spans.map(part => part.text).join(''));
	if (ranges.length === 0) return [...spans];
	const result: Span[] = [];
	let offset = 0;
	for (const part of spans) {
		const end = offset + part.text.length;
		let cursor = offset;
		for (const [from, to] of ranges) {
			if (to <= cursor || from >= end) continue;
			if (from > cursor) result.push({...part, text: part.text.slice(cursor - offset, from - offset)});
			const stop = Math.min(to, end);
			result.push(span(part.text.slice(Math.max(from, cursor) - offset, stop - offset), 'match'));
			cursor = stop;
		}
		if (cursor < end) result.push({...part, text: part.text.slice(cursor - offset)});
		offset = end;
	}
	return result;
}
