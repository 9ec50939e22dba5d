import type {CommandIo} from '../commands/io.js';
import {type KeyOverrides, loadUserKeymap, userKeymapPath} from '../operations/user-keymap.js';
import {isKeyName, keyLabel, textKey} from './keys.js';
import {type Binding, commands, keymap, scopeTitles} from './keymap.js';
import type {FlashLevel} from './store.js';

export type StartupKeymap = {bindings: readonly Binding[]; notices: Array<{level: FlashLevel; text: string}>};

/** Commands that take any typed text: their "key" is the text itself, so they cannot be remapped. */
const remappable = commands.filter(command => !keymap.some(binding => binding.command === command && binding.keys.includes(textKey)));

/**
 * The keymap with the user's file (`~/.config/spytui/keys.yaml`) applied.
 * Problems in the file, and keys the result binds twice in one place, come
 * back as notices for the first frame; the app starts either way.
 */
export async function startupKeymap(io: Pick<CommandIo, 'env' | 'home'>): Promise<StartupKeymap> {
	const file = userKeymapPath(io.env, io.home);
	const {overrides, problems} = await loadUserKeymap(file, remappable, isKeyName);
	const bindings = withOverrides(keymap, overrides);
	const notices = [...problems, ...clashes(bindings)].map(text => ({level: 'warn' as const, text: `keymap: ${text}`}));
	return {bindings, notices};
}

export function withOverrides(bindings: readonly Binding[], overrides: KeyOverrides): Binding[] {
	return bindings.map(binding => {
		const keys = overrides[binding.command];
		return keys === undefined ? binding : {...binding, keys};
	});
}

/** One key for two commands in one place: the first in the table wins, and the user should know. */
export function clashes(bindings: readonly Binding[]): string[] {
	const found: string[] = [];
	const seen = new Map<string, Binding>();
	for (const binding of bindings) {
		for (const key of binding.keys) {
			const id = `${binding.scope} ${key}`;
			const earlier = seen.get(id);
			if (!earlier) {
				seen.set(id, binding);
				continue;
			}
			// Bindings that exist only in different situations share keys by design (q in the quit dialog).
			if (earlier.when || binding.when) continue;
			found.push(`${keyLabel(key)} is bound to both ${earlier.command} and ${binding.command} (${scopeTitles[binding.scope]}); ${earlier.command} gets it`);
		}
	}
	return found;
}
