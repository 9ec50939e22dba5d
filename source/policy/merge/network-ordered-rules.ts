import type {WorkRule} from './network-rule.js';

/**
 * A group of rules kept sorted by output place, so that the search for the
 * earliest rule that contains another can stop at the first one that does
 * instead of testing every rule on a busy port.
 */
export class OrderedRules implements Iterable<WorkRule> {
	private readonly rules: WorkRule[] = [];

	/** Adds `rule` unless present; appended rules are the latest, so this is mostly a push. */
	add(rule: WorkRule): void {
		const last = this.rules.at(-1);
		if (!last || last.order < rule.order) {
			this.rules.push(rule);
			return;
		}
		const at = this.firstFrom(rule.order);
		if (this.rules[at] !== rule) this.rules.splice(at, 0, rule);
	}

	delete(rule: WorkRule): void {
		const at = this.firstFrom(rule.order);
		if (this.rules[at] === rule) this.rules.splice(at, 1);
	}

	[Symbol.iterator](): Iterator<WorkRule> {
		return this.rules[Symbol.iterator]();
	}

	/** The index of the first rule whose order is `order` or later (binary search). */
	private firstFrom(order: number): number {
		let low = 0;
		let high = this.rules.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.rules[middle]!.order < order) low = middle + 1;
			else high = middle;
		}
		return low;
	}
}
