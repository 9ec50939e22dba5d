import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';
import fs from 'node:fs';
import {stripVTControlCharacters} from 'node:util';

/** Ink brackets each frame it writes to a terminal in DEC 2026 synchronized-output marks; this opens one. */
const frameStart = '\u001B[?2026h';

/**
 * A command in a pseudo-terminal (util-linux `script`), like pty-app.ts, but
 * keeping the raw output: frames are counted by their marks, and a key's
 * response is found by the text it brings, not by the next write (a
 * streaming log writes all the time).
 */
export class RawPty {
	private readonly child: ChildProcessWithoutNullStreams;
	private output = '';
	private waiter: (() => void) | undefined;
	private readonly exited: Promise<void>;

	constructor(command: string, options: {env: NodeJS.ProcessEnv; cwd: string; size: {columns: number; rows: number}}) {
		const sized = `stty cols ${options.size.columns} rows ${options.size.rows}; ${command}`;
		this.child = spawn('script', ['-qec', sized, '/dev/null'], {env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe']});
		this.child.stdout.on('data', (chunk: Buffer) => {
			this.output += chunk.toString('utf8');
			this.waiter?.();
		});
		this.exited = new Promise(resolve => {
			this.child.once('exit', () => {
				resolve();
				this.waiter?.();
			});
		});
	}

	/** Where the output is now: later reads start here. */
	get offset(): number {
		return this.output.length;
	}

	text(from = 0): string {
		return stripVTControlCharacters(this.output.slice(from));
	}

	/** The last frame written, as text. */
	lastFrame(): string {
		return this.text(Math.max(0, this.output.lastIndexOf(frameStart)));
	}

	/** Frames written since `from`. */
	frames(from = 0): number {
		return this.output.slice(from).split(frameStart).length - 1;
	}

	/** The time (performance.now) at which the output from `from` first satisfies `predicate`: checked as each chunk arrives. */
	async waitFor(predicate: (text: string) => boolean, what: string, timeoutMs: number, from = 0): Promise<number> {
		const deadline = performance.now() + timeoutMs;
		for (;;) {
			const at = performance.now();
			if (predicate(this.text(from))) return at;
			if (this.child.exitCode !== null) throw new Error(`the app exited while waiting for ${what}; it wrote:\n${this.text().slice(-4000)}`);
			if (at > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the app wrote:\n${this.text(from).slice(-4000)}`);
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

	type(keys: string): void {
		this.child.stdin.write(keys);
	}

	/** Resident memory of the app: `script`'s one child, which the shell's `exec` turned into it. */
	rssBytes(): number {
		const children = fs.readFileSync(`/proc/${this.child.pid}/task/${this.child.pid}/children`, 'utf8').trim().split(/\s+/);
		const status = fs.readFileSync(`/proc/${children[0]}/status`, 'utf8');
		return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) * 1024;
	}

	signal(): void {
		const children = fs.readFileSync(`/proc/${this.child.pid}/task/${this.child.pid}/children`, 'utf8').trim().split(/\s+/);
		process.kill(Number(children[0]), 'SIGUSR2');
	}

	/** Ends the app with ctrl+c (q would only close the panel); if it does not go, the terminal is hung up. */
	async quit(): Promise<void> {
		if (this.child.exitCode !== null) return;
		this.child.stdin.write('\u0003');
		const timer = setTimeout(() => {
			this.child.kill('SIGKILL');
		}, 5000);
		await this.exited;
		clearTimeout(timer);
	}
}
