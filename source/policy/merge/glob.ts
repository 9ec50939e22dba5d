/**
 * Glob matching as spyctl does it: Python's fnmatch.fnmatch on POSIX. `*`
 * crosses `/` and leading dots, `?` is one character, `[seq]`/`[!seq]` are
 * sets, and nothing else is special (no braces, no extglobs, no escapes). A
 * general-purpose glob library reads `{a,b}`, `@(x)` or `\` differently, and
 * a process name or image that a policy matches must match here too.
 */

const compiled = new Map<string, RegExp>();
const special = /[*?[]/;

/** Does `text` match the fnmatch `pattern`? Case-sensitive, whole-string. */
export function globMatches(pattern: string, text: string): boolean {
	if (!special.test(pattern)) return pattern === text;
	let regex = compiled.get(pattern);
	if (!regex) {
		regex = new RegExp(`^(?:${translate(pattern)})$`, 'su');
		compiled.set(pattern, regex);
	}
	return regex.test(text);
}

/** Python's fnmatch.translate, emitting a JavaScript (unicode-mode) regex body. */
function translate(pattern: string): string {
	const chars = Array.from(pattern);
	let out = '';
	let index = 0;
	while (index < chars.length) {
		const char = chars[index++]!;
		if (char === '*') {
			if (!out.endsWith('.*')) out += '.*';
		} else if (char === '?') {
			out += '.';
		} else if (char === '[') {
			const set = readSet(chars, index);
			if (set) {
				out += set.regex;
				index = set.next;
			} else {
				out += escapeChar('[');
			}
		} else {
			out += escapeChar(char);
		}
	}
	return out;
}

type CharRange = {low: number; high: number};

/** A `[...]` set that starts at `start` (just after `[`), or undefined when it never closes and `[` is literal. */
function readSet(chars: string[], start: number): {regex: string; next: number} | undefined {
	let end = start;
	if (chars[end] === '!') end++;
	if (chars[end] === ']') end++;
	while (end < chars.length && chars[end] !== ']') end++;
	if (end >= chars.length) return undefined;

	const negated = chars[start] === '!';
	const body = chars.slice(negated ? start + 1 : start, end);
	const next = end + 1;
	if (body.length === 0) return {regex: negated ? '.' : '(?!)', next};
	const ranges = setRanges(body);
	if (ranges.length === 0) return {regex: negated ? '.' : '(?!)', next};
	const items = ranges.map(({low, high}) => (low === high ? codePoint(low) : `${codePoint(low)}-${codePoint(high)}`)).join('');
	return {regex: `[${negated ? '^' : ''}${items}]`, next};
}

/**
 * The members of a set body. As in Python, a `-` between two characters makes
 * a range, a `-` first or last is literal, and a reversed range (`z-a`)
 * matches nothing and is dropped.
 */
function setRanges(body: string[]): CharRange[] {
	// Python splits the body at each range hyphen; the first character is never one.
	const chunks: string[][] = [];
	let chunkStart = 0;
	let search = 1;
	for (;;) {
		const hyphen = body.indexOf('-', search);
		if (hyphen < 0) break;
		chunks.push(body.slice(chunkStart, hyphen));
		chunkStart = hyphen + 1;
		search = hyphen + 3;
	}
	const last = body.slice(chunkStart);
	if (last.length > 0) chunks.push(last);
	else chunks.at(-1)!.push('-');

	// Adjacent chunks form a range from the last character of one to the first of the next.
	for (let index = chunks.length - 1; index > 0; index--) {
		const before = chunks[index - 1]!;
		const after = chunks[index]!;
		if (before.length > 0 && after.length > 0 && before.at(-1)!.codePointAt(0)! > after[0]!.codePointAt(0)!) {
			chunks[index - 1] = [...before.slice(0, -1), ...after.slice(1)];
			chunks.splice(index, 1);
		}
	}

	const ranges: CharRange[] = [];
	for (const [index, chunk] of chunks.entries()) {
		const members = chunk.map(char => char.codePointAt(0)!);
		const startsRange = index > 0;
		const endsRange = index < chunks.length - 1;
		for (const [position, member] of members.entries()) {
			const isLow = endsRange && position === members.length - 1;
			const isHigh = startsRange && position === 0;
			if (isHigh) continue;
			if (isLow) {
				ranges.push({low: member, high: chunks[index + 1]![0]!.codePointAt(0)!});
			} else {
				ranges.push({low: member, high: member});
			}
		}
	}
	return ranges;
}

function codePoint(value: number): string {
	return `\\u{${value.toString(16)}}`;
}

function escapeChar(char: string): string {
	return codePoint(char.codePointAt(0)!);
}
