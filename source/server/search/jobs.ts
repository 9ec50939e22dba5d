import {randomUUID} from 'node:crypto';

export type JobStatus = 'RUNNING' | 'COMPLETE' | 'FAILED';

export type SearchJob = {
	id: string;
	orgUid: string;
	status: JobStatus;
	/** The matching records as JSON text, in result order. */
	results: string[];
	outputFields: string[] | undefined;
	failure?: {status: number; message: string};
	/** Characters held in results, counted against the registry's budget. */
	size: number;
	/** When it was last started or read (ms); a job unread for the time to live is dropped. */
	touched: number;
	/** Set when the job is dropped or the server closes: its runner must stop reading the database. */
	cancelled: boolean;
};

/** What a runner fills a job through. `add` answers false when the runner must stop. */
export type ResultSink = {add: (text: string) => boolean; readonly cancelled: boolean};

export type JobLimits = {
	/** How long a job is kept after it was last read. */
	ttlMs: number;
	/** Characters of results all jobs together may hold. */
	maxSize: number;
	maxJobs: number;
	now: () => number;
};

const defaults: JobLimits = {ttlMs: 10 * 60_000, maxSize: 64 * 1024 * 1024, maxJobs: 100, now: () => Date.now()};

/**
 * Search jobs held in memory between their creation and their last page, as
 * the real search API does. Memory is bounded three ways: jobs expire when
 * unread, their number is capped, and their results share one size budget; the
 * least recently read jobs make room first.
 */
export function searchJobRegistry(options: Partial<JobLimits> = {}) {
	const limits = {...defaults, ...options};
	// A Map iterates in insertion order; re-inserting on every read keeps it least recently read first.
	const jobs = new Map<string, SearchJob>();
	let total = 0;

	function drop(job: SearchJob): void {
		job.cancelled = true;
		if (jobs.delete(job.id)) total -= job.size;
		job.results = [];
		job.size = 0;
	}

	function sweep(): void {
		const now = limits.now();
		for (const job of jobs.values()) if (now - job.touched > limits.ttlMs) drop(job);
	}

	function fail(job: SearchJob, status: number, message: string): void {
		total -= job.size;
		job.results = [];
		job.size = 0;
		job.status = 'FAILED';
		job.failure = {status, message};
	}

	function add(job: SearchJob, text: string): boolean {
		if (job.cancelled || job.status !== 'RUNNING') return false;
		for (const other of jobs.values()) {
			if (total + text.length <= limits.maxSize) break;
			if (other !== job) drop(other);
		}
		if (total + text.length > limits.maxSize) {
			fail(job, 400, `the results of this search exceed the ${Math.round(limits.maxSize / 1024 / 1024)} MB the server keeps for searches; narrow the query or the time window`);
			return false;
		}
		job.results.push(text);
		job.size += text.length;
		total += text.length;
		return true;
	}

	/** Registers a job and runs it; the job is RUNNING until the runner settles. */
	function start(orgUid: string, outputFields: string[] | undefined, run: (sink: ResultSink) => Promise<void>): SearchJob {
		sweep();
		for (const oldest of jobs.values()) {
			if (jobs.size < limits.maxJobs) break;
			drop(oldest);
		}
		const job: SearchJob = {id: randomUUID(), orgUid, status: 'RUNNING', results: [], outputFields, size: 0, touched: limits.now(), cancelled: false};
		jobs.set(job.id, job);
		const sink: ResultSink = {
			add: text => add(job, text),
			get cancelled() {
				return job.cancelled;
			},
		};
		run(sink).then(
			() => {
				if (job.status === 'RUNNING') job.status = 'COMPLETE';
			},
			() => {
				// The runner reads only the database; whatever broke there is not the caller's to see.
				if (job.status === 'RUNNING') fail(job, 500, 'the search failed inside the server');
			},
		);
		return job;
	}

	/** The org's job with this id, if it is still kept; reading it keeps it longer. */
	function get(orgUid: string, id: string): SearchJob | undefined {
		sweep();
		const job = jobs.get(id);
		if (!job || job.orgUid !== orgUid) return undefined;
		job.touched = limits.now();
		jobs.delete(id);
		jobs.set(id, job);
		return job;
	}

	/** Stops every job; runners notice before their next read of the database. */
	function close(): void {
		for (const job of jobs.values()) drop(job);
	}

	return {start, get, close, ttlMs: limits.ttlMs};
}

export type SearchJobRegistry = ReturnType<typeof searchJobRegistry>;
