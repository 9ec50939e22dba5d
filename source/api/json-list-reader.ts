/** How a document read by jsonListReader ended: a list, whose elements were all handed over, or some other value. */
export type ListEnd = {list: true} | {list: false; value: unknown};

export type JsonListReader = {
	/** The next bytes of the document. Throws a SyntaxError as soon as a run of elements is not JSON. */
	push(chunk: Buffer): void;
	/** The document is complete: hands over the last elements, or parses what was not a list. */
	end(): ListEnd;
};

const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const comma = 0x2c;
const colon = 0x3a;

/**
 * Parses a JSON document as its bytes arrive. When it is a list, its elements
 * are handed over in runs, each run as soon as its last element is whole.
 *
 * A list of 10,000 policies is 10 MB. Parsed whole, it needed the 10 MB of
 * bytes joined, then a 10 MB string, then every record alive at once until
 * the parse ended: on a VM where touching fresh memory costs 16 µs a page,
 * that memory cost more than the parse. A run is one socket read's worth:
 * its string is small, and its records are dropped as soon as they are read.
 *
 * Where the list's own elements end is found by scanning for brackets
 * outside strings; once the first element shows how elements begin (a
 * policy record's `{"uid":`), it is guessed from that instead, and the parse
 * checks the guess. JSON.parse checks everything else. Every byte is parsed
 * in a run or at the end, so a malformed document throws as it would have
 * whole.
 */
export function jsonListReader(onElements: (elements: unknown[]) => void): JsonListReader {
	let phase: 'start' | 'list' | 'closed' | 'other' = 'start';
	let pending: Buffer[] = [];
	let runs = 0;
	let depth = 0;
	let inString = false;
	let escaped = false;
	/** How each element of this list begins (`{"uid":`), learned from the first, while guessing where runs end works. */
	let guess: Buffer | undefined;
	let guessing = true;

	/** Moves past the rest of a string, from inside it; stops at the chunk's end if the string goes on. */
	function skipString(chunk: Buffer, from: number): number {
		const length = chunk.length;
		let index = from;
		if (escaped) {
			escaped = false;
			index++;
		}
		while (index < length) {
			const byte = chunk[index++];
			if (byte === quote) {
				inString = false;
				return index;
			}
			if (byte === backslash) {
				if (index === length) escaped = true;
				else index++;
			}
		}
		return index;
	}

	/** Scans chunk[from..] and returns the index just past the last element that ends in it, or -1. */
	function scan(chunk: Buffer, from: number): number {
		const length = chunk.length;
		if (from === length) return -1;
		let index = inString ? skipString(chunk, from) : from;
		let level = depth;
		let lastEnd = -1;
		while (index < length) {
			const byte = chunk[index++];
			if (byte === quote) {
				inString = true;
				index = skipString(chunk, index);
			} else if (byte === openBrace || byte === openBracket) {
				level++;
			} else if (byte === closeBrace || byte === closeBracket) {
				level--;
				if (level === 1) lastEnd = index;
				else if (level === 0) {
					// The list has closed: whatever follows is checked by the final parse.
					phase = 'closed';
					break;
				}
			}
		}
		depth = level;
		return lastEnd;
	}

	/** The run's bytes between brackets, in one buffer: a string made of pieces would be copied again by JSON.parse. */
	function parseRun(pieces: Buffer[]): unknown[] {
		const size = pieces.reduce((total, piece) => total + piece.length, 0);
		const text = Buffer.allocUnsafe(size + 2);
		let offset = 1;
		for (const piece of pieces) offset += piece.copy(text, offset);
		let start = 0;
		if (runs > 0) {
			start = 1;
			while (start <= size && isWhitespace(text[start]!)) start++;
			if (text[start] !== comma) throw new SyntaxError(`Expected ',' or ']' after an element of the list, found ${JSON.stringify(text.toString('utf8', start, start + 20))}`);
		}
		text[start] = openBracket;
		text[size + 1] = closeBracket;
		const elements = JSON.parse(text.toString('utf8', start)) as unknown[];
		if (runs === 0) guess = elementOpening(text, start + 1);
		runs++;
		return elements;
	}

	/** Cuts the scanned chunk after its last whole element, if any; the rest waits for the next chunk. */
	function takeScanned(chunk: Buffer, from: number): void {
		const lastEnd = scan(chunk, from);
		if (lastEnd < 0) {
			pending.push(chunk.subarray(from));
			return;
		}
		pending.push(chunk.subarray(from, lastEnd));
		const elements = parseRun(pending);
		pending = [chunk.subarray(lastEnd)];
		onElements(elements);
	}

	/**
	 * Cuts the chunk where an element seems to begin, without scanning it. A
	 * wrong guess, where an object inside an element begins like the elements
	 * do, cannot parse: the brackets around the run would not balance. Then
	 * the run is scanned after all, and so is the rest of the list.
	 */
	function takeGuessed(chunk: Buffer, from: number, opening: Buffer): void {
		const cut = guessedEnd(chunk, from, opening);
		if (cut < 0) {
			pending.push(chunk.subarray(from));
			return;
		}
		pending.push(chunk.subarray(from, cut));
		let elements: unknown[];
		try {
			elements = parseRun(pending);
		} catch {
			guessing = false;
			const unscanned = Buffer.concat([...pending, chunk.subarray(cut)]);
			pending = [];
			depth = 1;
			inString = false;
			escaped = false;
			takeScanned(unscanned, 0);
			return;
		}
		pending = [chunk.subarray(cut)];
		onElements(elements);
	}

	return {
		push(chunk) {
			let from = 0;
			if (phase === 'start') {
				while (from < chunk.length && isWhitespace(chunk[from]!)) from++;
				if (from === chunk.length) return;
				if (chunk[from] === openBracket) {
					phase = 'list';
					depth = 1;
					from++;
				} else {
					phase = 'other';
				}
			}
			if (phase !== 'list') {
				pending.push(chunk.subarray(from));
				return;
			}
			if (guess && guessing) takeGuessed(chunk, from, guess);
			else takeScanned(chunk, from);
		},

		end() {
			const rest = joined(pending);
			pending = [];
			if (phase === 'start' || phase === 'other') return {list: false, value: JSON.parse(rest) as unknown};
			// The rest holds the list's last elements and its closing bracket: `[` makes it a list again.
			const last = JSON.parse(`[${runs === 0 ? rest : afterComma(rest, true)}`) as unknown[];
			if (last.length > 0) onElements(last);
			return {list: true};
		},
	};
}

/** Just past the element end before the last place in chunk[from..] where an element seems to begin, or -1. */
function guessedEnd(chunk: Buffer, from: number, opening: Buffer): number {
	let at = chunk.lastIndexOf(opening);
	while (at > from) {
		let index = at - 1;
		while (index >= from && isWhitespace(chunk[index]!)) index--;
		if (index >= from && chunk[index] === comma) {
			index--;
			while (index >= from && isWhitespace(chunk[index]!)) index--;
			if (index >= from && (chunk[index] === closeBrace || chunk[index] === closeBracket)) return index + 1;
		}
		at = chunk.lastIndexOf(opening, at - 1);
	}
	return -1;
}

/** An object element's opening up to its first key's colon (`{"uid":`), or undefined for any other element. */
function elementOpening(text: Buffer, from: number): Buffer | undefined {
	let index = from;
	while (index < text.length && isWhitespace(text[index]!)) index++;
	if (text[index] !== openBrace) return undefined;
	const begin = index;
	const limit = Math.min(text.length, begin + 64);
	for (index++; index < limit && isWhitespace(text[index]!); index++);
	if (text[index] !== quote) return undefined;
	for (index++; index < limit && text[index] !== quote; index++) if (text[index] === backslash) return undefined;
	for (index++; index < limit && isWhitespace(text[index]!); index++);
	return index < limit && text[index] === colon ? Buffer.from(text.subarray(begin, index + 1)) : undefined;
}

/** A run after the first starts with the comma that follows the element before it; the rest may close the list instead. */
function afterComma(text: string, mayClose = false): string {
	const index = skipWhitespace(text, 0);
	if (text[index] === ',') {
		// A comma is followed by an element: `[` before `]` would hide a trailing comma.
		if (text[skipWhitespace(text, index + 1)] === ']') throw new SyntaxError('Unexpected "]" after a comma in the list');
		return text.slice(index + 1);
	}
	if (mayClose && text[index] === ']') return text.slice(index);
	throw new SyntaxError(index === text.length ? 'Unexpected end of JSON input' : `Expected ',' or ']' after an element of the list, found ${JSON.stringify(text.slice(index, index + 20))}`);
}

function skipWhitespace(text: string, from: number): number {
	let index = from;
	while (index < text.length && isWhitespace(text.charCodeAt(index))) index++;
	return index;
}

function joined(pieces: Buffer[]): string {
	return (pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces)).toString('utf8');
}

function isWhitespace(code: number): boolean {
	return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
