import {isRecord} from '../../policy/is-record.js';
import {globMatches} from '../../policy/merge/glob.js';
import type {IndexedProcess} from './process-index.js';

/**
 * Does a response action's processSelector pick this process? Each field it
 * sets (name, exe, euser: lists of globs) must match: some glob the name, or
 * some glob one of the exes or users. Fingerprints do not say whether a
 * process was interactive, so a selector that asks (spyctl 0.13's
 * `interactive`) picks nothing rather than acting on a guess.
 */
export function processSelectorMatches(selector: unknown, process: Pick<IndexedProcess, 'name' | 'exe' | 'euser'>): boolean {
	if (!isRecord(selector)) return false;
	if (selector['interactive'] !== undefined) return false;
	const fields: Array<[string, readonly string[]]> = [
		['name', [process.name]],
		['exe', process.exe],
		['euser', process.euser],
	];
	return fields.every(([field, values]) => {
		const patterns = selector[field];
		if (patterns === undefined) return true;
		return Array.isArray(patterns) && patterns.some(pattern => typeof pattern === 'string' && values.some(value => globMatches(pattern, value)));
	});
}
