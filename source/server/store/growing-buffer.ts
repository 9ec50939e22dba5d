/**
 * Bytes written into one buffer, sized from a guess (the last list's size):
 * it grows, by copying, only when the guess was short.
 */
export class GrowingBuffer {
	private buffer: Buffer;
	private length = 0;

	constructor(expected: number) {
		// A list a little longer than last time still fits.
		this.buffer = Buffer.allocUnsafe(Math.max(1024, Math.ceil(expected * 1.1)));
	}

	byte(value: number): void {
		if (this.length === this.buffer.length) this.reserve(1);
		this.buffer[this.length++] = value;
	}

	/** Appends the text as UTF-8. */
	text(value: string): void {
		// A UTF-16 unit is at most 3 bytes: only a text that might not fit is measured.
		if (this.length + value.length * 3 > this.buffer.length) this.reserve(Buffer.byteLength(value));
		this.length += this.buffer.write(value, this.length);
	}

	/** What was written. Contents under half the room (a list much shorter than the last) are copied out, so the room is not kept. */
	bytes(): Buffer {
		if (this.length * 2 < this.buffer.length) return Buffer.from(this.buffer.subarray(0, this.length));
		return this.buffer.subarray(0, this.length);
	}

	private reserve(size: number): void {
		if (this.length + size <= this.buffer.length) return;
		const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + size));
		this.buffer.copy(grown, 0, 0, this.length);
		this.buffer = grown;
	}
}
