import {serverRowOf, selectedRow} from '../derive.js';
import {busyReason, readOnlyReason} from '../refusals.js';
import type {State} from '../store.js';
import {diffHasChanges, diffLines} from './derive-diff.js';

/*
 * Why a key of the diff screen cannot act now; the keymap says it when the
 * key is pressed, and the hint bar leaves the key out.
 */

/** For `d`: a policy from the API, and no other request out. */
export function diffRefusal(state: State): string | undefined {
	const row = selectedRow(state);
	if (!row) return 'no policy is selected';
	if (row.kind !== 'server') return 'the diff screen compares policies of the API; the folder view has no deviations or versions';
	return busyReason(state);
}

export function noDiffLines(state: State): string | undefined {
	if (state.diff?.error) return 'nothing to show: the comparison failed';
	return diffLines(state).length === 0 ? 'the comparison is still loading' : undefined;
}

export function noGapAtCursor(state: State): string | undefined {
	const screen = state.diff;
	if (!screen) return undefined;
	return diffLines(state)[screen.cursor]?.gap ? undefined : 'move the cursor to a "… unchanged lines" row to unfold it';
}

export function textView(state: State): boolean {
	return state.diff?.view !== 'tree';
}

export function versionsRefusal(state: State): string | undefined {
	const screen = state.diff;
	const version = screen ? (serverRowOf(state, screen.uid)?.policy.version ?? 1) : 1;
	return version < 2 ? 'the policy has one version only' : busyReason(state);
}

export function noDraftToShow(state: State): string | undefined {
	const screen = state.diff;
	if (!screen || state.drafts.has(screen.uid)) return undefined;
	return `${screen.name} has no draft: M merges deviations into one, m, e and E in the list make one`;
}

export function mergeRefusal(state: State): string | undefined {
	const readOnly = readOnlyReason(state);
	if (readOnly) return readOnly;
	const screen = state.diff;
	if (screen?.source.kind !== 'deviations') return 'M merges deviations: press w to compare with them first';
	if (!diffHasChanges(state)) return 'the deviations add nothing to the policy';
	return busyReason(state);
}

export function diffApplyRefusal(state: State): string | undefined {
	const readOnly = readOnlyReason(state);
	if (readOnly) return readOnly;
	const screen = state.diff;
	if (screen && !state.drafts.has(screen.uid)) return `${screen.name} has no draft to apply: M merges the deviations into one`;
	return busyReason(state);
}

export function sameVersions(state: State): string | undefined {
	const picking = state.diff?.picking;
	return picking && picking.from === picking.to ? 'pick two different versions' : undefined;
}
