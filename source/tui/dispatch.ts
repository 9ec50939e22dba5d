import {keyMatches, type KeyPress, pressOf, textKey} from './keys.js';
import {type Binding, keymap, type Scope} from './keymap.js';
import type {State} from './store.js';

/**
 * Scopes that may take a key now, first to last: the modal overlay, then the
 * text line being edited, then the focused pane, then global keys.
 */
export function activeScopes(state: State): Scope[] {
	if (state.help.open) return ['help', 'global'];
	const pane: Scope = state.focus;
	return state.filter.editing ? ['filter', pane, 'global'] : [pane, 'global'];
}

/** Bindings that exist now, in priority order. */
export function activeBindings(state: State, bindings: readonly Binding[] = keymap): Binding[] {
	return activeScopes(state).flatMap(scope => bindings.filter(binding => binding.scope === scope && (binding.when?.(state) ?? true)));
}

export type Resolution = {binding: Binding; disabledReason?: string};

/** The binding a key press reaches, if any; the first scope that claims the key wins. */
export function resolveKey(state: State, press: KeyPress, bindings: readonly Binding[] = keymap): Resolution | undefined {
	const binding = activeBindings(state, bindings).find(candidate => candidate.keys.some(key => keyMatches(key, press)));
	if (!binding) return undefined;
	const disabledReason = binding.disabledReason?.(state);
	return disabledReason === undefined ? {binding} : {binding, disabledReason};
}

/**
 * The keys of `binding` that actually reach it now. While the filter line is
 * open, `q` types a q, so the quit hint must offer ctrl+c instead.
 */
export function reachableKeys(binding: Binding, state: State, bindings: readonly Binding[] = keymap): string[] {
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
