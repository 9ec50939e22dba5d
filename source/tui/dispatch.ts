import {createScopes} from './create/flow.js';
import {keyMatches, type KeyPress, pressOf, textKey} from './keys.js';
import type {Binding, Scope} from './keymap.js';
import type {State} from './store.js';

/**
 * Scopes that may take a key now, first to last: a modal dialog (alone), then
 * the help or YAML view, then the line being typed, then the focused pane and
 * the selected policy, then global keys. The filter line lets the panes' keys
 * through (arrows move the list while typing); the command line does not.
 */
export function activeScopes(state: State): Scope[] {
	if (state.dialog?.kind === 'create') return createScopes(state.dialog.flow);
	if (state.dialog) return state.dialog.kind === 'delete' ? ['confirm'] : ['dialog'];
	if (state.overlay) return ['pager', 'global'];
	if (state.diff) return state.diff.picking ? ['versions'] : ['diff', 'global'];
	if (state.logs) return state.logs.line ? ['logsLine', 'global'] : ['logs', 'global'];
	if (state.prompt) return ['prompt', 'global'];
	const panes: Scope[] = [state.focus, 'policy', 'global'];
	return state.filter.editing ? ['filter', ...panes] : panes;
}

/** Bindings that exist now, in priority order. */
export function activeBindings(state: State, bindings: readonly Binding[] = state.bindings): Binding[] {
	return activeScopes(state).flatMap(scope => bindings.filter(binding => binding.scope === scope && (binding.when?.(state) ?? true)));
}

export type Resolution = {binding: Binding; disabledReason?: string};

/** The binding a key press reaches, if any; the first scope that claims the key wins. */
export function resolveKey(state: State, press: KeyPress, bindings: readonly Binding[] = state.bindings): Resolution | undefined {
	const binding = activeBindings(state, bindings).find(candidate => candidate.keys.some(key => keyMatches(key, press)));
	if (!binding) return undefined;
	const disabledReason = binding.disabledReason?.(state);
	return disabledReason === undefined ? {binding} : {binding, disabledReason};
}

/**
 * The keys of `binding` that actually reach it now. While the filter line is
 * open, `q` types a q, so the quit hint must offer ctrl+c instead.
 */
export function reachableKeys(binding: Binding, state: State, bindings: readonly Binding[] = state.bindings): string[] {
	const earlier = activeBindings(state, bindings);
	const position = earlier.indexOf(binding);
	if (position === -1) return [];
	const ahead = earlier.slice(0, position);
	return binding.keys.filter(key => {
		if (key === textKey) return true;
		const press = pressOf(key);
		return !ahead.some(other => other.keys.some(otherKey => keyMatches(otherKey, press)));
	});
}
