import type {PolicyDocument, ServerPolicy} from '../api/policy-records.js';
import {reapplyChanges} from './drafts-three-way.js';
import {inBaseSpelling} from './drafts-toggles.js';

export {draftStore, type DraftStore} from './drafts-store.js';
export {toggleEnabled, toggleMode} from './drafts-toggles.js';

/**
 * A local edit of a server policy, kept until it is applied or undone.
 * `base` and `baseVersion` are the server copy the edits started from, so that
 * apply can tell whether someone else changed the policy in the meantime.
 */
export type Draft = {
	uid: string;
	name: string;
	baseVersion: number | undefined;
	base: PolicyDocument;
	/** The document after each edit, oldest first; the last one is the draft. */
	history: PolicyDocument[];
	updatedAt: number;
};

/**
 * One more edit: the first one starts a draft from the server copy, later ones
 * build on the draft. Switches that end up meaning what the server copy says
 * are written as it writes them, so toggling twice leaves the server copy.
 */
export function startOrExtendDraft(existing: Draft | undefined, server: ServerPolicy, edit: (document: PolicyDocument) => PolicyDocument, now: number): Draft {
	if (existing === undefined) {
		const document = inBaseSpelling(edit(server.policy), server.policy);
		return {uid: server.uid, name: nameOf(document, server.name), baseVersion: server.version, base: server.policy, history: [document], updatedAt: now};
	}
	const document = inBaseSpelling(edit(currentDocument(existing)), existing.base);
	return {...existing, name: nameOf(document, existing.name), history: [...existing.history, document], updatedAt: now};
}

/** Drops the last edit; undoing the only edit leaves no draft at all. */
export function undoDraft(draft: Draft): Draft | undefined {
	if (draft.history.length <= 1) return undefined;
	const history = draft.history.slice(0, -1);
	return {...draft, name: nameOf(history.at(-1) ?? draft.base, draft.name), history};
}

export function currentDocument(draft: Draft): PolicyDocument {
	return draft.history.at(-1) ?? draft.base;
}

/**
 * Moves the draft onto a newer server copy, replaying every step of its
 * history so that undo still walks back one edit at a time. `conflicts` names
 * the fields both the draft and the server changed, differently, for the
 * current document; there the draft's value was kept.
 */
export function rebaseDraft(draft: Draft, latest: ServerPolicy): {draft: Draft; conflicts: string[]} {
	const replayed = draft.history.map(document => reapplyChanges(draft.base, document, latest.policy));
	const history = replayed.map(result => result.document as PolicyDocument);
	const current = history.at(-1) ?? latest.policy;
	return {
		draft: {...draft, name: nameOf(current, latest.name), baseVersion: latest.version, base: latest.policy, history},
		conflicts: replayed.at(-1)?.conflicts ?? [],
	};
}

/** The draft is listed by the name its document carries now, so a rename in the editor shows at once. */
function nameOf(document: PolicyDocument, fallback: string): string {
	const name = document.metadata['name'];
	return typeof name === 'string' && name !== '' ? name : fallback;
}
