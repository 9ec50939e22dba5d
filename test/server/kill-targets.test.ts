import {describe, expect, test} from 'vitest';
import {responseEvents} from '../../source/server/evaluate/action-events.js';
import type {Activity} from '../../source/server/evaluate/activity.js';
import type {DeviationRecord} from '../../source/server/evaluate/deviation-record.js';
import {hostAgent} from '../../source/server/evaluate/kill-targets.js';
import {indexProcesses} from '../../source/server/evaluate/process-index.js';
import {planResponse} from '../../source/server/evaluate/response-plan.js';
import {workloadOf} from '../../source/server/evaluate/workload.js';

const network = {ingress: [], egress: []};
/** The policy: a shell with a sleep, and elsewhere a program called tool, so that the id tool_0 is taken. */
const baseline: Activity = {
	processPolicy: [
		{name: 'sh', exe: ['/usr/bin/dash'], id: 'sh_0', euser: ['root'], children: [{name: 'sleep', exe: ['/usr/bin/sleep'], id: 'sleep_0'}]},
		{name: 'tool', exe: ['/opt/tool'], id: 'tool_0', euser: ['root']},
	],
	networkPolicy: network,
};
/** What was observed: the shell also started two tools (one node), one of which started a helper. */
const activity: Activity = {
	processPolicy: [
		{
			name: 'sh',
			exe: ['/usr/bin/dash'],
			id: 'sh_0',
			euser: ['root'],
			children: [
				{name: 'sleep', exe: ['/usr/bin/sleep'], id: 'sleep_0'},
				{name: 'tool', exe: ['/usr/local/bin/tool'], id: 'tool_0', children: [{name: 'helper', exe: ['/usr/bin/helper'], id: 'helper_0'}]},
			],
		},
	],
	networkPolicy: network,
};
const host = [
	{id: 'sh_0', pid: 10, ppid: 1, pgid: 10, startTicks: 1},
	{id: 'sleep_0', pid: 11, ppid: 10, pgid: 10, startTicks: 2},
	{id: 'tool_0', pid: 12, ppid: 10, pgid: 12, startTicks: 3},
	{id: 'helper_0', pid: 13, ppid: 12, pgid: 12, startTicks: 4},
	{id: 'tool_0', pid: 15, ppid: 10, pgid: 15, startTicks: 5},
];

describe('which host processes a kill takes', () => {
	const agent = hostAgent(host, 'web-01', activity, () => baseline);
	// The merge gave the new tool the id tool_1: tool_0 was the policy's.
	const merged = indexProcesses([{...activity.processPolicy[0]!, children: [activity.processPolicy[0]!.children![0]!, {...activity.processPolicy[0]!.children![1]!, id: 'tool_1'}]}]);
	const pids = (victims: ReturnType<typeof agent.victimsOf>) => victims.map(victim => `${victim.pid} ${victim.name}${victim.picked ? ' picked' : ''}`);

	test('agentKillProcess: every pid behind the node the deviation names, through the ids the merge gave', () => {
		expect(pids(agent.victimsOf('agentKillProcess', merged.get('tool_1')!))).toEqual(['12 tool picked', '15 tool picked']);
	});

	test('agentKillProcessGroup: the rest of their groups, as far as the fingerprint lists them', () => {
		expect(pids(agent.victimsOf('agentKillProcessGroup', merged.get('tool_1')!))).toEqual(['12 tool picked', '15 tool picked', '13 helper']);
		expect(pids(agent.victimsOf('agentKillProcessGroup', merged.get('sh_0')!))).toEqual(['10 sh picked', '11 sleep']);
	});

	test('agentKillProcessTree: their descendants', () => {
		expect(pids(agent.victimsOf('agentKillProcessTree', merged.get('sh_0')!))).toEqual(['10 sh picked', '11 sleep', '12 tool', '13 helper', '15 tool']);
		expect(agent.hostname).toBe('web-01');
	});
});

describe('the policy log of a deviation of observed processes', () => {
	const agent = hostAgent(host, 'web-01', activity, () => baseline);
	const merged = indexProcesses([{...activity.processPolicy[0]!, children: [activity.processPolicy[0]!.children![0]!, {...activity.processPolicy[0]!.children![1]!, id: 'tool_1'}]}]);
	const deviating = [merged.get('tool_1')!, merged.get('helper_0')!];
	const workload = workloadOf({metadata: {type: 'linux-service', 'service-name': 'sh', hostname: 'web-01'}, spec: {serviceSelector: {matchFields: {name: 'sh'}}}});
	const response = {default: [{agentKillPod: {}}], actions: [{agentKillProcessTree: {processSelector: {name: ['tool']}}}]};
	const deviation = (mode: 'audit' | 'enforce'): DeviationRecord => ({
		id: 'dev:org:KEY',
		checksum: 'abc',
		description: 'Process "tool" using executable "/usr/local/bin/tool" deviated from policy "tools".',
		short_description: 'Process "tool" (/usr/local/bin/tool) deviated',
		policy_uid: 'pol:tools',
		policy_name: 'tools',
		policy_mode: mode,
		policy_type: 'linux-service',
		time: 1_750_000_000,
		deviation: {},
	});

	test('audit mode names the pids it would kill; agentKillPod does not apply to a host process', () => {
		const {events, kills} = responseEvents(deviation('audit'), planResponse(response, deviating, workload), workload, agent);
		expect(kills).toEqual([]);
		expect(events.slice(1).map(event => [event['outcome'], event['message']])).toEqual([
			['not applicable', 'agentKillPod is not applicable on this host: its processes run in no pod. Nothing was killed for policy "tools".'],
			['audit', 'Audit mode: would kill 12 (tool), 15 (tool), 13 (helper) for policy "tools" (agentKillProcessTree).'],
		]);
	});

	test('enforce mode hands the kill over, with its victims and the selector to check again, to be carried out after the commit', () => {
		const {events, kills} = responseEvents(deviation('enforce'), planResponse(response, deviating, workload), workload, agent);
		expect(events.map(event => event['outcome'])).toEqual([undefined, 'not applicable']);
		expect(kills).toHaveLength(1);
		expect(kills[0]).toMatchObject({action: 'agentKillProcessTree', policyName: 'tools', hostname: 'web-01', target: {id: 'tool_1', name: 'tool', exe: '/usr/local/bin/tool'}, processSelector: {name: ['tool']}});
		expect(kills[0]!.victims.map(victim => `${victim.pid}${victim.picked ? ' picked' : ''}`)).toEqual(['12 picked', '15 picked', '13']);
		expect(kills[0]!.event).toMatchObject({id: 'log:org:KEY:kill:actions[0]:tool_1', schema: 'event_log:guardian_action:1.0.0', policy_uid: 'pol:tools'});
	});
});
