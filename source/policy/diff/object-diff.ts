import {isRecord} from '../is-record.js';
import {markNetworkEntries} from './network-entries.js';
import {markProcessNodes} from './process-markers.js';

/**
 * `diff -o yaml|json` (reference §4.7): the after object, its processPolicy
 * nodes marked `diff: added|changed|removed` and its ingress/egress exploded to
 * one entry per connection marked `diff: added|removed`. Other fields are the
 * after values as they are; objects without a process or network policy (a
 * cluster or trace policy) come back unmarked, as spyctl only marks workloads.
 */
export function objectDiff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
	const beforeSpec = recordAt(before, 'spec');
	const afterSpec = recordAt(after, 'spec');
	if (!afterSpec) return structuredClone(after);
	const spec: Record<string, unknown> = {...structuredClone(afterSpec)};
	if (Array.isArray(afterSpec['processPolicy']) || Array.isArray(beforeSpec?.['processPolicy'])) {
		spec['processPolicy'] = markProcessNodes(listAt(beforeSpec, 'processPolicy'), listAt(afterSpec, 'processPolicy'));
	}
	const beforeNetwork = recordAt(beforeSpec, 'networkPolicy');
	const afterNetwork = recordAt(afterSpec, 'networkPolicy');
	if (afterNetwork || beforeNetwork) {
		spec['networkPolicy'] = {
			...structuredClone(afterNetwork),
			ingress: markNetworkEntries(listAt(beforeNetwork, 'ingress'), listAt(afterNetwork, 'ingress'), 'from'),
			egress: markNetworkEntries(listAt(beforeNetwork, 'egress'), listAt(afterNetwork, 'egress'), 'to'),
		};
	}
	return {...structuredClone(after), spec};
}

function recordAt(record: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
	const value = record?.[key];
	return isRecord(value) ? value : undefined;
}

function listAt(record: Record<string, unknown> | undefined, key: string): unknown[] {
	const value = record?.[key];
	return Array.isArray(value) ? value : [];
}
