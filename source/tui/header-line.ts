import {failuresBeforeOffline} from './results.js';
import type {State} from './store.js';
import {textWidth, truncateMiddle} from './text.js';
import type {Tone} from './tone.js';

/** One part of the header; parts that may shrink give up columns, middle first, so the rest always shows. */
export type HeaderPart = {text: string; tone?: Tone; shrink?: boolean; /** Leading characters that never shrink, such as a label. */ keep?: number};

export const appName = 'spytui';
const lock = '🔒 read-only';
const gap = '  ';

/** Text width, counting the lock emoji as the two columns terminals give it. */
function partWidth(part: HeaderPart): number {
	return textWidth(part.text) + (part.text.includes('🔒') ? 1 : 0);
}

export type HeaderCounts = {policies: number; invalidFiles: number; drafts: number};

/** The header's parts: where the policies come from, the connection, the lock and the counts. */
export function headerParts(state: State, counts: HeaderCounts): HeaderPart[] {
	const parts: HeaderPart[] = [{text: appName, tone: 'heading'}];
	const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
	if (state.origin.kind === 'folder') {
		parts.push({text: `${state.origin.mode}: ${state.origin.location}`, shrink: true, keep: state.origin.mode.length + 2});
		parts.push({text: lock, tone: 'warn'});
		parts.push({text: `${counts.policies} ${counts.policies === 1 ? 'policy' : 'policies'}`});
		if (counts.invalidFiles > 0) parts.push({text: plural(counts.invalidFiles, 'invalid file'), tone: 'error'});
		if (state.load.phase === 'loading') parts.push({text: 'reading…', tone: 'muted'});
		return parts;
	}
	const backend = state.connection.backend;
	if (backend) {
		parts.push({text: backend.kind === 'embedded' ? 'embedded' : `context ${backend.contextName ?? '?'}`, shrink: true});
		parts.push({text: `org ${backend.organization}`, shrink: true, keep: 4});
		parts.push({text: `@${backend.label}`, tone: 'muted', shrink: true});
	}
	parts.push(connectionPart(state));
	if (state.origin.readOnly) parts.push({text: lock, tone: 'warn'});
	if (state.listing) parts.push({text: `${counts.policies} ${counts.policies === 1 ? 'policy' : 'policies'}`});
	if (counts.drafts > 0) parts.push({text: plural(counts.drafts, 'draft'), tone: 'warn'});
	return parts;
}

function connectionPart(state: State): HeaderPart {
	const {phase, failures, lastError} = state.connection;
	switch (phase) {
		case 'connecting': {
			return {text: '◌ connecting…', tone: 'muted'};
		}
		case 'ok': {
			return {text: '● ok', tone: 'success'};
		}
		case 'retrying': {
			return {text: `⟳ retrying ${failures}/${failuresBeforeOffline}`, tone: 'warn'};
		}
		case 'offline': {
			return {text: `✗ offline: ${lastError ?? 'no answer'}`, tone: 'error', shrink: true, keep: 10};
		}
	}
}

/** Cuts shrinkable parts (from the last) until the line fits `width`. */
export function fitParts(parts: readonly HeaderPart[], width: number): HeaderPart[] {
	const total = () => fitted.reduce((sum, part) => sum + partWidth(part), 0) + gap.length * (fitted.length - 1);
	const fitted = parts.map(part => ({...part}));
	for (let index = fitted.length - 1; index >= 0 && total() > width; index--) {
		const part = fitted[index]!;
		if (!part.shrink) continue;
		const keep = [...part.text].slice(0, part.keep ?? 0).join('');
		const tail = part.text.slice(keep.length);
		const room = Math.max(10, textWidth(tail) - (total() - width));
		part.text = keep + truncateMiddle(tail, room);
	}
	return fitted;
}

export const headerGap = gap;
