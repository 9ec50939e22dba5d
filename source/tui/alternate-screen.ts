import type {Writable} from 'node:stream';

const enter = '\u001B[?1049h';
const leave = '\u001B[?1049l';

/**
 * Switches the terminal to its alternate screen, so the app takes the whole
 * window and the shell's scrollback comes back untouched on exit. The returned
 * function switches back; it is safe to call more than once, and it also runs
 * if the process exits without calling it.
 */
export function enterAlternateScreen(stdout: Writable): () => void {
	let active = true;
	const restore = () => {
		if (!active) return;
		active = false;
		process.off('exit', restore);
		stdout.write(leave);
	};
	stdout.write(enter);
	process.once('exit', restore);
	return restore;
}
