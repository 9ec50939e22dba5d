import {isDeepStrictEqual} from 'node:util';
import {currentDocument, rebaseDraft} from '../operations/drafts.js';
import {sendCreate} from './create/commands.js';
import {dialogView} from './dialog-view.js';
import {openDiff} from './diff-screen/commands.js';
import {replaceDraft} from './draft-edits.js';
import type {KeyPress} from './keys.js';
import type {Command} from './keymap.js';
import {layoutOf} from './derive.js';
import {withServerPolicy} from './listing.js';
import {type Dialog, flash, type State, startTask} from './store.js';

/** Keys of the dialogs: buttons, scrolling, and the typed name of the delete dialog. */
export function dialogCommand(state: State, command: Command, press: KeyPress): State {
	const dialog = state.dialog;
	if (!dialog) return state;
	switch (command) {
		case 'dialog.next':
		case 'dialog.previous': {
			if (dialog.kind === 'delete') return state;
			const count = dialogView(state).buttons.length;
			const by = command === 'dialog.next' ? 1 : -1;
			return withDialog(state, {...dialog, choice: (dialog.choice + by + count) % count});
		}
		case 'dialog.cancel':
		case 'confirm.cancel': {
			return closeDialog(state);
		}
		case 'dialog.quit': {
			return {...state, quitting: true};
		}
		case 'dialog.press': {
			return pressButton(state, dialog);
		}
		case 'dialog.diff': {
			return dialog.kind === 'apply' ? openDiff(closeDialog(state), dialog.uid) : state;
		}
		case 'dialog.full': {
			return dialog.kind === 'apply' || dialog.kind === 'conflict' ? withDialog(state, {...dialog, full: !dialog.full, top: 0}) : state;
		}
		// settle() keeps the window in range, so these may overshoot.
		case 'dialog.down': {
			return scroll(state, dialog, 1);
		}
		case 'dialog.up': {
			return scroll(state, dialog, -1);
		}
		case 'dialog.top': {
			return scroll(state, dialog, -dialog.top);
		}
		case 'dialog.bottom': {
			return scroll(state, dialog, dialogView(state).lines.length);
		}
		case 'dialog.pageDown': {
			return scroll(state, dialog, layoutOf(state).dialogRows);
		}
		case 'dialog.pageUp': {
			return scroll(state, dialog, -layoutOf(state).dialogRows);
		}
		case 'confirm.type': {
			return dialog.kind === 'delete' ? withDialog(state, {...dialog, typed: dialog.typed + (press.text ?? '')}) : state;
		}
		case 'confirm.erase': {
			return dialog.kind === 'delete' ? withDialog(state, {...dialog, typed: [...dialog.typed].slice(0, -1).join('')}) : state;
		}
		case 'confirm.clear': {
			return dialog.kind === 'delete' ? withDialog(state, {...dialog, typed: ''}) : state;
		}
		case 'confirm.accept': {
			if (dialog.kind !== 'delete') return state;
			if (dialog.typed !== dialog.name) return flash(state, 'warn', `type the policy name exactly to delete it: ${dialog.name}`);
			return startTask(state, {kind: 'delete', uid: dialog.uid, name: dialog.name});
		}
		default: {
			return state;
		}
	}
}

function withDialog(state: State, dialog: Dialog): State {
	return {...state, dialog};
}

export function closeDialog(state: State): State {
	const {dialog: _closed, ...rest} = state;
	return rest;
}

function scroll(state: State, dialog: Dialog, by: number): State {
	return withDialog(state, {...dialog, top: Math.max(0, dialog.top + by)});
}

/** Enter: button 0 is always the way out; button 1 does what the dialog is about. */
function pressButton(state: State, dialog: Dialog): State {
	if (dialog.kind === 'delete' || dialog.choice === 0) return closeDialog(state);
	switch (dialog.kind) {
		case 'quit': {
			return {...state, quitting: true};
		}
		case 'apply': {
			const draft = state.drafts.get(dialog.uid);
			if (!draft) return flash(closeDialog(state), 'warn', 'the draft is gone: nothing to apply');
			return startTask(state, {kind: 'apply', uid: dialog.uid, name: draft.name, document: currentDocument(draft)});
		}
		case 'conflict': {
			return rebase(state, dialog);
		}
		case 'create': {
			return sendCreate(state, dialog);
		}
	}
}

/**
 * Re-applies the draft's edits on top of the server's latest copy, then
 * shows the apply preview again: the user sees what will be sent before it is.
 */
function rebase(state: State, dialog: Extract<Dialog, {kind: 'conflict'}>): State {
	const draft = state.drafts.get(dialog.uid);
	const next = withServerPolicy(state, dialog.latest);
	if (!draft) return flash(closeDialog(next), 'warn', 'the draft is gone: nothing to re-apply');
	const {draft: rebased, conflicts} = rebaseDraft(draft, dialog.latest);
	const version = dialog.latest.version === undefined ? 'the latest version' : `version ${dialog.latest.version}`;
	if (isDeepStrictEqual(currentDocument(rebased), dialog.latest.policy)) {
		return flash(closeDialog(replaceDraft(next, dialog.uid, undefined)), 'info', `${rebased.name}: ${version} on the server already has your edit; no draft left`);
	}
	const rebasedState = withDialog(replaceDraft(next, dialog.uid, rebased), {kind: 'apply', uid: dialog.uid, choice: 0, top: 0, full: false});
	if (conflicts.length > 0) {
		return flash(rebasedState, 'warn', `re-applied your edit on ${version}; changed on both sides, your value kept: ${conflicts.join(', ')}. Check the preview before applying`);
	}
	return flash(rebasedState, 'info', `re-applied your edit on ${version}: check the preview, then apply`);
}
