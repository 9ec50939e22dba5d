import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** `${XDG_DATA_HOME:-~/.local/share}/spytui`, where the embedded server keeps its database and token. */
export function defaultDataDir(env: NodeJS.ProcessEnv, home: string): string {
	const base = env['XDG_DATA_HOME'] || path.join(home, '.local', 'share');
	return path.join(base, 'spytui');
}

export function ensureDataDir(dir: string): void {
	fs.mkdirSync(dir, {recursive: true, mode: 0o700});
}

export function tokenPath(dir: string): string {
	return path.join(dir, 'api-token');
}

/**
 * The bearer token of this data dir, created on first start. It is readable by
 * its owner only: anyone who can read it can change every policy.
 */
export function readOrCreateToken(dir: string): string {
	const file = tokenPath(dir);
	try {
		const existing = fs.readFileSync(file, 'utf8').trim();
		if (existing) return existing;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const token = `spytui_${randomBytes(24).toString('base64url')}`;
	const temporary = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(temporary, `${token}\n`, {mode: 0o600, flag: 'wx'});
	fs.renameSync(temporary, file);
	return token;
}
