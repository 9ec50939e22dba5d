import type {PolicyDocument, ServerPolicy} from '../api/policy-records.js';
import {currentDocument, type Draft} from '../operations/drafts.js';
import {formatCounts} from '../policy/diff/changes.js';
import {diffDumps} from '../policy/diff/line-diff.js';
import {diffPolicies} from '../policy/diff/policy-diff.js';
import {allRows as allDiffRows} from '../policy/diff/rows.js';
import {formatPath} from '../policy/problem.js';
import {createView} from './create/view.js';
import {changeRows, diffSpans} from './diff-spans.js';
import {layoutOf, serverRowOf} from './derive.js';
import {wrapSpans} from './text.js';
import {remember} from './remember.js';
import type {BackendInfo, State} from './store.js';
import {span, type Span, type Tone} from './tone.js';

/** What a dialog shows: a title, lines that scroll, and buttons (the first is the way out), a text field or a list to pick from. */
export type DialogView = {
	title: Span[];
	lines: Span[][];
	buttons: string[];
	/** A field being typed: the delete dialog's name, the create dialog's path or policy name. */
	input?: {label?: string; text: string; tone: Tone; note: string};
	/** A list below the lines, which then stay put: the dialog's `top` is the first item shown. */
	select?: {items: SelectItem[]; cursor: number};
	/** Shown instead of the buttons while the dialog's request is out. */
	busy?: string;
};

/** A row of a list to pick from: the label is shown, the value tells rows apart. */
export type SelectItem = {label: string; value: string};

/** Rows the select list gets: what the lines above it leave of the dialog's `height`. */
export function selectRows(view: DialogView, height: number): number {
	return Math.max(1, height - view.lines.length);
}

const empty: DialogView = {title: [], lines: [], buttons: []};

export function dialogView(state: State): DialogView {
	const dialog = state.dialog;
	if (!dialog) return empty;
	// The panel's inside: its border and padding take four columns.
	const width = layoutOf(state).frame.width - 4;
	const busy = state.task?.kind === 'apply' ? 'applying…' : state.task?.kind === 'delete' ? 'deleting…' : undefined;
	const withBusy = (view: DialogView): DialogView => (busy ? {...view, busy} : view);
	switch (dialog.kind) {
		case 'apply': {
			const draft = state.drafts.get(dialog.uid);
			const row = serverRowOf(state, dialog.uid);
			if (!draft || !row) return gone;
			return withBusy(applyView(draft, row.policy, dialog.full, state.connection.backend, width));
		}
		case 'conflict': {
			const draft = state.drafts.get(dialog.uid);
			return draft ? conflictView(draft, dialog.latest, dialog.full, width) : gone;
		}
		case 'delete': {
			const view = deleteView(dialog.uid, dialog.name, state.drafts.has(dialog.uid), state.connection.backend, width);
			const matches = dialog.typed === dialog.name;
			return withBusy({...view, input: {text: dialog.typed, tone: matches ? 'success' : 'plain', note: matches ? '  enter deletes' : ''}});
		}
		case 'create': {
			return createView(dialog.flow, createBusy(state), where(state.connection.backend), width);
		}
		case 'quit': {
			return quitView(state.drafts, state.origin.kind === 'api' ? state.origin.draftsFolder : '', width);
		}
	}
}

const gone: DialogView = {title: [span('Nothing to show', 'heading')], lines: [[span('The draft or the policy is gone (applied, undone or deleted meanwhile).', 'muted')]], buttons: ['Close']};

/** What the create dialog waits for: the file it reads, or the policy it sends. */
function createBusy(state: State): string | undefined {
	const task = state.task;
	if (task?.kind === 'read-source') return `reading ${task.name}…`;
	return task?.kind === 'create' ? `creating ${task.name}…` : undefined;
}

function where(backend: BackendInfo | undefined): string {
	if (!backend) return 'the API';
	return backend.kind === 'embedded' ? 'the embedded server' : `${backend.contextName ?? 'the API'} (${backend.label})`;
}

/** Every line with `f`, else the changed lines with a few around them: a dialog has little room. */
function diffLines(before: PolicyDocument, after: PolicyDocument, full: boolean): Span[][] {
	const lines = diffDumps(before, after);
	return diffSpans(full ? allDiffRows(lines) : changeRows(lines));
}

/** Sentences wrap to the dialog's width; diff lines are cut instead, so their columns stay put. */
function prose(spans: Span[], width: number): Span[][] {
	return wrapSpans(spans, width);
}

function countsOf(before: PolicyDocument, after: PolicyDocument): string {
	return formatCounts(diffPolicies(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>).counts);
}

function versionText(version: number | undefined): string {
	return version === undefined ? 'an unknown version' : `version ${version}`;
}

const applyView = remember((draft: Draft, server: ServerPolicy, full: boolean, backend: BackendInfo | undefined, width: number): DialogView => {
	const document = currentDocument(draft);
	return {
		title: [span('Apply ', 'heading'), span(draft.name, 'name'), span(`  ${draft.uid}`, 'muted')],
		lines: [
			[span(`Plan: ${countsOf(server.policy, document)}`, 'heading')],
			...prose([span(`From the server copy (${versionText(server.version)}) to your draft, on ${where(backend)}. f shows every line.`, 'muted')], width),
			[],
			...diffLines(server.policy, document, full),
		],
		buttons: ['Cancel', 'Apply'],
	};
});

/** Fields the server rewrites on every update; they say who and when, which the conflict's first line tells once. */
const bookkeeping = ['version', 'lastUpdatedTimestamp', 'lastUpdatedBy'];

function withoutBookkeeping(document: PolicyDocument): PolicyDocument {
	const metadata = Object.fromEntries(Object.entries(document.metadata).filter(([key]) => !bookkeeping.includes(key)));
	return {...document, metadata};
}

const conflictView = remember((draft: Draft, latest: ServerPolicy, full: boolean, width: number): DialogView => {
	const document = currentDocument(draft);
	const by = latest.policy.metadata['lastUpdatedBy'];
	const who = typeof by === 'string' && by !== '' ? ` (last updated by ${by})` : '';
	return {
		title: [span('Conflict: ', 'error'), span(draft.name, 'name'), span(' changed on the server', 'heading')],
		lines: [
			...prose([span(`The server has ${versionText(latest.version)}${who}; your draft is based on ${versionText(draft.baseVersion)}.`)], width),
			...prose([span('Sending the draft as it is would undo that change, so spytui will not. Re-apply your edit on the latest copy (you see the result before it is sent), or cancel.', 'muted')], width),
			[],
			[span(`Changed on the server (${versionText(draft.baseVersion)} → ${versionText(latest.version)}): `, 'heading'), span(countsOf(withoutBookkeeping(draft.base), withoutBookkeeping(latest.policy)), 'muted')],
			...diffLines(withoutBookkeeping(draft.base), withoutBookkeeping(latest.policy), full),
			[],
			[span(`Your edit (on ${versionText(draft.baseVersion)}): `, 'heading'), span(countsOf(draft.base, document), 'muted')],
			...diffLines(draft.base, document, full),
		],
		buttons: ['Cancel', 'Reload and re-apply my edit'],
	};
});

const deleteView = remember((uid: string, name: string, hasDraft: boolean, backend: BackendInfo | undefined, width: number): DialogView => ({
	title: [span('Delete ', 'error'), span(name, 'name'), span('?', 'error')],
	lines: [
		...prose([span('This deletes policy '), span(name, 'name'), span(` (${uid}) from ${where(backend)}. spytui cannot undo it.`)], width),
		...(hasDraft ? prose([span('Its unapplied draft is thrown away too.', 'warn')], width) : []),
		[],
		...prose([span('Type the policy name to confirm, then press enter (esc cancels):')], width),
	],
	buttons: [],
}));

const quitView = remember((drafts: ReadonlyMap<string, Draft>, folder: string, width: number): DialogView => ({
	title: [span(`Quit with ${drafts.size} unapplied draft${drafts.size === 1 ? '' : 's'}?`, 'heading')],
	lines: [
		[span('These edits are not on the server:')],
		...[...drafts.values()].map(draft => [span('* ', 'warn'), span(draft.name, 'name'), span(`  changes ${changedFields(draft)}`, 'muted')]),
		[],
		...prose([span(`They stay saved${folder ? ` in ${folder}` : ''} and come back the next time spytui starts.`, 'muted')], width),
	],
	buttons: ['Stay', 'Quit'],
}));

function changedFields(draft: Draft): string {
	const {changes} = diffPolicies(draft.base as unknown as Record<string, unknown>, currentDocument(draft) as unknown as Record<string, unknown>);
	const paths = [...new Set(changes.map(change => formatPath(change.path)))];
	return paths.length > 3 ? `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more` : paths.join(', ');
}
