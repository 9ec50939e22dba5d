/** How far back the panel reads, picked with 0 to 6 as in k9s. */
export type LogWindow = {
	key: string;
	label: string;
	/** How far back the first read starts, in seconds and in words. */
	seconds: number;
	period: string;
	/** Only the newest this many of the first read are shown: the tail. */
	tail?: number;
};

const day = 24 * 3600;

export const logWindows: readonly LogWindow[] = [
	// The tail looks back a day for its newest events: the search API asks for a window.
	{key: '0', label: 'tail', seconds: day, period: '24h', tail: 100},
	{key: '1', label: '1m', seconds: 60, period: '1m'},
	{key: '2', label: '5m', seconds: 5 * 60, period: '5m'},
	{key: '3', label: '15m', seconds: 15 * 60, period: '15m'},
	{key: '4', label: '30m', seconds: 30 * 60, period: '30m'},
	{key: '5', label: '1h', seconds: 3600, period: '1h'},
	{key: '6', label: '24h', seconds: day, period: '24h'},
];

export const tailWindow = 0;

/** The window a digit key picks, if it picks one. */
export function windowOfKey(key: string): number | undefined {
	const index = logWindows.findIndex(window => window.key === key);
	return index === -1 ? undefined : index;
}

export function windowAt(index: number): LogWindow {
	return logWindows[index] ?? logWindows[tailWindow]!;
}

/** For the keymap: `0 tail, 1 1m, …`. */
export function windowChoices(): string {
	return logWindows.map(window => `${window.key} ${window.label}`).join(', ');
}
