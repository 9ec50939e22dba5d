import type {Span} from './tone.js';

/*
 * Width is counted in code points. Policy names, paths and selectors are ASCII
 * in practice; a wide character costs at most a misaligned column, never a crash.
 */

export function textWidth(text: string): number {
	return [...text].length;
}

/** Cuts `text` to `width` columns, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	const characters = [...text];
	if (characters.length <= width) return text;
	return `${characters.slice(0, width - 1).join('').trimEnd()}…`;
}

/** Cuts the middle out of `text`, keeping both ends: for paths, whose ends say the most. */
export function truncateMiddle(text: string, width: number): string {
	const characters = [...text];
	if (characters.length <= width) return text;
	if (width <= 1) return truncate(text, width);
	const head = Math.ceil((width - 1) / 2);
	const tail = width - 1 - head;
	return `${characters.slice(0, head).join('')}…${tail > 0 ? characters.slice(-tail).join('') : ''}`;
}

/** Truncates or pads with spaces to exactly `width` columns. */
export function fit(text: string, width: number): string {
	const cut = truncate(text, width);
	return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/** Truncates a line of spans to `width` columns, keeping each span's tone. */
export function truncateSpans(spans: readonly Span[], width: number): Span[] {
	const total = spans.reduce((sum, part) => sum + textWidth(part.text), 0);
	if (total <= width) return [...spans];
	const result: Span[] = [];
	let room = width - 1;
	for (const part of spans) {
		if (room <= 0) break;
		const characters = [...part.text];
		result.push({...part, text: characters.slice(0, room).join('')});
		room -= Math.min(room, characters.length);
	}
	const last = result.at(-1);
	if (last) last.text = `${last.text.trimEnd()}…`;
	else if (width > 0) result.push({text: '…'});
	return result;
}

/** Splits a line of spans into lines of at most `width` columns, breaking after spaces where it can. */
export function wrapSpans(spans: readonly Span[], width: number): Span[][] {
	const characters = spans.flatMap(part => [...part.text].map(character => ({character, part})));
	if (width <= 0 || characters.length <= width) return [[...spans]];
	const lines: Span[][] = [];
	let start = 0;
	while (start < characters.length) {
		let end = Math.min(start + width, characters.length);
		if (end < characters.length) {
			const space = characters.slice(start, end).map(item => item.character).lastIndexOf(' ');
			if (space > 0) end = start + space + 1;
		}
		lines.push(regroup(characters.slice(start, end)));
		start = end;
	}
	return lines;
}

function regroup(characters: Array<{character: string; part: Span}>): Span[] {
	const spans: Span[] = [];
	for (const {character, part} of characters) {
		const last = spans.at(-1);
		if (last && last.tone === part.tone) last.text += character;
		else spans.push(part.tone === undefined ? {text: character} : {text: character, tone: part.tone});
	}
	return spans;
}
