import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';
import fs from 'node:fs';
import {stripVTControlCharacters} from 'node:util';

/** USER_HZ, the unit of /proc CPU times: 100 on every Linux build that matters here. */
const clockTicksPerSecond = 100;

function processRssBytes(pid: string): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
	if (kilobytes === undefined) throw new Error(`no VmRSS for process ${pid}`);
	return Number(kilobytes) * 1024;
}

/** Ink brackets each frame it writes to a terminal in DEC 2026 synchronized-output marks; this opens one. */
const frameStart = '\u001B[?2026h';

export type PtyOptions = {env: NodeJS.ProcessEnv; cwd: string; size?: {columns: number; rows: number}};

/**
 * A command in a fresh pseudo-terminal (util-linux `script`), as a user's
 * terminal runs it: what it writes is collected, keys are typed into it.
 * Without a size the terminal has none, and Ink falls back to 80x24.
 */
export class PtyApp {
	private readonly child: ChildProcessWithoutNullStreams;
	private readonly spawnedAt = performance.now();
	/**
	 * What the app wrote, in the chunks it arrived in. One string grown with
	 * += is a rope that every slice flattens whole: after a minute of a log
	 * tail, each check of a few new bytes copied megabytes, and the bench's
	 * own delay showed up as the app's latency.
	 */
	private readonly chunks: string[] = [];
	/** Offset of each chunk in the whole output. */
	private readonly starts: number[] = [];
	private length = 0;
	private waiter: (() => void) | undefined;
	private readonly exited: Promise<void>;

	constructor(command: string, options: PtyOptions) {
		const sized = options.size ? `stty cols ${options.size.columns} rows ${options.size.rows}; ${command}` : command;
		this.child = spawn('script', ['-qec', sized, '/dev/null'], {env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe']});
		this.child.stdout.on('data', (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			this.starts.push(this.length);
			this.chunks.push(text);
			this.length += text.length;
			this.waiter?.();
		});
		this.exited = new Promise(resolve => {
			this.child.once('exit', () => {
				resolve();
				this.waiter?.();
			});
		});
	}

	/** Everything written so far, escape sequences removed. */
	screenText(from = 0): string {
		return stripVTControlCharacters(this.outputFrom(from));
	}

	/** Milliseconds since spawn, the clock waitFor answers in. */
	elapsedMs(): number {
		return performance.now() - this.spawnedAt;
	}

	/** Where the output is now: later reads and waits can start here. */
	get offset(): number {
		return this.length;
	}

	/** The raw output from offset `from`, joining only the chunks it spans. */
	private outputFrom(from: number): string {
		let index = this.chunks.length - 1;
		while (index > 0 && this.starts[index]! > from) index--;
		if (index < 0) return '';
		return this.chunks.slice(index).join('').slice(from - this.starts[index]!);
	}

	/** The last frame written, as text. */
	lastFrame(): string {
		return this.screenText(Math.max(0, this.outputFrom(0).lastIndexOf(frameStart)));
	}

	/** Frames written since offset `from`, counted by their marks: a streaming log writes all the time. */
	frames(from = 0): number {
		return this.outputFrom(from).split(frameStart).length - 1;
	}

	/** Types keys without waiting for an answer. */
	type(keys: string): void {
		this.child.stdin.write(keys);
	}

	/** Milliseconds since spawn at the moment the output from offset `from` first satisfies `predicate`. */
	async waitFor(predicate: (text: string) => boolean, what: string, timeoutMs: number, from = 0): Promise<number> {
		const deadline = performance.now() + timeoutMs;
		for (;;) {
			const at = performance.now();
			if (predicate(this.screenText(from))) return at - this.spawnedAt;
			if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`the app exited while waiting for ${what}; it wrote:\n${this.screenText()}`);
			if (at > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the app wrote:\n${this.screenText(from).slice(-4000)}`);
			await new Promise<void>(resolve => {
				const timer = setTimeout(resolve, deadline - at);
				this.waiter = () => {
					clearTimeout(timer);
					resolve();
				};
			});
			this.waiter = undefined;
		}
	}

	/** Waits until the app has written nothing for `quietMs`, so that a measurement starts from a still screen. */
	async settle(quietMs: number, timeoutMs = 10_000): Promise<void> {
		const deadline = performance.now() + timeoutMs;
		for (;;) {
			const length = this.length;
			await new Promise(resolve => {
				setTimeout(resolve, quietMs);
			});
			if (this.length === length) return;
			if (performance.now() > deadline) throw new Error(`the app kept writing for ${timeoutMs} ms`);
		}
	}

	/** Types `key` and returns the milliseconds until the app writes visible text again: its next frame. */
	async press(key: string, timeoutMs = 5000): Promise<number> {
		const from = this.length;
		const pressedAt = performance.now();
		this.child.stdin.write(key);
		const frameAt = await this.waitFor(text => /\S/.test(text), `a frame after pressing ${JSON.stringify(key)}`, timeoutMs, from);
		return frameAt - (pressedAt - this.spawnedAt);
	}

	/** Resident memory of the app. */
	rssBytes(): number {
		return processRssBytes(this.appPid());
	}

	/** Resident memory of the processes the app started, such as its embedded server. */
	childrenRssBytes(): number {
		const pid = this.appPid();
		const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
		return children.reduce((sum, child) => sum + processRssBytes(child), 0);
	}

	/**
	 * CPU time the app has used, all threads, in milliseconds. On a busy
	 * machine wall-clock figures grow with other people's load; this does not.
	 */
	cpuMs(): number {
		// Fields 14 and 15 of /proc/PID/stat, counted after the command name, which may hold spaces.
		const stat = fs.readFileSync(`/proc/${this.appPid()}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
	}

	/** `script`'s one child, which the shell's `exec` turned into the app. */
	private appPid(): string {
		const pid = this.child.pid;
		const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
		if (children.length !== 1 || !children[0]) throw new Error(`expected one process under script, found: ${children.join(' ') || 'none'}`);
		return children[0];
	}

	/** Quits the way a user does, with `q` (or ctrl+c where q only closes a panel); if the app does not go, ending `script` hangs up its terminal. */
	async quit(key = 'q'): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		this.child.stdin.write(key);
		const timer = setTimeout(() => {
			this.child.kill('SIGKILL');
		}, 5000);
		await this.exited;
		clearTimeout(timer);
	}
}
