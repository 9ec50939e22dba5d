import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Folders made by tempDir in this process; one exit handler removes them all. */
const made = new Set<string>();

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'spytui-test-'): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	if (made.size === 0) process.once('exit', removeAll);
	made.add(dir);
	return dir;
}

function removeAll(): void {
	for (const dir of made) fs.rmSync(dir, {recursive: true, force: true});
	made.clear();
}
