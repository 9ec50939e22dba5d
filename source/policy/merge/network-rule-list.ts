import type {Peer} from './network-blocks.js';
import type {ProcessesAlike} from './network-process-alike.js';
import {absorbRule, type Direction, type EgressRule, fromWorkRule, type IngressRule, ruleWithin, toWorkRule, type WorkRule} from './network-rule.js';
import {RuleIndex} from './network-rule-index.js';
import type {MergeMode} from './types.js';

type AnyRule = IngressRule | EgressRule;

function peersOf(rule: AnyRule): readonly Peer[] {
	return 'from' in rule ? rule.from : rule.to;
}

function byOrder(a: WorkRule, b: WorkRule): number {
	return a.order - b.order;
}

/** The ingress or the egress rules of one policy while they are merged, in output order. */
export class RuleList {
	private readonly rules = new Set<WorkRule>();
	private readonly index = new RuleIndex();
	private nextOrder = 0;
	/** Matches processes beyond their ids (see processesAlikeIn). */
	private readonly alike: ProcessesAlike;

	constructor(rules: readonly AnyRule[], translate: (id: string) => string, alike: ProcessesAlike) {
		this.alike = alike;
		for (const rule of rules) this.append(toWorkRule(peersOf(rule), rule.ports, rule.processes, translate));
	}

	/** The rules in output order. */
	get ordered(): WorkRule[] {
		return [...this.rules].sort(byOrder);
	}

	/**
	 * spyctl's internal merge: a rule that contains an earlier rule, or lies
	 * within it, is merged into that earlier rule. spyctl makes one pass;
	 * passes repeat here until no rule relates to another, because a merge can
	 * widen a rule into containing others, and merging a policy into itself
	 * must then change nothing.
	 */
	consolidate(): void {
		let merged = true;
		while (merged) {
			merged = false;
			for (const rule of this.ordered) {
				if (!this.rules.has(rule)) continue;
				const target = this.firstRelated(rule, rule.order);
				if (!target) continue;
				this.remove(rule);
				this.absorb(target, rule, 'symmetric');
				merged = true;
			}
		}
	}

	/**
	 * Merges a rule of the other object: into the first rule that contains it
	 * or, in symmetric mode, the first rule related to it either way (that rule
	 * then widens to the incoming ports). Otherwise it is appended.
	 */
	mergeIn(incoming: WorkRule, mode: MergeMode): void {
		const target = mode === 'symmetric' ? this.firstRelated(incoming, Number.POSITIVE_INFINITY) : this.firstContainer(incoming);
		if (target) this.absorb(target, incoming, mode);
		else this.append(incoming);
	}

	toRules(direction: 'ingress'): IngressRule[];
	toRules(direction: 'egress'): EgressRule[];
	toRules(direction: Direction): AnyRule[] {
		const rules: AnyRule[] = [];
		for (const rule of this.ordered) {
			const written = direction === 'ingress' ? fromWorkRule(rule, 'ingress') : fromWorkRule(rule, 'egress');
			if (written) rules.push(written);
		}
		return rules;
	}

	private append(rule: WorkRule): void {
		rule.order = this.nextOrder++;
		this.rules.add(rule);
		this.index.add(rule);
	}

	private remove(rule: WorkRule): void {
		this.rules.delete(rule);
		this.index.remove(rule);
	}

	/** Merging can change target's ports, so it is filed again. */
	private absorb(target: WorkRule, incoming: WorkRule, mode: MergeMode): void {
		this.index.remove(target);
		absorbRule(target, incoming, mode);
		this.index.add(target);
	}

	private firstContainer(rule: WorkRule): WorkRule | undefined {
		return earliest(this.index.mayContain(rule), rule, candidate => ruleWithin(rule, candidate, this.alike));
	}

	/** The earliest rule before `limit` that contains `rule` or lies within it. */
	private firstRelated(rule: WorkRule, limit: number): WorkRule | undefined {
		const groups = [...this.index.mayContain(rule), ...this.index.mayLieWithin(rule)];
		const related = (candidate: WorkRule) => ruleWithin(rule, candidate, this.alike) || ruleWithin(candidate, rule, this.alike);
		return earliest(groups, rule, candidate => candidate.order < limit && related(candidate));
	}
}

/**
 * The earliest rule in `groups`, other than `rule`, that passes `test`. A
 * group may repeat a rule; rules later than the best so far are not tested.
 */
function earliest(groups: ReadonlyArray<Iterable<WorkRule> | undefined>, rule: WorkRule, test: (candidate: WorkRule) => boolean): WorkRule | undefined {
	let best: WorkRule | undefined;
	for (const group of groups) {
		for (const candidate of group ?? []) {
			if (candidate === rule || (best && candidate.order >= best.order)) continue;
			if (test(candidate)) best = candidate;
		}
	}
	return best;
}
