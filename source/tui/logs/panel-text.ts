import {span, type Span} from '../tone.js';
import {dropped} from './ring.js';
import type {LogsState, LogTarget} from './state.js';
import {windowAt} from './windows.js';

function targetName(target: LogTarget): string {
	if (target.kind === 'all') return 'all policies';
	return target.kind === 'policy' ? target.name : target.query;
}

/** `Logs  web-frontend  [5m]  &!nginx`. */
export function panelTitle(logs: LogsState): Span[] {
	const title = [span('Logs', 'heading'), span(`  ${targetName(logs.request.target)}`, 'name'), span(`  [${windowAt(logs.request.window).label}]`, 'accent')];
	if (logs.filter && logs.line?.kind !== 'filter') title.push(span(`  &${logs.filter.pattern.text}`, 'warn'));
	return title;
}

export const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

const onOff = (on: boolean) => (on ? 'On' : 'Off');

/**
 * The strip above the events, as k9s has: the toggles, then what needs
 * saying: events held while paused, events the ring let go, a search's
 * position, a failing or stopped tail.
 */
export function indicatorSpans(logs: LogsState, matches?: {total: number; upToCursor: number}): Span[] {
	const spans = [span(`Follow:${onOff(logs.follow)}  Wrap:${onOff(logs.wrap)}  Timestamps:${onOff(logs.timestamps)}`, 'muted')];
	if (logs.held) spans.push(span(`  ${plural(logs.held.matching, 'new event')}${logs.held.matching > 0 ? ' (s shows them)' : ''}`, logs.held.matching > 0 ? 'warn' : 'muted'));
	const lost = dropped(logs.ring) + (logs.held ? dropped(logs.held.ring) : 0);
	if (lost > 0) spans.push(span(`  dropped ${lost.toLocaleString('en')}`, 'warn'));
	if (logs.search && logs.line?.kind !== 'search' && matches) spans.push(span(`  /${logs.search.text} ${matches.upToCursor} of ${matches.total}`, 'accent'));
	if (logs.retry) spans.push(span(`  ⟳ retry ${logs.retry.failures}: ${logs.retry.message}`, 'warn'));
	if (logs.phase === 'stopped') spans.push(span(`  ✗ stopped: ${logs.error ?? 'unknown error'}`, 'error'));
	return spans;
}

/** The line being typed after `&` or `/`, with a cursor, and a regex error when there is one. */
export function inputSpans(logs: LogsState): Span[] {
	const line = logs.line;
	if (!line) return [];
	const prefix = line.kind === 'filter' ? '&' : '/';
	const pattern = line.kind === 'filter' ? logs.filter?.pattern : logs.search;
	const hint = line.kind === 'filter' ? '  regex; a leading ! shows the lines that do not match; enter keeps, esc goes back' : '  regex; enter keeps and goes to the nearest match, esc goes back';
	return [span(prefix, 'accent'), span(line.text), span(' ', 'match'), pattern?.error ? span(`  ${pattern.error}`, 'error') : span(line.text === '' ? hint : '', 'muted')];
}

/** What an empty panel says: what happened, and what to do about it. */
export function emptyText(logs: LogsState, held: number): string {
	const name = logs.request.target.kind === 'all' ? 'any policy' : targetName(logs.request.target);
	const window = windowAt(logs.request.window);
	if (logs.phase === 'looking-up') return `looking up the policy '${targetName(logs.request.target)}'…`;
	if (logs.phase === 'stopped') return `The tail stopped: ${(logs.error ?? 'unknown error').replace(/\.$/, '')}. Press 0 to 6 to try again, esc to go back.`;
	if (logs.phase === 'reading') return logs.retry ? `Cannot read the logs: ${logs.retry.message}. Retrying by itself (${logs.retry.failures})…` : `reading the last ${window.period} of logs for ${name}…`;
	if (logs.ring.length > 0) return `No line matches &${logs.filter?.pattern.text ?? ''} among ${plural(logs.ring.length, 'event')} — press & then ctrl+u and enter to see them all`;
	if (held > 0) return `${plural(held, 'new event')} arrived while paused — press s to show them`;
	if (window.label === 'tail') return `No events for ${name} in the last ${window.period} — new ones show here as they happen`;
	return `No events for ${name} in the last ${window.period} — press 0 to tail from now`;
}
