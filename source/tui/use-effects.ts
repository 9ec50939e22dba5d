import {useEffect} from 'react';
import {useApp, useStdout} from 'ink';
import type {Size} from './layout.js';
import type {Action, Flash} from './store.js';

/** How long an info or warning message stays; errors stay until dismissed (esc) or replaced. */
const flashMilliseconds = 6000;

/** Reads the source whenever the state asks for a new load request (0: none yet); `load` turns the answer into the action for it. */
export function useLoad(load: (request: number) => Promise<Action>, request: number, dispatch: (action: Action) => void): void {
	useEffect(() => {
		if (request === 0) return;
		load(request).then(
			action => {
				dispatch(action);
			},
			(error: unknown) => {
				dispatch({type: 'load-failed', request, message: error instanceof Error ? error.message : String(error)});
			},
		);
	}, [load, request, dispatch]);
}

export function terminalSize(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/** Ink re-lays out the last frame on resize but does not re-render React, so widths computed in JS would stay stale. */
export function useResize(dispatch: (action: Action) => void): void {
	const {stdout} = useStdout();
	useEffect(() => {
		const onResize = () => {
			dispatch({type: 'resize', size: terminalSize(stdout)});
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, dispatch]);
}

export function useFlashExpiry(flash: Flash | undefined, dispatch: (action: Action) => void): void {
	useEffect(() => {
		if (!flash || flash.level === 'error') return;
		const timer = setTimeout(() => {
			dispatch({type: 'flash-expired', id: flash.id});
		}, flashMilliseconds);
		return () => {
			clearTimeout(timer);
		};
	}, [flash, dispatch]);
}

export function useQuit(quitting: boolean): void {
	const {exit} = useApp();
	useEffect(() => {
		if (quitting) exit();
	}, [quitting, exit]);
}
