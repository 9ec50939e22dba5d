import {useEffect, useRef} from 'react';
import type {Draft, DraftStore} from '../operations/drafts.js';
import type {Action} from './store.js';

/**
 * Writes every draft to the store as soon as it changes, and removes the ones
 * that are gone (applied, undone, deleted), so that a crash, a kill or a lost
 * connection never loses an edit. A write the disk refuses is said at once.
 */
export function useDraftPersistence(store: DraftStore | undefined, drafts: ReadonlyMap<string, Draft>, dispatch: (action: Action) => void): void {
	const saved = useRef(drafts);
	useEffect(() => {
		if (!store) return;
		const previous = saved.current;
		saved.current = drafts;
		const failures: string[] = [];
		const attempt = (what: string, write: () => void) => {
			try {
				write();
			} catch (error) {
				failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
			}
		};
		for (const [uid, draft] of drafts) {
			if (previous.get(uid) !== draft) attempt(`the draft of ${draft.name} is not saved`, () => store.save(draft));
		}
		for (const [uid, draft] of previous) {
			if (!drafts.has(uid)) attempt(`the old draft of ${draft.name} could not be removed`, () => store.remove(uid));
		}
		if (failures.length > 0) dispatch({type: 'flash', level: 'error', text: failures.join('; ')});
	}, [store, drafts, dispatch]);
}
