// Deterministic driving of Ink apps (stack-notes §8): render, every key and every
// poll run inside React's act(), so each key sees the handlers and state the
// previous one left. Unlike ink-testing-library, the fake terminal has a size
// that tests choose and can change, which the full-screen layout needs.
import {EventEmitter} from 'node:events';
import {stripVTControlCharacters} from 'node:util';
import {act, type ReactElement} from 'react';
import {type Instance, render} from 'ink';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	left: '\u001B[D',
	right: '\u001B[C',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
	space: ' ',
	ctrlB: '\u0002',
	ctrlC: '\u0003',
	ctrlF: '\u0006',
	ctrlU: '\u0015',
} as const;

class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	frames: string[] = [];

	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	write = (frame: string): boolean => {
		this.frames.push(frame);
		return true;
	};
}

class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private pending: string | null = null;

	write(data: string): void {
		this.pending = data;
		this.emit('readable');
	}

	read = (): string | null => {
		const data = this.pending;
		this.pending = null;
		return data;
	};

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

const nextMacrotask = async () =>
	new Promise<void>(resolve => {
		setImmediate(resolve);
	});

export type TerminalSize = {columns?: number; rows?: number};

export async function renderTui(tree: ReactElement, {columns = 100, rows = 30}: TerminalSize = {}) {
	const stdout = new FakeStdout(columns, rows);
	const stderr = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	let instance!: Instance;
	// Mount inside act too: with IS_REACT_ACT_ENVIRONMENT set, a bare render() logs
	// "An update to Root inside a test was not wrapped in act(...)".
	await act(async () => {
		instance = render(tree, {
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: stderr as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			// Every update becomes one complete frame, unthrottled.
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
		});
	});
	/** The last frame as plain text. */
	const frame = () => stripVTControlCharacters(stdout.frames.at(-1) ?? '');
	return {
		frame,
		/** The last frame with its colour codes. */
		rawFrame: () => stdout.frames.at(-1) ?? '',
		/** Writes each key and flushes React (render and effects) before the next one. */
		async press(...keys: string[]) {
			for (const key of keys) {
				await act(async () => {
					stdin.write(key);
					// Ink holds a lone ESC for one macrotask to tell it from an escape sequence.
					await nextMacrotask();
				});
			}
		},
		/** Polls, inside act, until the frame satisfies `predicate`: for async work such as reading files. */
		async waitForFrame(predicate: (text: string) => boolean, timeoutMs = 5000) {
			const start = Date.now();
			for (;;) {
				const text = frame();
				if (predicate(text)) return text;
				if (Date.now() - start > timeoutMs) throw new Error(`waitForFrame timed out; last frame:\n${text}`);
				await act(async () => {
					await new Promise(resolve => {
						setTimeout(resolve, 10);
					});
				});
			}
		},
		/** Changes the terminal size and tells the app, as a terminal does. */
		async resize(size: Required<TerminalSize>) {
			await act(async () => {
				stdout.columns = size.columns;
				stdout.rows = size.rows;
				stdout.emit('resize');
			});
		},
		/**
		 * Runs outside work (a server call, closing the server) inside act, so
		 * that the app's timers and answers firing meanwhile are flushed too.
		 */
		async during<T>(work: () => Promise<T>): Promise<T> {
			let result!: T;
			await act(async () => {
				result = await work();
			});
			return result;
		},
		/** Is the app still reading keys? False once it has exited. */
		isListening: () => stdin.listenerCount('readable') > 0,
		async unmount() {
			await act(async () => {
				instance.unmount();
			});
		},
	};
}
