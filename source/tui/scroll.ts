export function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), Math.max(low, high));
}

/**
 * The first visible row after moving to [first, last] with `height` rows on
 * screen: scroll as little as possible, so the window only moves when the
 * cursor would leave it.
 */
export function scrollToShow(top: number, first: number, last: number, height: number, total: number): number {
	let next = top;
	if (last >= next + height) next = last - height + 1;
	if (first < next) next = first;
	return clamp(next, 0, total - height);
}
