import {globMatches} from './glob.js';
import {makeWildcard} from './wildcard.js';

/** What decides whether two process nodes describe the same process. */
export type ProcessShape = {name: string; exes: readonly string[]};

/**
 * Is `other` covered by `base` (spyctl's `other in base`)? The name must match
 * base's name glob, and every exe of `other` must match one of base's, as a
 * glob on the full path or on the file name alone: a process that moved to
 * another folder is still the same program.
 */
export function containsProcess(base: ProcessShape, other: ProcessShape): boolean {
	return globMatches(base.name, other.name) && other.exes.every(exe => exeCovered(base.exes, exe));
}

/**
 * Do two nodes describe one process closely enough that a symmetric merge
 * (create) combines them? Every exe of one side must be covered by the other,
 * and the names must match or share enough text to generalise.
 */
export function overlapsProcess(left: ProcessShape, right: ProcessShape): boolean {
	return coversLoosely(left, right) || coversLoosely(right, left);
}

function coversLoosely(base: ProcessShape, other: ProcessShape): boolean {
	if (!other.exes.every(exe => exeCovered(base.exes, exe))) return false;
	return globMatches(base.name, other.name) || makeWildcard([base.name, other.name]) !== undefined;
}

function exeCovered(exes: readonly string[], exe: string): boolean {
	if (exes.includes(exe)) return true;
	const name = fileName(exe);
	return exes.some(pattern => globMatches(pattern, exe) || globMatches(fileName(pattern), name));
}

/** pathlib's `Path(text).name`: the last component, ignoring empty and `.` ones. */
function fileName(path: string): string {
	const parts = path.split('/').filter(part => part !== '' && part !== '.');
	return parts.at(-1) ?? '';
}
