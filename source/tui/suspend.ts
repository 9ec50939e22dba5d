import {spawnSync} from 'node:child_process';
import {editorOf} from '../commands/run-editor.js';

const enterAlternate = '\u001B[?1049h';
const leaveAlternate = '\u001B[?1049l';
const clearScreen = '\u001B[2J';
const hideCursor = '\u001B[?25l';

type Terminal = {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; env: NodeJS.ProcessEnv; cwd: string};

/**
 * Hands the terminal to the user's editor and takes it back. The app stays
 * mounted: spawnSync blocks the event loop, so Ink reads no keys meanwhile,
 * and the editor gets the terminal in its normal (cooked) mode on the main
 * screen. Coming back, the cursor is put where Ink left it (the last row), so
 * Ink's next frame erases upwards from there and fills the screen again.
 */
export function editorRunner(terminal: Terminal): (file: string) => void {
	return file => {
		const editor = editorOf(terminal.env);
		const {stdin, stdout} = terminal;
		const raw = stdin.isRaw;
		stdout.write(leaveAlternate);
		if (stdin.isTTY) stdin.setRawMode(false);
		let result: ReturnType<typeof spawnSync>;
		try {
			// Through the shell, as git and click do it, so EDITOR="code --wait" works.
			result = spawnSync(`${editor} ${shellQuote(file)}`, {shell: true, stdio: 'inherit', env: terminal.env, cwd: terminal.cwd});
		} finally {
			if (stdin.isTTY) stdin.setRawMode(raw);
			stdout.write(`${enterAlternate}${clearScreen}\u001B[${stdout.rows || 24};1H${hideCursor}`);
		}
		if (result.error) throw new Error(`could not start the editor '${editor}': ${result.error.message}`);
		if (result.status !== 0) throw new Error(`the editor '${editor}' failed (exit code ${result.status ?? 'none: it was killed'}); set VISUAL or EDITOR to the editor to use`);
	};
}

function shellQuote(text: string): string {
	return `'${text.replaceAll("'", String.raw`'\''`)}'`;
}
