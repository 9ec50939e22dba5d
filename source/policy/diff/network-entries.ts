import {isRecord} from '../is-record.js';
import {canonicalKey} from './canonical.js';

type Entry = Record<string, unknown>;

/**
 * spyctl's object diff of one network direction (reference §4.7): both lists
 * exploded to one entry per peer × port × process (a DNS peer per name), then
 * compared as sets. New entries get `diff: added`; gone ones follow, marked
 * `diff: removed`; unchanged ones carry no key. Order: the after entries as
 * they come, then the removed ones.
 */
export function markNetworkEntries(before: readonly unknown[], after: readonly unknown[], peerKey: 'from' | 'to'): Entry[] {
	const old = explode(before, peerKey);
	const current = explode(after, peerKey);
	const marked: Entry[] = [];
	for (const [key, entry] of current) marked.push(old.has(key) ? entry : {...entry, diff: 'added'});
	for (const [key, entry] of old) if (!current.has(key)) marked.push({...entry, diff: 'removed'});
	return marked;
}

/** One entry per connection a list of rules allows, keyed by content, duplicates merged. */
function explode(rules: readonly unknown[], peerKey: 'from' | 'to'): Map<string, Entry> {
	const entries = new Map<string, Entry>();
	for (const rule of rules) {
		if (!isRecord(rule)) continue;
		const processes = listOf(rule['processes']);
		for (const peer of listOf(rule[peerKey]).flatMap(singlePeers)) {
			for (const port of listOf(rule['ports'])) {
				const base: Entry = {[peerKey]: [peer], ports: [port]};
				const exploded = processes.length > 0 ? processes.map(process => ({...base, processes: [process]})) : [base];
				for (const entry of exploded) entries.set(canonicalKey(entry), structuredClone(entry));
			}
		}
	}
	return entries;
}

/** A DNS peer allows each of its names on its own; an IP block stays whole. */
function singlePeers(peer: unknown): unknown[] {
	if (!isRecord(peer) || !Array.isArray(peer['dnsSelector'])) return [peer];
	const {dnsSelector, ...rest} = peer;
	const names = (dnsSelector as unknown[]).map(name => ({dnsSelector: [name]}));
	return Object.keys(rest).length > 0 ? [...names, rest] : names;
}

function listOf(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}
