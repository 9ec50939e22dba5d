import type {FolderScan, LocalFileRow, LocalPolicyRow, LocalRow} from '../../source/operations/local-folder.js';
import {policyStatus} from '../../source/policy/status.js';
import {pressOf} from '../../source/tui/keys.js';
import type {Span} from '../../source/tui/tone.js';
import {initialState, reducer, type State} from '../../source/tui/store.js';

/** A container policy with a small process tree, a network rule and two response actions. */
export function policyValue(name: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatPolicy',
		metadata: {name, type: 'container', uid: `pol:${name}`},
		spec: {
			containerSelector: {image: `${name}:*`},
			mode: 'audit',
			processPolicy: [
				{name: 'python', exe: ['/usr/bin/python3'], id: 'python_0', euser: ['app'], children: [{name: 'sh', exe: ['/bin/dash'], id: 'sh_0'}]},
			],
			networkPolicy: {
				ingress: [],
				egress: [{to: [{dnsSelector: ['db.local']}], ports: [{protocol: 'TCP', port: 5432}], processes: ['python_0']}],
			},
			response: {
				default: [{makeRedFlag: {severity: 'high'}}],
				actions: [{agentKillProcess: {processSelector: {name: ['nc']}}}],
			},
			...spec,
		},
	};
}

export function policyRow(name: string, spec: Record<string, unknown> = {}): LocalPolicyRow {
	const value = policyValue(name, spec);
	const specValue = value['spec'] as Record<string, unknown>;
	return {
		kind: 'policy',
		id: `${name}.yaml#0`,
		file: `${name}.yaml`,
		name,
		uid: `pol:${name}`,
		type: 'container',
		status: policyStatus(value),
		mode: String(specValue['mode']),
		enabled: specValue['enabled'] !== false,
		value,
		problems: [],
	};
}

export function fileRow(file: string, message: string): LocalFileRow {
	return {kind: 'file', id: file, file, problems: [{file, path: '', line: 3, column: 1, message}]};
}

export function scanOf(rows: LocalRow[]): FolderScan {
	return {folder: 'policies', rows, files: rows.length, invalidFiles: rows.filter(row => row.problems.length > 0).length, otherObjects: []};
}

/** The state right after the first load, at a given terminal size. */
export function loadedState(rows: LocalRow[], size = {columns: 100, rows: 30}): State {
	return reducer(initialState(size), {type: 'loaded', request: 1, scan: scanOf(rows)});
}

/** Sends keys to the reducer the way the dispatcher does: by name, with text for printable keys. */
export function pressKeys(state: State, ...names: string[]): State {
	return names.reduce<State>((current, name) => reducer(current, {type: 'key', press: pressOf(name)}), state);
}

/** A line of spans as the plain text it shows. */
export function spansText(spans: readonly Span[]): string {
	return spans.map(part => part.text).join('');
}
