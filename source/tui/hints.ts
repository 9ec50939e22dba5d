import {activeBindings, reachableKeys} from './dispatch.js';
import {keyLabel} from './keys.js';
import type {State} from './store.js';

export type Hint = {keys: string; label: string};

/**
 * The keys that work here and now, for the hint bar: bindings that are active,
 * not disabled and have a hint, each with a key that is not shadowed by a
 * higher scope. Bindings sharing a hint merge, as in `j/k move`.
 */
export function hintsFor(state: State): Hint[] {
	const hints: Array<{label: string; keys: string[]}> = [];
	for (const binding of activeBindings(state)) {
		if (binding.hint === undefined || binding.disabledReason?.(state) !== undefined) continue;
		const key = reachableKeys(binding, state)[0];
		if (key === undefined) continue;
		const same = hints.find(hint => hint.label === binding.hint);
		if (same) same.keys.push(keyLabel(key));
		else hints.push({label: binding.hint, keys: [keyLabel(key)]});
	}
	return hints.map(hint => ({keys: hint.keys.join('/'), label: hint.label}));
}

export const hintSeparator = '  ';

function hintWidth(hint: Hint): number {
	return hint.keys.length + 1 + hint.label.length;
}

/** As many hints as fit in `width`, keeping the help hint last: it leads to everything else. */
export function fitHints(hints: readonly Hint[], width: number): Hint[] {
	const help = hints.find(hint => hint.label === 'help');
	const others = hints.filter(hint => hint !== help);
	let used = help ? hintWidth(help) : 0;
	const kept: Hint[] = [];
	for (const hint of others) {
		const cost = hintWidth(hint) + hintSeparator.length;
		if (used + cost > width) break;
		kept.push(hint);
		used += cost;
	}
	return help && hintWidth(help) <= width ? [...kept, help] : kept;
}
