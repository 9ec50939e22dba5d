import {describe, expect, test} from 'vitest';
import {responseEvents} from '../../source/server/evaluate/action-events.js';
import type {DeviationRecord} from '../../source/server/evaluate/deviation-record.js';
import {indexProcesses} from '../../source/server/evaluate/process-index.js';
import {planResponse} from '../../source/server/evaluate/response-plan.js';
import {highestSeverity} from '../../source/server/evaluate/severity.js';
import {workloadOf} from '../../source/server/evaluate/workload.js';

const tree = indexProcesses([
	{name: 'sshd', exe: ['/usr/sbin/sshd'], id: 'sshd_0', euser: ['root'], children: [{name: 'bash', exe: ['/usr/bin/bash'], id: 'bash_0', euser: ['alice'], children: [{name: 'nc', exe: ['/usr/bin/nc.openbsd'], id: 'nc_0'}]}]},
]);
/** A new `bash → nc` subtree: bash is what the deviation is about. */
const deviating = [tree.get('bash_0')!, tree.get('nc_0')!];
const payments = workloadOf({metadata: {type: 'container', namespace: 'payments', 'pod-name': 'api-7f9'}, spec: {containerSelector: {image: 'registry.example.com/payments/api:2.4.1'}}});

const plannedNames = (response: unknown) => planResponse(response, deviating, payments).map(action => `${action.source.list}[${action.source.index}] ${action.name} → ${action.targets.map(target => target.name).join(',')}`);

describe('which response actions apply to a deviation', () => {
	test('default actions always apply, to the process the deviation is about', () => {
		expect(plannedNames({default: [{makeRedFlag: {severity: 'high'}}, {agentKillProcess: null}], actions: []})).toEqual(['default[0] makeRedFlag → bash', 'default[1] agentKillProcess → bash']);
	});

	test('an action switched off with enabled: false never applies', () => {
		expect(plannedNames({default: [{makeRedFlag: {severity: 'high', enabled: false}}], actions: [{agentKillProcess: {enabled: false, processSelector: {name: ['nc']}}}]})).toEqual([]);
	});

	test('a processSelector picks the deviating processes the action acts on; none picked, no action', () => {
		expect(
			plannedNames({
				default: [],
				actions: [{agentKillProcessGroup: {processSelector: {name: ['nc', 'socat']}}}, {agentKillProcess: {processSelector: {exe: ['/usr/bin/*']}}}, {makeOpsFlag: {severity: 'low', processSelector: {name: ['jcmd']}}}],
			}),
		).toEqual(['actions[0] agentKillProcessGroup → nc', 'actions[1] agentKillProcess → bash,nc']);
		expect(plannedNames({default: [], actions: [{agentKillProcess: {processSelector: {euser: ['alice']}}}]})).toEqual(['actions[0] agentKillProcess → bash,nc']);
	});

	test('workload selectors in the action body must pick the workload', () => {
		const response = {
			default: [],
			actions: [
				{makeOpsFlag: {severity: 'low', namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'payments'}}}},
				{makeOpsFlag: {severity: 'medium', namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'storefront'}}}},
				{agentKillPod: {containerSelector: {image: 'registry.example.com/payments/*'}, processSelector: {name: ['nc']}}},
			],
		};
		expect(plannedNames(response)).toEqual(['actions[0] makeOpsFlag → bash', 'actions[2] agentKillPod → nc']);
		expect(planResponse(response, deviating, payments)[0]!.settings).toEqual({severity: 'low'});
	});
});

function deviationRecordOf(mode: 'audit' | 'enforce'): DeviationRecord {
	return {
		id: 'dev:org:KEY',
		checksum: 'abc',
		description: 'Process "bash" using executable "/usr/bin/bash" deviated from policy "bastion".',
		short_description: 'Process "bash" (/usr/bin/bash) deviated',
		policy_uid: 'pol:bastion',
		policy_name: 'bastion',
		policy_mode: mode,
		policy_type: 'container',
		time: 1_750_000_000,
		deviation: {},
	};
}

const response = {
	default: [{makeRedFlag: {severity: 'critical', impact: 'pivot'}}],
	actions: [
		{makeOpsFlag: {severity: 'low', description: 'look', processSelector: {name: ['nc']}}},
		{agentKillProcessGroup: {processSelector: {name: ['nc']}}},
		{agentReniceProcess: {priority: '19', processSelector: {name: ['bash']}}},
		{agentKillPod: {processSelector: {name: ['bash']}}},
		{webhook: {urlDestination: 'https://hooks.example.com/services/SECRET/PATH', template: 'slack', processSelector: {name: ['nc']}}},
	],
};

describe('the policy log of a new deviation', () => {
	test('audit mode says what would have been done, and sends nothing', () => {
		const {events, webhooks} = responseEvents(deviationRecordOf('audit'), planResponse(response, deviating, payments), payments);
		expect(webhooks).toEqual([]);
		expect(events.map(event => [event.schema, event['severity'], event['message']])).toEqual([
			['event_log:guardian_deviation:1.0.0', 'critical', 'Process "bash" using executable "/usr/bin/bash" deviated from policy "bastion".'],
			['event_log:guardian_action:1.0.0', 'critical', 'Audit mode: would create a critical red flag: Process "bash" using executable "/usr/bin/bash" deviated from policy "bastion".'],
			['event_log:guardian_action:1.0.0', 'low', 'Audit mode: would create a low ops flag: Process "bash" using executable "/usr/bin/bash" deviated from policy "bastion".'],
			['event_log:guardian_action:1.0.0', 'info', 'Audit mode: would kill the process group of process "nc" (/usr/bin/nc.openbsd) for policy "bastion".'],
			['event_log:guardian_action:1.0.0', 'info', 'Audit mode: would renice process "bash" (/usr/bin/bash) to priority 19 for policy "bastion".'],
			['event_log:guardian_action:1.0.0', 'info', 'Audit mode: would kill pod "api-7f9" for policy "bastion".'],
			['event_log:guardian_action:1.0.0', 'info', 'Audit mode: would send a slack webhook to https://hooks.example.com: Process "bash" using executable "/usr/bin/bash" deviated from policy "bastion".'],
		]);
		expect(events.every(event => event['outcome'] === undefined || event['outcome'] === 'audit')).toBe(true);
	});

	test('enforce mode raises flags with their severity, records agent actions as requested, and hands back the webhooks', () => {
		const {events, webhooks} = responseEvents(deviationRecordOf('enforce'), planResponse(response, deviating, payments), payments);
		expect(events.map(event => [event.schema, event['severity'], event['outcome'] ?? event['flag_type']])).toEqual([
			['event_log:guardian_deviation:1.0.0', 'critical', undefined],
			['event_log:guardian_flag:1.0.0', 'critical', 'redflag'],
			['event_log:guardian_flag:1.0.0', 'low', 'opsflag'],
			['event_log:guardian_action:1.0.0', 'info', 'requested'],
			['event_log:guardian_action:1.0.0', 'info', 'requested'],
			['event_log:guardian_action:1.0.0', 'info', 'requested'],
		]);
		expect(events[1]).toMatchObject({message: 'Critical red flag: Process "bash" using executable "/usr/bin/bash" deviated from policy "bastion".', impact: 'pivot', ref: 'dev:org:KEY', policy_uid: 'pol:bastion'});
		expect(events[2]).toMatchObject({message: 'Low ops flag: Process "bash" using executable "/usr/bin/bash" deviated from policy "bastion".', description: 'look'});
		expect(events[3]).toMatchObject({action: 'agentKillProcessGroup', process: {id: 'nc_0', name: 'nc', exe: ['/usr/bin/nc.openbsd']}});
		expect(events[3]!['message']).toMatch(/^Requested: kill the process group of process "nc" \(\/usr\/bin\/nc\.openbsd\) for policy "bastion"; recorded only/);
		expect(webhooks).toHaveLength(1);
		expect(webhooks[0]).toMatchObject({url: 'https://hooks.example.com/services/SECRET/PATH', template: 'slack', payload: {policyName: 'bastion', severity: 'critical'}});
		expect(webhooks[0]!.outcome).toMatchObject({id: 'log:org:KEY:webhook:actions[4]', destination: 'https://hooks.example.com'});
	});

	test('event ids are derived from the deviation id, so that they are unique and say whose they are', () => {
		const {events} = responseEvents(deviationRecordOf('enforce'), planResponse(response, deviating, payments), payments);
		expect(events.map(event => event.id)).toEqual(['log:org:KEY:0', 'log:org:KEY:1', 'log:org:KEY:2', 'log:org:KEY:3', 'log:org:KEY:4', 'log:org:KEY:5']);
	});

	test("no webhook URL path appears in a log event: a Slack webhook's path is its secret", () => {
		for (const mode of ['audit', 'enforce'] as const) {
			const {events, webhooks} = responseEvents(deviationRecordOf(mode), planResponse(response, deviating, payments), payments);
			expect(JSON.stringify([events, webhooks.map(webhook => webhook.outcome)])).not.toContain('SECRET');
		}
	});

	test('the most severe flag gives the deviation event its severity; info without flags', () => {
		expect(highestSeverity(['low', 'critical', undefined, 'high'])).toBe('critical');
		expect(highestSeverity([undefined])).toBe('info');
	});
});
