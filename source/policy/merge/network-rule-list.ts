import type {Peer} from './network-blocks.js';
import type {OrderedRules} from './network-ordered-rules.js';
import type {ProcessKeys} from './network-process-keys.js';
import {absorbRule, type Direction, type EgressRule, fromWorkRule, type IngressRule, type RuleReading, ruleWithin, toWorkRule, type WorkRule} from './network-rule.js';
import {RuleIndex} from './network-rule-index.js';
import type {MergeMode} from './types.js';

type AnyRule = IngressRule | EgressRule;

function peersOf(rule: AnyRule): readonly Peer[] {
	return 'from' in rule ? rule.from : rule.to;
}

/** The ingress or the egress rules of one policy while they are merged, in output order. */
export class RuleList {
	private readonly rules = new Set<WorkRule>();
	private readonly index = new RuleIndex();
	private nextOrder = 0;
	/** Matches processes by id and beyond (see processesAlikeIn). */
	private readonly keys: ProcessKeys;

	constructor(rules: readonly AnyRule[], reading: RuleReading) {
		this.keys = reading.keys;
		for (const rule of rules) this.append(toWorkRule(peersOf(rule), rule.ports, rule.processes, reading));
	}

	/**
	 * The rules of one incoming object, merged internally and in order. Most
	 * objects of a large merge are deviations with a single rule: with one rule
	 * or none there is nothing to combine, and no list to build.
	 */
	static combined(rules: readonly AnyRule[], reading: RuleReading): WorkRule[] {
		if (rules.length <= 1) return rules.map(rule => toWorkRule(peersOf(rule), rule.ports, rule.processes, reading));
		const list = new RuleList(rules, reading);
		list.consolidate();
		return list.ordered;
	}

	/** The rules in output order: rules join the set only when appended, with the next place. */
	get ordered(): WorkRule[] {
		return [...this.rules];
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
	 * then widens to the incoming ports). Otherwise it is appended. Returns
	 * the rule that now holds it.
	 */
	mergeIn(incoming: WorkRule, mode: MergeMode): WorkRule {
		const target = mode === 'symmetric' ? this.firstRelated(incoming, Number.POSITIVE_INFINITY) : this.firstContainer(incoming);
		if (!target) {
			this.append(incoming);
			return incoming;
		}
		this.absorb(target, incoming, mode);
		return target;
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

	/** Merging can change target's ports; only then is it filed again (under its old ports it is found and taken out). */
	private absorb(target: WorkRule, incoming: WorkRule, mode: MergeMode): void {
		const ports = target.ports;
		absorbRule(target, incoming, mode, this.keys);
		if (target.ports === ports) return;
		this.index.remove(target, ports);
		this.index.add(target);
	}

	private firstContainer(rule: WorkRule): WorkRule | undefined {
		return this.earliest(this.index.mayContain(rule), rule, Number.POSITIVE_INFINITY, 'contains');
	}

	/** The earliest rule before `limit` that contains `rule` or lies within it. */
	private firstRelated(rule: WorkRule, limit: number): WorkRule | undefined {
		return this.earliest([...this.index.mayContain(rule), ...this.index.mayLieWithin(rule)], rule, limit, 'either way');
	}

	/**
	 * The earliest rule in `groups` before `limit`, other than `rule`, that
	 * contains it (or, either way, lies within it). Groups are in output
	 * order, so each is read only up to its first find or the best so far; a
	 * group named twice is read once. (No test callback: this is the hot loop.)
	 */
	private earliest(groups: ReadonlyArray<OrderedRules | undefined>, rule: WorkRule, limit: number, relation: 'contains' | 'either way'): WorkRule | undefined {
		let best: WorkRule | undefined;
		let bound = limit;
		for (const [index, group] of groups.entries()) {
			if (!group || groups.indexOf(group) < index) continue;
			for (const candidate of group) {
				if (candidate.order >= bound) break;
				if (candidate === rule || !(ruleWithin(rule, candidate, this.keys) || (relation === 'either way' && ruleWithin(candidate, rule, this.keys)))) continue;
				best = candidate;
				bound = candidate.order;
				break;
			}
		}
		return best;
	}
}
