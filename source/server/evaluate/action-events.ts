import type {WebhookEvent, WebhookTemplate} from '../../api/webhook.js';
import type {EventInput} from '../store/records.js';
import type {DeviationRecord} from './deviation-record.js';
import {processText} from './describe.js';
import {type HostAgent, isKillAction, type KillAction, type KillVictim} from './kill-targets.js';
import type {PlannedAction} from './response-plan.js';
import {highestSeverity} from './severity.js';
import type {Workload} from './workload.js';

const eventSchemas = {
	deviation: 'event_log:guardian_deviation:1.0.0',
	action: 'event_log:guardian_action:1.0.0',
	flag: 'event_log:guardian_flag:1.0.0',
} as const;

/** A webhook a new deviation of an enforcing policy sends once it is committed, and what its outcome event says. */
export type WebhookJob = {
	url: string;
	template: WebhookTemplate;
	payload: WebhookEvent;
	/** The outcome event's fields, but for its message and severity. */
	outcome: EventInput & {id: string};
};

/**
 * A kill an enforcing policy's new deviation asks for, carried out (or, without
 * `--allow-kill`, only described) once the deviation is committed.
 */
export type KillJob = {
	action: KillAction;
	policyName: string;
	/** The machine the fingerprint came from: only this one's processes can be killed here. */
	hostname?: string;
	/** The process the action was aimed at, as the deviation names it. */
	target: {id: string; name: string; exe: string};
	/** Checked once more against each picked process as it runs at the time of the kill. */
	processSelector?: unknown;
	victims: KillVictim[];
	/** The outcome event's fields, but for its message, severity and outcome. */
	event: EventInput & {id: string};
};

/**
 * The policy log of one new deviation: its `guardian_deviation` event, then
 * one event per action and target. Audit mode only says what would have been
 * done. Enforce mode raises the flags (`guardian_flag`, with their severity)
 * and hands back the webhooks to send after the commit. Agent actions are
 * recorded as requested, unless the fingerprint came from spytui's observer
 * (`host`): then its kills are handed back to carry out after the commit on
 * the pids behind the deviating processes, and agentKillPod is logged as not
 * applicable (a host process is in no pod).
 */
export function responseEvents(deviation: DeviationRecord, plan: readonly PlannedAction[], workload: Workload, host?: HostAgent): {events: EventInput[]; webhooks: WebhookJob[]; kills: KillJob[]} {
	const enforcing = deviation.policy_mode === 'enforce';
	const base = {
		time: deviation.time,
		policy_uid: deviation.policy_uid,
		policy_name: deviation.policy_name,
		policy_mode: deviation.policy_mode,
		policy_type: deviation.policy_type,
		ref: deviation.id,
		checksum: deviation.checksum,
	};
	const idPrefix = deviation.id.replace(/^dev:/, 'log:');
	const events: EventInput[] = [];
	const add = (schema: string, severity: string, message: string, extra: Record<string, unknown> = {}) => {
		events.push({id: `${idPrefix}:${events.length}`, schema, ...base, severity, message, ...extra});
	};
	const webhooks: WebhookJob[] = [];
	const kills: KillJob[] = [];

	const deviationSeverity = highestSeverity(plan.map(action => flagSeverity(action)));
	add(eventSchemas.deviation, deviationSeverity, deviation.description);
	for (const action of plan) {
		const from = `${action.source.list}[${action.source.index}]`;
		const severity = flagSeverity(action);
		if (severity !== undefined) {
			const flag = {action: action.name, action_source: from, flag_type: action.name === 'makeRedFlag' ? 'redflag' : 'opsflag', ...flagDetails(action.settings)};
			if (enforcing) add(eventSchemas.flag, severity, `${capitalised(severity)} ${action.name === 'makeRedFlag' ? 'red' : 'ops'} flag: ${deviation.description}`, flag);
			else add(eventSchemas.action, severity, `Audit mode: would ${flagPhrase(action, severity)}: ${deviation.description}`, {...flag, outcome: 'audit'});
			continue;
		}
		if (action.name === 'webhook') {
			const url = String(action.settings['urlDestination']);
			const template = action.settings['template'] as WebhookTemplate;
			const details = {action: action.name, action_source: from, template, destination: origin(url)};
			if (enforcing) {
				webhooks.push({
					url,
					template,
					payload: {
						id: deviation.id,
						time: deviation.time,
						policyUid: deviation.policy_uid,
						policyName: deviation.policy_name,
						severity: deviationSeverity,
						message: deviation.description,
						record: deviation,
					},
					outcome: {id: `${idPrefix}:webhook:${from}`, schema: eventSchemas.action, ...base, ...details},
				});
			} else {
				add(eventSchemas.action, 'info', `Audit mode: would send a ${template} webhook to ${origin(url)}: ${deviation.description}`, {...details, outcome: 'audit'});
			}
			continue;
		}
		if (host && action.name === 'agentKillPod') {
			add(eventSchemas.action, 'info', `agentKillPod is not applicable on this host: its processes run in no pod. Nothing was killed for policy "${deviation.policy_name}".`, {action: action.name, action_source: from, outcome: 'not applicable'});
			continue;
		}
		if (host && isKillAction(action.name)) {
			for (const target of action.targets) {
				const victims = host.victimsOf(action.name, target);
				const details = {action: action.name, action_source: from, process: {id: target.id, name: target.name, exe: target.exe}};
				if (enforcing) {
					kills.push({
						action: action.name,
						policyName: deviation.policy_name,
						hostname: host.hostname,
						target: {id: target.id, name: target.name, exe: target.exe[0] ?? 'unknown'},
						...(action.processSelector === undefined ? {} : {processSelector: action.processSelector}),
						victims,
						event: {id: `${idPrefix}:kill:${from}:${target.id}`, schema: eventSchemas.action, ...base, ...details},
					});
				} else {
					const pids = victims.map(victim => victim.pid);
					const what = victims.length > 0 ? victimList(victims) : `${processText(target)}, which no longer runs`;
					add(eventSchemas.action, 'info', `Audit mode: would kill ${what} for policy "${deviation.policy_name}" (${action.name}).`, {...details, pids, outcome: 'audit'});
				}
			}
			continue;
		}
		for (const phrase of agentPhrases(action, workload)) {
			const details = {action: action.name, action_source: from, ...(phrase.target ? {process: {id: phrase.target.id, name: phrase.target.name, exe: phrase.target.exe}} : {})};
			if (enforcing) {
				add(eventSchemas.action, 'info', `Requested: ${phrase.text} for policy "${deviation.policy_name}"; recorded only, the embedded server has no agent to carry it out.`, {...details, outcome: 'requested'});
			} else {
				add(eventSchemas.action, 'info', `Audit mode: would ${phrase.text} for policy "${deviation.policy_name}".`, {...details, outcome: 'audit'});
			}
		}
	}
	return {events, webhooks, kills};
}

/** `1234 (sleep), 1240 (sh)`: processes as a kill's log event names them. */
export function victimList(victims: ReadonlyArray<Pick<KillVictim, 'pid' | 'name'>>): string {
	return victims.map(victim => `${victim.pid} (${victim.name})`).join(', ');
}

function flagSeverity(action: PlannedAction): string | undefined {
	if (action.name !== 'makeRedFlag' && action.name !== 'makeOpsFlag') return undefined;
	return String(action.settings['severity']);
}

function flagPhrase(action: PlannedAction, severity: string): string {
	return `create a ${severity} ${action.name === 'makeRedFlag' ? 'red' : 'ops'} flag`;
}

/** What a flag carries besides its severity, as the policy sets it. */
function flagDetails(settings: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(['impact', 'content', 'description'].filter(key => settings[key] !== undefined).map(key => [key, settings[key]]));
}

/** What an agent action does, once per process it targets (once in all for a pod). */
function agentPhrases(action: PlannedAction, workload: Workload): Array<{text: string; target?: PlannedAction['targets'][number]}> {
	if (action.name === 'agentKillPod') {
		const pod = workload.podName ?? workload.podUid;
		return [{text: pod ? `kill pod "${pod}"` : 'kill the pod of the workload'}];
	}
	return action.targets.map(target => {
		const process = processText(target);
		switch (action.name) {
			case 'agentKillProcessGroup': {
				return {text: `kill the process group of ${process}`, target};
			}
			case 'agentKillProcessTree': {
				return {text: `kill the process tree of ${process}`, target};
			}
			case 'agentReniceProcess': {
				return {text: `renice ${process} to priority ${String(action.settings['priority'])}`, target};
			}
			default: {
				return {text: `kill ${process}`, target};
			}
		}
	});
}

/**
 * Where a webhook goes, without its path: a Slack webhook's path is its
 * secret, and log events are read by everyone who can read the policy.
 */
export function origin(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return 'an invalid URL';
	}
}

function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
