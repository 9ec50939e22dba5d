import {mergeObjects} from '../../source/policy/merge/merge-objects.js';
import type {SpyderbatObject} from '../../source/policy/merge/merge-inputs.js';
import {validateObject} from '../../source/policy/validate.js';
import {type Figure, medianMs} from './figure.js';
import {largePolicy} from './large-policy.js';

const processCount = 1000;
const ruleCount = 1000;
const deviationCount = 2000;
const policyUid = 'pol:bench0000000000000000';

/** A small deterministic generator, so every run merges the same deviations. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
}

/**
 * What a day of deviations from a busy workload looks like: half are a new
 * child process under one of the processes that do the work (a tool run by a
 * service, often seen before under the same parent) with the connection it
 * made; half are a known process reaching a new peer.
 */
function deviations(): SpyderbatObject[] {
	const next = random(7);
	const pick = (count: number) => Math.floor(next() * count);
	const busy = Array.from({length: 100}, () => `proc${pick(processCount)}_0`);
	return Array.from({length: deviationCount}, (_, index) => {
		const parent = busy[pick(busy.length)]!;
		const tool = `tool${pick(40)}`;
		const child = {name: tool, exe: [`/usr/bin/${tool}`], id: `${tool}_0`};
		const newProcess = next() < 0.5;
		const peer = next() < 0.5 ? {dnsSelector: [`svc${pick(300)}.example.com`]} : {ipBlock: {cidr: `172.16.${pick(256)}.${pick(256)}/32`}};
		const rule = {ports: [{protocol: 'TCP', port: next() < 0.7 ? 443 : 8000 + pick(50)}], processes: [newProcess ? child.id : parent]};
		return {
			apiVersion: 'spyderbat/v1',
			kind: 'GuardianDeviation',
			metadata: {type: 'container', policy_uid: policyUid, checksum: `c${index}`, uid: `dev:${index}`},
			spec: {
				...(newProcess ? {processPolicy: [{policyNode: {id: parent, children: [child]}}]} : {}),
				networkPolicy: next() < 0.8 ? {egress: [{to: [peer], ...rule}]} : {ingress: [{from: [peer], ...rule}]},
			},
		};
	});
}

export default async function mergeBench(): Promise<Figure[]> {
	const policy = largePolicy(processCount, ruleCount);
	policy['metadata'] = {...(policy['metadata'] as Record<string, unknown>), uid: policyUid};
	const others = deviations();
	const check = mergeObjects(policy, others, 'asymmetric');
	if (check.skipped.length > 0 || validateObject(check.merged).length > 0) throw new Error('the merge bench produced skips or an invalid policy');
	return [
		{
			name: `merge ${deviationCount} deviations into a policy with ${processCount} process nodes (${ruleCount} rules)`,
			value: medianMs(() => mergeObjects(policy, others, 'asymmetric'), 7, 2),
			unit: 'ms',
			target: 200,
			better: 'lower',
		},
	];
}
