import type {PolicyDocument} from '../../api/policy-records.js';
import {currentDocument} from '../../operations/drafts.js';
import type {DiffPair} from '../../operations/diff-sources.js';
import {type ChangeCounts, formatCounts} from '../../policy/diff/changes.js';
import {diffDumps} from '../../policy/diff/line-diff.js';
import {diffPolicies} from '../../policy/diff/policy-diff.js';
import type {Change} from '../../policy/diff/changes.js';
import {serverRowOf} from '../derive.js';
import {remember} from '../remember.js';
import type {State} from '../store.js';
import type {DisplayLine} from './display-line.js';
import type {DiffScreen} from './screen-state.js';
import {textView} from './text-view.js';
import {treeView} from './tree-view.js';

const draftPair = remember((server: PolicyDocument, draft: PolicyDocument): DiffPair => ({before: server, after: draft, about: 'draft', notes: []}));

/**
 * The two documents on screen. A draft's comparison is made from the state;
 * the others come from the API and are undefined until they arrive.
 */
export function diffPairOf(state: State): DiffPair | undefined {
	const screen = state.diff;
	if (!screen) return undefined;
	if (screen.source.kind !== 'draft') return screen.pair;
	const draft = state.drafts.get(screen.uid);
	const row = serverRowOf(state, screen.uid);
	return draft && row ? draftPair(row.policy.policy, currentDocument(draft)) : undefined;
}

type Compared = {changes: Change[]; counts: ChangeCounts; lines: ReturnType<typeof diffDumps>};

const compare = remember((before: PolicyDocument, after: PolicyDocument): Compared => {
	const structured = diffPolicies(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
	return {...structured, lines: diffDumps(before, after)};
});

const linesOf = remember((pair: DiffPair, view: DiffScreen['view'], full: boolean, context: number, expanded: ReadonlySet<number>): DisplayLine[] => {
	const compared = compare(pair.before, pair.after);
	return view === 'tree' ? treeView(compared.changes, pair.before, pair.after) : textView(compared.lines, {full, context, expanded});
});

const noLines: DisplayLine[] = [];

/** The screen's lines in its current view; nothing while the comparison loads. */
export function diffLines(state: State): DisplayLine[] {
	const screen = state.diff;
	const pair = diffPairOf(state);
	if (!screen || !pair) return noLines;
	return linesOf(pair, screen.view, screen.full, screen.context, screen.expanded);
}

/** `N to add, M to change, K to remove`, terraform's plan line. */
export function diffSummary(state: State): string | undefined {
	const pair = diffPairOf(state);
	return pair ? formatCounts(compare(pair.before, pair.after).counts) : undefined;
}

/** Whether the comparison has anything to merge or apply. */
export function diffHasChanges(state: State): boolean {
	const pair = diffPairOf(state);
	return pair !== undefined && compare(pair.before, pair.after).changes.length > 0;
}
