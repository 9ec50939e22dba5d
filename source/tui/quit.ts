import type {State} from './store.js';

/** Quits at once, unless drafts are unapplied: then the quit dialog lists them and asks. */
export function quit(state: State): State {
	if (state.drafts.size === 0) return {...state, quitting: true};
	const {prompt: _prompt, overlay: _overlay, ...rest} = state;
	return {...rest, dialog: {kind: 'quit', choice: 0, top: 0}};
}
