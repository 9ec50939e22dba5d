import {useEffect} from 'react';
import type {Action, Task} from './store.js';

/** Runs the state's task when a new one appears (the reducer makes a new object only for a new task); its result comes back as an action. */
export function useTasks(task: Task | undefined, run: (task: Task) => Promise<Action>, dispatch: (action: Action) => void): void {
	useEffect(() => {
		if (!task) return;
		let live = true;
		run(task).then(action => {
			// After unmount there is nobody to tell; the work itself is done or failed already.
			if (live) dispatch(action);
		}, () => undefined);
		return () => {
			live = false;
		};
	}, [task, run, dispatch]);
}
