import {currentDocument, toggleEnabled, toggleMode} from '../operations/drafts.js';
import {selectedRow} from './derive.js';
import {editDraft, undoEdit} from './draft-edits.js';
import {openDiff} from './diff-screen/commands.js';
import type {Command} from './keymap.js';
import {type State, startTask} from './store.js';

/** The keys that act on the selected policy. The keymap has already refused them where they cannot act. */
export function policyCommand(state: State, command: Command, at: number): State {
	const row = selectedRow(state);
	if (!row || row.kind === 'file') return state;
	switch (command) {
		case 'policy.yaml': {
			return {...state, overlay: {kind: 'yaml', top: 0}};
		}
		case 'policy.save': {
			return startTask(state, {kind: 'save', name: row.name, document: row.value});
		}
		default: {
			break;
		}
	}
	if (row.kind !== 'server') return state;
	switch (command) {
		case 'policy.toggleMode': {
			return editDraft(state, row, toggleMode, at, `mode ${row.mode} → ${row.mode === 'audit' ? 'enforce' : 'audit'}`);
		}
		case 'policy.toggleEnabled': {
			return editDraft(state, row, toggleEnabled, at, row.enabled ? 'enabled → disabled' : 'disabled → enabled');
		}
		case 'policy.undo': {
			return undoEdit(state, row);
		}
		case 'policy.apply': {
			// A draft the server has moved past goes straight to the conflict: sending it would undo the other change.
			if (row.stale) return {...state, dialog: {kind: 'conflict', uid: row.uid, latest: row.policy, choice: 0, top: 0, full: false}};
			return {...state, dialog: {kind: 'apply', uid: row.uid, choice: 0, top: 0, full: false}};
		}
		case 'policy.edit': {
			return startTask(state, {kind: 'edit', uid: row.uid, name: row.name, document: row.draft ? currentDocument(row.draft) : row.policy.policy});
		}
		case 'policy.diff': {
			return openDiff(state, row.uid);
		}
		case 'policy.delete': {
			return {...state, dialog: {kind: 'delete', uid: row.uid, name: row.policy.name, typed: '', top: 0}};
		}
		default: {
			return state;
		}
	}
}
