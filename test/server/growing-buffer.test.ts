import fc from 'fast-check';
import {expect, test} from 'vitest';
import {GrowingBuffer} from '../../source/server/store/growing-buffer.js';

test('holds exactly the bytes written, as UTF-8, however short the guess of their size was', () => {
	fc.assert(
		fc.property(fc.nat(5000), fc.array(fc.oneof(fc.string({unit: 'binary', maxLength: 3000}), fc.integer({min: 0, max: 255})), {maxLength: 40}), (expected, parts) => {
			const buffer = new GrowingBuffer(expected);
			for (const part of parts) {
				if (typeof part === 'number') buffer.byte(part);
				else buffer.text(part);
			}
			const written = Buffer.concat(parts.map(part => (typeof part === 'number' ? Buffer.from([part]) : Buffer.from(part, 'utf8'))));
			expect(buffer.bytes().equals(written)).toBe(true);
		}),
	);
});

test('a list much shorter than the guess is not kept in the room guessed for it', () => {
	const buffer = new GrowingBuffer(1_000_000);
	buffer.text('[]');
	const bytes = buffer.bytes();
	expect(bytes.toString()).toBe('[]');
	expect(bytes.buffer.byteLength).toBeLessThan(1_000_000);
});
