import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {append, concatRings, dropped, emptyRing, firstSeq, itemAt, ringAt, ringItems} from '../../../source/tui/logs/ring.js';

describe('the ring', () => {
	test('keeps the newest items up to its capacity and counts the ones that made room', () => {
		let ring = emptyRing<number>(3);
		ring = append(ring, [0, 1]);
		expect(ringItems(ring)).toEqual([0, 1]);
		ring = append(ring, [2, 3, 4]);
		expect(ringItems(ring)).toEqual([2, 3, 4]);
		expect(dropped(ring)).toBe(2);
		expect(firstSeq(ring)).toBe(2);
		expect(itemAt(ring, 3)).toBe(3);
		expect(itemAt(ring, 1)).toBeUndefined();
		expect(ringAt(ring, 3)).toBeUndefined();
	});

	test('a batch larger than the ring keeps only its newest items', () => {
		const ring = append(emptyRing<number>(2), [0, 1, 2, 3, 4]);
		expect(ringItems(ring)).toEqual([3, 4]);
		expect(ring.total).toBe(5);
	});

	test('appending nothing gives the same ring; a ring is never changed in place', () => {
		const ring = append(emptyRing<number>(2), [1]);
		expect(append(ring, [])).toBe(ring);
		append(ring, [2, 3]);
		expect(ringItems(ring)).toEqual([1]);
	});

	test('holds what a plain array of the newest items would, whatever the batches', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 1500}), fc.array(fc.integer({min: 0, max: 700}), {maxLength: 12}), (capacity, sizes) => {
				let ring = emptyRing<number>(capacity);
				let model: number[] = [];
				let next = 0;
				for (const size of sizes) {
					const batch = Array.from({length: size}, () => next++);
					const before = ring;
					const beforeItems = ringItems(before);
					ring = append(ring, batch);
					model = [...model, ...batch].slice(-capacity);
					// The old ring still reads as it did: chunks are shared, never written.
					expect(ringItems(before)).toEqual(beforeItems);
				}
				expect(ringItems(ring)).toEqual(model);
				expect(ring.length).toBe(model.length);
				expect(Array.from({length: ring.length}, (_, index) => ringAt(ring, index))).toEqual(model);
				expect(dropped(ring)).toBe(next - model.length);
			}),
		);
	});

	test('a ring that continues another (items held while paused) keeps the sequence numbers', () => {
		const shown = append(emptyRing<number>(3), [0, 1]);
		const held = append(emptyRing<number>(3), [2, 3, 4, 5]);
		const joined = concatRings(shown, held);
		expect(ringItems(joined)).toEqual([3, 4, 5]);
		expect(firstSeq(joined)).toBe(3);
		expect(dropped(joined)).toBe(3);
		expect(concatRings(shown, emptyRing(3))).toBe(shown);
	});

	test('memory stays flat: a million items through a ring of ten thousand keep ten thousand, in 20 chunks', () => {
		let ring = emptyRing<number>(10_000);
		for (let batch = 0; batch < 1000; batch++) ring = append(ring, Array.from({length: 1000}, (_, index) => batch * 1000 + index));
		expect(ring.length).toBe(10_000);
		expect(ringAt(ring, 0)).toBe(990_000);
		expect(ring.chunks.length).toBeLessThanOrEqual(21);
		expect(dropped(ring)).toBe(990_000);
	});
});
