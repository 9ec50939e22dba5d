/** Hands over what was added at most once per `intervalMs`: the first report after a quiet spell at once, later ones gathered. */
export type Batcher<T> = {add: (item: T) => void; close: () => void};

export type BatcherOptions<T> = {
	intervalMs: number;
	/** Folds a new item into what is waiting (undefined: nothing is). */
	merge: (pending: T | undefined, item: T) => T;
	flush: (batch: T) => void;
	/** Milliseconds; injected so that tests control time. */
	now?: () => number;
};

export function createBatcher<T>(options: BatcherOptions<T>): Batcher<T> {
	const now = options.now ?? (() => performance.now());
	let pending: T | undefined;
	let timer: NodeJS.Timeout | undefined;
	let lastFlush = Number.NEGATIVE_INFINITY;
	const run = () => {
		timer = undefined;
		if (pending === undefined) return;
		const batch = pending;
		pending = undefined;
		lastFlush = now();
		options.flush(batch);
	};
	return {
		add(item) {
			pending = options.merge(pending, item);
			timer ??= setTimeout(run, Math.max(0, lastFlush + options.intervalMs - now()));
		},
		close() {
			clearTimeout(timer);
			timer = undefined;
			pending = undefined;
		},
	};
}
