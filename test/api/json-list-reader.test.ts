import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {jsonListReader} from '../../source/api/json-list-reader.js';

type Read = {ok: true; value: unknown; runs: number} | {ok: false; error: unknown};

/** Feeds the bytes cut at the given places, as a socket would hand them over, and gives back the document read. */
function readInPieces(bytes: Buffer, cuts: readonly number[]): Read {
	const elements: unknown[] = [];
	let runs = 0;
	const reader = jsonListReader(run => {
		runs++;
		elements.push(...run);
	});
	const places = [...new Set(cuts.map(cut => cut % (bytes.length + 1)))].sort((a, b) => a - b);
	try {
		let from = 0;
		for (const place of [...places, bytes.length]) {
			reader.push(bytes.subarray(from, place));
			from = place;
		}
		const end = reader.end();
		return {ok: true, value: end.list ? elements : end.value, runs};
	} catch (error) {
		return {ok: false, error};
	}
}

function parsedWhole(text: string): Read {
	try {
		return {ok: true, value: JSON.parse(text) as unknown, runs: 0};
	} catch (error) {
		return {ok: false, error};
	}
}

const key = fc.constantFrom('uid', 'name', 'spec', 'a"b', 'é', '');
/** Elements like a policy list's, whose nested objects often begin as the elements do (`{"uid":`): the reader's guesses about where an element ends are then wrong, and must be caught. */
const record = fc.letrec(tie => ({
	node: fc.oneof(
		{depthSize: 'small', withCrossShrink: true},
		fc.jsonValue({maxDepth: 2}),
		fc.record({uid: fc.string({unit: 'binary'}), child: tie('node')}),
		fc.array(tie('node'), {maxLength: 3}),
		fc.dictionary(key, tie('node'), {maxKeys: 3}),
	),
})).node;
const list = fc.array(fc.oneof(fc.record({uid: fc.string({unit: 'binary'}), body: record}), record), {maxLength: 12});
const layout = fc.constantFrom<undefined | number | string>(undefined, 1, 2, '\t', ' \r\n ');
const cuts = fc.array(fc.nat(), {maxLength: 12});

describe('reading a JSON list as its bytes arrive', () => {
	test('hands over every element, in order, however the bytes are cut and laid out', () => {
		fc.assert(
			fc.property(list, layout, cuts, (value, indent, places) => {
				const text = JSON.stringify(value, null, indent);
				expect(readInPieces(Buffer.from(text), places)).toMatchObject({ok: true, value: JSON.parse(text) as unknown});
			}),
		);
	});

	test('reads what is not a list whole, as JSON.parse would', () => {
		fc.assert(
			fc.property(fc.jsonValue().filter(value => !Array.isArray(value)), layout, cuts, (value, indent, places) => {
				const text = ` ${JSON.stringify(value, null, indent)}\n`;
				expect(readInPieces(Buffer.from(text), places)).toMatchObject({ok: true, value: JSON.parse(text) as unknown});
			}),
		);
	});

	test('fails where JSON.parse fails, and reads the same value where it does not, whatever the damage', () => {
		const damage = fc.record({at: fc.nat(), remove: fc.nat(3), insert: fc.constantFrom('', ',', '}', ']', '{', '[', '"', '\\', ':', ' ', 'x', '0', '{"uid":', '},{"uid":')});
		fc.assert(
			fc.property(list, layout, damage, cuts, (value, indent, change, places) => {
				const text = JSON.stringify(value, null, indent);
				const at = change.at % (text.length + 1);
				const damaged = text.slice(0, at) + change.insert + text.slice(at + change.remove);
				// The bytes' own text: cutting a surrogate pair in two leaves a character UTF-8 cannot hold.
				const bytes = Buffer.from(damaged);
				const whole = parsedWhole(bytes.toString('utf8'));
				const read = readInPieces(bytes, places);
				expect(read.ok).toBe(whole.ok);
				if (whole.ok && read.ok) expect(read.value).toEqual(whole.value);
				if (!read.ok) expect(read.error).toBeInstanceOf(SyntaxError);
			}),
		);
	});

	test('hands a long list over in runs, while it arrives, not all at the end, even when objects inside begin as its elements do', () => {
		const records = Array.from({length: 2000}, (_, index) => ({uid: `pol:${index}`, policy: {spec: {processPolicy: [{uid: 'a'}, {uid: `b},{"uid":${index}`}]}}}));
		const bytes = Buffer.from(JSON.stringify(records));
		const read = readInPieces(bytes, Array.from({length: 40}, (_, index) => Math.floor((bytes.length * index) / 40)));
		expect(read).toMatchObject({ok: true, value: records});
		expect(read.ok && read.runs).toBeGreaterThan(30);
	});

	test('an empty answer, a cut list and words after the list are errors', () => {
		for (const text of ['', '   ', '[{"uid":1},{"uid":2}', '[{"uid":1}] trailing', '[{"uid":1}{"uid":2}]', '[{"uid":1},]', '[,{"uid":1}]']) {
			expect(readInPieces(Buffer.from(text), [3, 9]), text).toMatchObject({ok: false, error: expect.any(SyntaxError) as unknown});
		}
	});

	test('a character of several bytes cut between two reads is read whole', () => {
		const records = [{uid: 'été', name: '政策'}, {uid: '🛡️', name: 'x'}];
		const bytes = Buffer.from(JSON.stringify(records));
		for (let cut = 0; cut <= bytes.length; cut++) expect(readInPieces(bytes, [cut])).toMatchObject({ok: true, value: records});
	});
});
