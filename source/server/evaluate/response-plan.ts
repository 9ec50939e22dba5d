import {isRecord} from '../../policy/is-record.js';
import {type ActionName, actionNames} from '../../policy/schema/response.js';
import type {IndexedProcess} from './process-index.js';
import {processSelectorMatches} from './process-selector.js';
import {selectorsMatch, workloadSelectorKeys} from './selector-match.js';
import type {Workload} from './workload.js';

/** A response action that applies to one deviation, and the processes it acts on. */
export type PlannedAction = {
	name: ActionName;
	/** The action's settings (severity, urlDestination, priority…), its selectors left out. */
	settings: Record<string, unknown>;
	/** `default[i]` or `actions[i]`: where the action sits in the policy's response. */
	source: {list: 'default' | 'actions'; index: number};
	/** The processes it acts on: those its processSelector picks, else the one the deviation is about. */
	targets: IndexedProcess[];
	/** The action's processSelector, if it has one: a kill checks it once more against the live process. */
	processSelector?: unknown;
};

const selectorKeys = new Set([...workloadSelectorKeys, 'processSelector']);

/**
 * The policy's response to one deviation (reference §1.7). Default actions
 * always apply. A listed action applies when all its selectors pick the
 * workload and, if it has a processSelector, at least one deviating process.
 * An action switched off with `enabled: false` never applies.
 */
export function planResponse(response: unknown, processes: readonly IndexedProcess[], workload: Workload): PlannedAction[] {
	const planned: PlannedAction[] = [];
	const lists = isRecord(response) ? response : {};
	for (const list of ['default', 'actions'] as const) {
		const entries = Array.isArray(lists[list]) ? lists[list] : [];
		for (const [index, entry] of entries.entries()) {
			const action = actionOf(entry);
			if (!action || action.body['enabled'] === false) continue;
			if (list === 'default') {
				planned.push({name: action.name, settings: action.body, source: {list, index}, targets: processes.slice(0, 1)});
				continue;
			}
			if (!selectorsMatch(action.body, workload)) continue;
			const processSelector = action.body['processSelector'];
			const targets = processSelector === undefined ? processes.slice(0, 1) : processes.filter(process => processSelectorMatches(processSelector, process));
			if (processSelector !== undefined && targets.length === 0) continue;
			planned.push({name: action.name, settings: withoutSelectors(action.body), source: {list, index}, targets, ...(processSelector === undefined ? {} : {processSelector})});
		}
	}
	return planned;
}

/** An entry holds exactly one action key (validation sees to it); `agentKillPod:` with no settings is null. */
function actionOf(entry: unknown): {name: ActionName; body: Record<string, unknown>} | undefined {
	if (!isRecord(entry)) return undefined;
	const name = actionNames.find(candidate => Object.hasOwn(entry, candidate));
	if (!name) return undefined;
	const body = entry[name];
	return {name, body: isRecord(body) ? body : {}};
}

function withoutSelectors(body: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(body).filter(([key]) => !selectorKeys.has(key)));
}
