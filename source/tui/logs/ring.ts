/**
 * A bounded buffer of the newest items, as an immutable value: appending
 * makes a new ring and the oldest items make room. `total` counts every item
 * ever appended, so an item's sequence number (its position in the whole
 * stream) stays the same while older ones fall out.
 *
 * Items sit in chunks that successive rings share: appending copies at most
 * one chunk, and the ring a frame showed before pins little beyond the ring
 * of now. At thousands of events a second both matter: no copy of the whole
 * buffer per update, and no second buffer kept alive for the garbage collector
 * to walk.
 */
export type Ring<T> = {
	readonly capacity: number;
	/** Every chunk is full but the last; the oldest `skip` items of the first have fallen out. */
	readonly chunks: ReadonlyArray<readonly T[]>;
	readonly skip: number;
	readonly length: number;
	readonly total: number;
};

const chunkBits = 9;
const chunkSize = 1 << chunkBits;

export function emptyRing<T>(capacity: number): Ring<T> {
	return {capacity: Math.max(1, Math.floor(capacity)), chunks: [], skip: 0, length: 0, total: 0};
}

export function append<T>(ring: Ring<T>, batch: readonly T[]): Ring<T> {
	if (batch.length === 0) return ring;
	const kept = batch.length > ring.capacity ? batch.slice(-ring.capacity) : batch;
	const chunks = [...ring.chunks];
	let offset = 0;
	const last = chunks.at(-1);
	if (last && last.length < chunkSize) {
		offset = chunkSize - last.length;
		chunks[chunks.length - 1] = [...last, ...kept.slice(0, offset)];
	}
	for (; offset < kept.length; offset += chunkSize) chunks.push(kept.slice(offset, offset + chunkSize));
	let skip = ring.skip;
	let length = ring.length + kept.length;
	// Whole chunks go first, then the start of the oldest one left.
	while (length > ring.capacity) {
		const available = chunks[0]!.length - skip;
		if (length - available >= ring.capacity) {
			chunks.shift();
			length -= available;
			skip = 0;
		} else {
			skip += length - ring.capacity;
			length = ring.capacity;
		}
	}
	return {capacity: ring.capacity, chunks, skip, length, total: ring.total + batch.length};
}

/** The item at `index` among those held, 0 the oldest. */
export function ringAt<T>(ring: Ring<T>, index: number): T | undefined {
	if (index < 0 || index >= ring.length) return undefined;
	const position = ring.skip + index;
	return ring.chunks[position >> chunkBits]?.[position & (chunkSize - 1)];
}

/** The items held, oldest first, as one array. */
export function ringItems<T>(ring: Ring<T>): T[] {
	return ring.chunks.flat().slice(ring.skip) as T[];
}

/** Sequence number of the oldest item held. */
export function firstSeq(ring: Ring<unknown>): number {
	return ring.total - ring.length;
}

/** Items that had to make room for newer ones. */
export function dropped(ring: Ring<unknown>): number {
	return firstSeq(ring);
}

export function itemAt<T>(ring: Ring<T>, seq: number): T | undefined {
	return ringAt(ring, seq - firstSeq(ring));
}

/** `ring` followed by `next`, whose sequence numbers continue ring's (items held back while paused). */
export function concatRings<T>(ring: Ring<T>, next: Ring<T>): Ring<T> {
	if (next.total === 0) return ring;
	const joined = append(ring, ringItems(next));
	return {...joined, total: ring.total + next.total};
}
