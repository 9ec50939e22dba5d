import type {PolicyDocument} from '../../api/policy-records.js';
import type {DialogView} from '../dialog-view.js';
import {remember} from '../remember.js';
import {wrapSpans} from '../text.js';
import {span, type Span} from '../tone.js';
import {yamlLines} from '../yaml-lines.js';
import {type CreateFlow, type CreateStep, fingerprintWindowSeconds, type PolicyMode, workloadsOf} from './flow.js';
import {nameProblem} from './name.js';
import {sourceItems} from './source-items.js';

/** Problems beyond this many are counted, not listed: the dialog has little room, and `spytui validate -f` lists them all. */
const shownProblems = 8;

const windowText = `the last ${fingerprintWindowSeconds / 3600} hours`;

/**
 * What the create dialog shows at each step. `busy` says what the step
 * waits for, `where` names the API the policy goes to.
 */
export const createView = remember((flow: CreateFlow, busy: string | undefined, where: string, width: number): DialogView => {
	const prose = (spans: Span[]) => wrapSpans(spans, width);
	const title = titleOf(flow.step);
	switch (flow.step) {
		case 'source': {
			const listing = flow.listing;
			return {
				title,
				lines: [
					...prose([span(`Build the policy from a local file, or from a workload the server has fingerprints of (${windowText}).`)]),
					...prose(listingStatus(flow)),
					[],
				],
				buttons: [],
				select: {items: sourceItems(workloadsOf(flow), listing && 'at' in listing ? listing.at : 0, width), cursor: flow.cursor},
			};
		}
		case 'path': {
			return {
				title,
				lines: [
					...prose([span('The path of a baseline, fingerprint, fingerprint group or policy file. ~ is your home folder; a relative path starts where spytui runs.', 'muted')]),
					...problemLines(flow.problems, 'The file cannot be used:', width),
				],
				buttons: [],
				...(busy ? {busy} : {input: {label: 'file', text: flow.path, tone: 'plain', note: flow.path.trim() === '' ? '' : '  enter reads it'}}),
			};
		}
		case 'name': {
			const problems = flow.buildProblems.length > 0 ? flow.buildProblems : [nameProblem(flow.name.trim())].filter(problem => problem !== undefined);
			return {
				title,
				lines: [
					...prose([span('From '), span(flow.source?.label ?? '', 'name')]),
					[],
					[span('Mode  '), ...modeSpans(flow.mode), span('   tab switches', 'muted')],
					...prose([span('audit reports what deviates from the policy; enforce also runs its response actions.', 'muted')]),
					...problemLines(problems, 'The policy cannot be built:', width),
				],
				buttons: [],
				input: {label: 'name', text: flow.name, tone: problems.length > 0 ? 'error' : 'plain', note: problems.length > 0 ? '' : '  enter shows the preview'},
			};
		}
		case 'preview': {
			if (!flow.preview) return {title, lines: [], buttons: ['Cancel']};
			const {policy, skipped} = flow.preview;
			const lines = [
				...prose([span('Plan: ', 'heading'), span(`create ${String(policy.metadata['type'])} policy `), span(String(policy.metadata['name']), 'name'), span(` in ${flow.mode} mode on ${where}`)]),
				...prose([span(`From ${flow.source?.label ?? 'the source'}: ${sizeText(policy)}. Nothing is sent until you press Create.`, 'muted')]),
				...skipped.flatMap(message => prose([span(message, 'warn')])),
				...(flow.error ? prose([span(`✗ not created: ${flow.error}. Create tries again; esc goes back to the name and mode`, 'error')]) : []),
				[],
				...yamlLines(policy as unknown as Record<string, unknown>),
			];
			return {title, lines, buttons: ['Cancel', 'Create'], ...(busy ? {busy} : {})};
		}
	}
});

const stepNames: Array<{steps: CreateStep[]; name: string}> = [
	{steps: ['source', 'path'], name: 'source'},
	{steps: ['name'], name: 'name and mode'},
	{steps: ['preview'], name: 'preview'},
];

/** `Create a policy  source › name and mode › preview`, the current step lit. */
function titleOf(step: CreateStep): Span[] {
	const crumbs = stepNames.flatMap(({steps, name}, index) => [...(index > 0 ? [span(' › ', 'muted')] : []), span(name, steps.includes(step) ? 'accent' : 'muted')]);
	return [span('Create a policy', 'heading'), span('  '), ...crumbs];
}

function listingStatus(flow: CreateFlow): Span[] {
	const listing = flow.listing;
	if (!listing) return [span("fetching the server's fingerprints…", 'info')];
	if ('error' in listing) return [span(`could not fetch the server's fingerprints: ${listing.error}. A local file still works.`, 'error')];
	const workloads = listing.workloads.length;
	if (workloads === 0) return [span(`The server has no fingerprints from ${windowText}: pick a local file.`, 'muted')];
	const fingerprints = listing.workloads.reduce((sum, workload) => sum + workload.fingerprints.length, 0);
	return [span(`${workloads} workload${workloads === 1 ? '' : 's'} from ${fingerprints} fingerprint${fingerprints === 1 ? '' : 's'}, newest first.`, 'muted')];
}

function problemLines(problems: readonly string[], heading: string, width: number): Span[][] {
	if (problems.length === 0) return [];
	const shown = problems.slice(0, shownProblems).flatMap(problem => wrapSpans([span(`✗ ${problem}`, 'error')], width));
	const more = problems.length - shownProblems;
	return [[], [span(heading, 'error')], ...shown, ...(more > 0 ? [[span(`… and ${more} more`, 'error')]] : [])];
}

function modeSpans(mode: PolicyMode): Span[] {
	const option = (value: PolicyMode) => span(`${value === mode ? '◉' : '○'} ${value}`, value === mode ? 'accent' : 'muted');
	return [option('audit'), span('  '), option('enforce')];
}

/** `4 processes, 2 network rules`: how much the policy allows, at a glance. */
function sizeText(policy: PolicyDocument): string {
	const processes = countNodes(policy.spec['processPolicy']);
	const network = policy.spec['networkPolicy'] as {ingress?: unknown[]; egress?: unknown[]} | undefined;
	const rules = (network?.ingress?.length ?? 0) + (network?.egress?.length ?? 0);
	return `${processes} process${processes === 1 ? '' : 'es'}, ${rules} network rule${rules === 1 ? '' : 's'}`;
}

function countNodes(nodes: unknown): number {
	if (!Array.isArray(nodes)) return 0;
	return nodes.reduce<number>((sum, node) => sum + 1 + countNodes((node as {children?: unknown}).children), 0);
}
