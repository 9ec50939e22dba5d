import type {ServerPolicy} from '../api/policy-records.js';
import {formatTimestamp, statusOf} from '../operations/policies.js';
import {type Cell, plainTable} from './plain-table.js';

/** A column added to the policy table, such as --get-deviations' counts. */
export type ExtraColumn = {header: string; cell: (policy: ServerPolicy) => string};

/** spyctl's order: by type, then name. */
export function sortForDisplay(policies: ServerPolicy[]): ServerPolicy[] {
	return [...policies].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid));
}

/** spyctl's policy summary: `UID NAME STATUS TYPE VERSION CREATE_TIME`, plus an extra column if given. */
export function policyTable(policies: ServerPolicy[], extra?: ExtraColumn): string {
	return plainTable(
		['UID', 'NAME', 'STATUS', 'TYPE', 'VERSION', 'CREATE_TIME', ...(extra ? [extra.header] : [])],
		policies.map(policy => [...tableRow(policy), ...(extra ? [extra.cell(policy)] : [])]),
	);
}

export function tableRow(policy: ServerPolicy): Cell[] {
	return [policy.uid || 'N/A', policy.name, statusOf(policy), policy.type, policy.version ?? 'N/A', formatTimestamp(policy.policy.metadata['creationTimestamp'])];
}
