import {useReducer} from 'react';
import {useStdout} from 'ink';
import type {FolderScan} from '../operations/local-folder.js';
import {Screen} from './components/screen.js';
import {initialState, reducer} from './store.js';
import {terminalSize, useFlashExpiry, useLoad, useQuit, useResize} from './use-effects.js';
import {useKeyDispatcher} from './use-key-dispatcher.js';

/** Where the listed policies come from. Today a folder; the API-backed list plugs in here. */
export type PolicySource = {
	/** Shown in the header as `mode: location`, e.g. `offline files: examples`. */
	mode: string;
	location: string;
	/** Called once per (re)load; keep the same function for the app's lifetime. */
	load: () => Promise<FolderScan>;
};

export function App({source}: {source: PolicySource}) {
	const {stdout} = useStdout();
	const [state, dispatch] = useReducer(reducer, stdout, out => initialState(terminalSize(out)));
	useKeyDispatcher(dispatch);
	useResize(dispatch);
	useLoad(source.load, state.load.request, dispatch);
	useFlashExpiry(state.flash, dispatch);
	useQuit(state.quitting);
	return <Screen state={state} source={source} />;
}
