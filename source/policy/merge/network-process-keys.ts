import type {ProcessesAlike} from './network-process-alike.js';

/** The class of a process that is alike to none (its id is in no process tree). */
const alikeToNone = -1;
/** What a row of answers holds for a pair of classes. */
const notAskedYet = 0;
const isAlike = 1;
const isUnlike = 2;

/**
 * The process ids of one merge as small integers, and their classes: ids of
 * one class are alike to the same processes (the shapes of processesAlikeIn;
 * without shapes, each id is its own class). Containment tests ask whether a
 * process matches any process of each candidate rule, hundreds of thousands
 * of times in a large merge; rules remember their classes, so a rule for a
 * program seen under twenty parents is one comparison, and each answer is
 * remembered in a byte per pair of classes: no key text to build or collect.
 */
export class ProcessKeys {
	private readonly keys = new Map<string, number>();
	/** The class of each key. */
	private readonly classes: number[] = [];
	/** Classes are numbered densely per merge, so that rows of answers stay as short as the classes the rules name. */
	private readonly classOfShape = new Map<number, number>();
	/** An id of each class, to ask `alike` with. */
	private readonly members: string[] = [];
	/** Per class, the answers for every class numbered so far. */
	private readonly answers: Uint8Array[] = [];
	private readonly alike: ProcessesAlike;

	constructor(alike: ProcessesAlike) {
		this.alike = alike;
	}

	keyOf(id: string): number {
		let key = this.keys.get(id);
		if (key === undefined) {
			key = this.classes.length;
			this.keys.set(id, key);
			this.classes.push(this.classFor(id));
		}
		return key;
	}

	classOf(key: number): number {
		return this.classes[key]!;
	}

	/** The distinct classes of some processes, leaving out those alike to none. */
	classesOf(keys: Iterable<number>): number[] {
		const found = new Set<number>();
		for (const key of keys) if (this.classes[key] !== alikeToNone) found.add(this.classes[key]!);
		return [...found];
	}

	/** Are the processes of class `inner` alike to those of one of the classes `outer` (as classesOf gives them)? */
	alikeToOneOf(inner: number, outer: readonly number[]): boolean {
		if (inner === alikeToNone || outer.length === 0) return false;
		let row = this.answers[inner]!;
		if (row.length < this.members.length) row = this.answers[inner] = grown(row, this.members.length);
		for (const own of outer) {
			if (row[own] === notAskedYet) row[own] = this.alike(this.members[inner]!, this.members[own]!) ? isAlike : isUnlike;
			if (row[own] === isAlike) return true;
		}
		return false;
	}

	private classFor(id: string): number {
		const shapeOf = this.alike.shapeOf;
		const shape = shapeOf ? shapeOf(id) : this.classes.length;
		if (shape === undefined) return alikeToNone;
		let kind = this.classOfShape.get(shape);
		if (kind === undefined) {
			kind = this.members.push(id) - 1;
			this.classOfShape.set(shape, kind);
			this.answers.push(new Uint8Array(0));
		}
		return kind;
	}
}

/** `row` with room for `length` classes, doubling so that a merge that keeps meeting new classes copies rarely. */
function grown(row: Uint8Array, length: number): Uint8Array {
	const larger = new Uint8Array(Math.max(length, row.length * 2));
	larger.set(row);
	return larger;
}
