import {useEffect} from 'react';
import type {Action} from './store.js';

/**
 * Asks for the next refresh `delayMs` after the last load finished, so a slow
 * API is never asked twice at once. Nothing is scheduled while `delayMs` is
 * undefined (offline folders, not connected yet).
 */
export function useRefresh(delayMs: number | undefined, loadIdle: boolean, request: number, dispatch: (action: Action) => void): void {
	useEffect(() => {
		if (delayMs === undefined || !loadIdle) return;
		const timer = setTimeout(() => {
			dispatch({type: 'refresh-due'});
		}, delayMs);
		return () => {
			clearTimeout(timer);
		};
	}, [delayMs, loadIdle, request, dispatch]);
}
