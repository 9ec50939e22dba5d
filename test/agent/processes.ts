import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import {randomBytes} from 'node:crypto';
import {tempDir} from '../helpers/temp.js';

/**
 * A program under a name of its own: a link to it in a temporary folder. The
 * kernel names a process after the file it was started from (its `comm`),
 * so the test's processes, and the workloads named after them, cannot be
 * mistaken for anyone else's on a shared machine. `exe` is the real program.
 */
export function uniqueProgram(program: string, prefix: string): {name: string; path: string; exe: string} {
	const name = `${prefix}-${randomBytes(3).toString('hex')}`;
	// The kernel keeps 15 characters of a process's name.
	if (name.length > 15) throw new Error(`'${prefix}' is too long for a process name with its random part`);
	const link = path.join(scratch(), name);
	fs.symlinkSync(program, link);
	return {name, path: link, exe: fs.realpathSync(program)};
}

let folder: string | undefined;

/** A temporary folder for the test file's links and FIFOs. */
export function scratch(): string {
	folder ??= tempDir('spytui-agent-');
	return folder;
}

/** A FIFO in the scratch folder: a tree's shell waits on it (`read line < FIFO`) until the test writes a line. */
export function fifo(): string {
	const file = path.join(scratch(), `go-${randomBytes(3).toString('hex')}`);
	execFileSync('mkfifo', [file]);
	return file;
}

/** The real path of a program on PATH. */
export function programPath(name: string): string {
	for (const dir of (process.env['PATH'] ?? '').split(':')) {
		const candidate = path.join(dir, name);
		if (fs.existsSync(candidate)) return fs.realpathSync(candidate);
	}
	throw new Error(`${name} is not on PATH`);
}

/** A process tree of the test, under init like a service, in a process group of its own. */
export type Tree = {pid: number; pgid: number; lines: AsyncIterator<string>; kill: () => void};

const started: Tree[] = [];

/**
 * Starts `command` (a shell command line) as a tree of its own under init: a
 * shell starts it in the background, says its pid and exits, so the tree is
 * adopted by init as a service's would be. The shell leads a new process
 * group that the tree inherits: killing the group ends the whole tree. The
 * tree's own output comes through `lines`.
 */
export async function startTree(command: string): Promise<Tree> {
	const shell: ChildProcess = spawn('sh', ['-c', `${command} & echo $!`], {detached: true, stdio: ['ignore', 'pipe', 'ignore']});
	const lines = readline.createInterface({input: shell.stdout!})[Symbol.asyncIterator]();
	const first = await lines.next();
	const pid = Number(first.value);
	if (first.done || !Number.isInteger(pid)) throw new Error(`could not start: ${command}`);
	const pgid = shell.pid!;
	const tree: Tree = {
		pid,
		pgid,
		lines,
		kill() {
			try {
				process.kill(-pgid, 'SIGKILL');
			} catch {
				// Already gone.
			}
		},
	};
	started.push(tree);
	return tree;
}

/** Ends every tree started so far: for afterEach. */
export function killTrees(): void {
	for (const tree of started.splice(0)) tree.kill();
}

/** Is the process running (not gone, not a zombie waiting for its parent)? */
export function isRunning(pid: number): boolean {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
		return !/^\S+ \(.*\) [ZX]/.test(stat);
	} catch {
		return false;
	}
}

/** Calls `read` until `done` accepts its answer, at most `timeoutMs`; the last answer goes with the failure. */
export async function poll<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; last seen: ${JSON.stringify(value)?.slice(0, 2000)}`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}
