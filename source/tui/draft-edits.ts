import {isDeepStrictEqual} from 'node:util';
import type {PolicyDocument} from '../api/policy-records.js';
import {currentDocument, type Draft, startOrExtendDraft, undoDraft} from '../operations/drafts.js';
import type {ServerRow} from './server-rows.js';
import {flash, type State} from './store.js';

function withDraft(state: State, uid: string, draft: Draft | undefined): State {
	const drafts = new Map(state.drafts);
	if (draft) drafts.set(uid, draft);
	else drafts.delete(uid);
	return {...state, drafts};
}

/**
 * One more edit of a server policy, kept as a draft. A draft that comes back
 * to the server copy (m pressed twice) is dropped: there is nothing to apply.
 */
export function editDraft(state: State, row: ServerRow, edit: (document: PolicyDocument) => PolicyDocument, at: number, what: string): State {
	const draft = startOrExtendDraft(state.drafts.get(row.uid), row.policy, edit, at);
	if (isDeepStrictEqual(currentDocument(draft), row.policy.policy)) {
		return flash(withDraft(state, row.uid, undefined), 'info', `${row.name}: ${what}, the same as the server copy: no draft left`);
	}
	return flash(withDraft(state, row.uid, draft), 'info', `${draft.name}: ${what} (a draft: a applies it, u undoes)`);
}

export function undoEdit(state: State, row: ServerRow): State {
	if (!row.draft) return state;
	const draft = undoDraft(row.draft);
	const left = draft && !isDeepStrictEqual(currentDocument(draft), row.policy.policy) ? draft : undefined;
	return flash(withDraft(state, row.uid, left), 'info', left ? `${row.name}: undid the last edit` : `${row.name}: undid the last edit; no draft left`);
}

/** Replaces a draft after a rebase, or drops it once applied or deleted. */
export function replaceDraft(state: State, uid: string, draft: Draft | undefined): State {
	return withDraft(state, uid, draft);
}
