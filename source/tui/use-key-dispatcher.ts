import {useCallback} from 'react';
import {type Key, useInput, useStdin} from 'ink';
import {toKeyPresses} from './keys.js';
import type {Action} from './store.js';

/**
 * The app's only useInput. It forwards every key press to the reducer, which
 * resolves it through the keymap against the current state. Keys arriving in
 * one chunk (key repeat, paste) therefore each see the state the previous one
 * left, with no stale closures.
 */
export function useKeyDispatcher(dispatch: (action: Action) => void): void {
	// Without a TTY, an active useInput throws "Raw mode is not supported". isRawModeSupported
	// is undefined (not false) for a pipe and useInput only skips on false, hence Boolean().
	const canReadKeys = Boolean(useStdin().isRawModeSupported);
	const onInput = useCallback(
		(input: string, key: Key) => {
			const at = Date.now() / 1000;
			for (const press of toKeyPresses(input, key)) dispatch({type: 'key', press, at});
		},
		[dispatch],
	);
	useInput(onInput, {isActive: canReadKeys});
}
