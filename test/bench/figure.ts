/** One measured number and the target it is held to. */
export type Figure = {
	name: string;
	value: number;
	unit: string;
	target: number;
	/** Lower is better for times and sizes; higher for throughput. */
	better: 'lower' | 'higher';
	/**
	 * Why a figure is shown beside the target without being held to it: it
	 * measures something other than what the target is about, such as React's
	 * development build under the test driver, next to the shipped bundle.
	 */
	notHeld?: string;
};

export function missed(figure: Figure): boolean {
	if (figure.notHeld) return false;
	return figure.better === 'lower' ? figure.value > figure.target : figure.value < figure.target;
}

export function formatFigure(figure: Figure): string {
	const comparison = figure.better === 'lower' ? '≤' : '≥';
	const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(1);
	if (figure.notHeld) return `${figure.name}: ${value} ${figure.unit} (for reference, not held to the target of ${comparison} ${figure.target} ${figure.unit}: ${figure.notHeld})`;
	const line = `${figure.name}: ${value} ${figure.unit} (target: ${comparison} ${figure.target} ${figure.unit})`;
	return missed(figure) ? `${line} MISSED` : line;
}

/** The median of `runs` timed calls after `warmup` untimed ones, in milliseconds. */
export function medianMs(run: () => void, runs = 9, warmup = 3): number {
	for (let index = 0; index < warmup; index++) run();
	const times: number[] = [];
	for (let index = 0; index < runs; index++) {
		const start = performance.now();
		run();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}
