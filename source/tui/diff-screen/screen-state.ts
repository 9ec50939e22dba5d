import type {DeviationWindow, DiffPair} from '../../operations/diff-sources.js';

/** What the diff screen compares: a policy with its deviations, the draft with the server copy, or two stored versions. */
export type DiffSource = {kind: 'deviations'; window: DeviationWindow} | {kind: 'draft'} | {kind: 'versions'; from: number; to: number};

export type DiffScreen = {
	uid: string;
	name: string;
	source: DiffSource;
	/** The two documents once loaded; absent while a load is out (a draft's comparison needs none). */
	pair?: DiffPair;
	/** Why the last load failed. */
	error?: string;
	/** Every line, or the changes with `context` lines around them. */
	full: boolean;
	context: number;
	view: 'text' | 'tree';
	/** Gaps the user unfolded, by their first hidden line. */
	expanded: ReadonlySet<number>;
	/** The highlighted line and the first line on screen. */
	cursor: number;
	top: number;
	/** `v` is choosing the two versions: `field` is the one the arrows change. */
	picking?: {from: number; to: number; field: 'from' | 'to'; newest: number};
};

export const defaultContext = 3;
export const maximumContext = 20;

/** Deviation windows `w` steps through: since the policy's latestTimestamp, then an hour, a day, a week back. */
export const deviationWindows: readonly DeviationWindow[] = ['latest', 3600, 86_400, 7 * 86_400];

export function openDiffScreen(uid: string, name: string, source: DiffSource): DiffScreen {
	return {uid, name, source, full: false, context: defaultContext, view: 'text', expanded: new Set(), cursor: 0, top: 0};
}

/** Another comparison of the same policy: what was unfolded and where the cursor was belong to the old one. */
export function withSource(screen: DiffScreen, source: DiffSource): DiffScreen {
	const {pair: _pair, error: _error, picking: _picking, ...rest} = screen;
	return {...rest, source, expanded: new Set(), cursor: 0, top: 0};
}

export function nextWindow(window: DeviationWindow): DeviationWindow {
	const index = deviationWindows.indexOf(window);
	return deviationWindows[(index + 1) % deviationWindows.length]!;
}

export function windowLabel(window: DeviationWindow): string {
	if (window === 'latest') return 'since latestTimestamp';
	if (window % 86_400 === 0) return `last ${window / 86_400 === 1 ? '24h' : `${window / 86_400}d`}`;
	return `last ${window / 3600}h`;
}

export function sourceLabel(source: DiffSource): string {
	switch (source.kind) {
		case 'deviations': {
			return `policy vs its deviations (${windowLabel(source.window)})`;
		}
		case 'draft': {
			return 'server copy vs your draft';
		}
		case 'versions': {
			return `version ${source.from} vs version ${source.to}`;
		}
	}
}
