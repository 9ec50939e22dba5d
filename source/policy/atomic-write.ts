import {randomBytes} from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export type AtomicWriteOptions = {
	/** File mode; defaults to the existing file's mode, else 0644. */
	mode?: number;
};

/**
 * Replaces a file so that readers see the old or the new content, never a
 * partial write: temp file in the same folder, fsync, rename. A symlinked
 * file (dotfile managers) is written through to its target.
 */
export async function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
	const target = await fs.realpath(file).catch(() => file);
	const mode = options.mode ?? (await existingMode(target)) ?? 0o644;
	const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
	try {
		const handle = await fs.open(temporary, 'wx', mode);
		try {
			// The mode given to open is reduced by the umask; secrets need exactly 0600.
			await handle.chmod(mode);
			await handle.writeFile(text, 'utf8');
			await handle.sync();
		} finally {
			await handle.close();
		}
		await fs.rename(temporary, target);
	} catch (error) {
		await fs.rm(temporary, {force: true});
		throw error;
	}
}

async function existingMode(file: string): Promise<number | undefined> {
	try {
		return (await fs.stat(file)).mode & 0o777;
	} catch {
		return undefined;
	}
}
