import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {writeFileAtomic} from '../../source/policy/atomic-write.js';
import {makeDirs, modeOf, read, writeFile} from '../config/config-dirs.js';

describe('writeFileAtomic', () => {
	it('replaces the file and leaves no temp file behind', async () => {
		const {home} = makeDirs();
		const file = writeFile(path.join(home, 'config'), 'old\n');
		await writeFileAtomic(file, 'new\n');
		expect(read(file)).toBe('new\n');
		expect(fs.readdirSync(home)).toEqual(['config']);
	});

	it('keeps the mode of the file it replaces, or applies the one asked for', async () => {
		const {home} = makeDirs();
		const kept = writeFile(path.join(home, 'kept'), 'x', 0o640);
		fs.chmodSync(kept, 0o640);
		await writeFileAtomic(kept, 'y');
		expect(modeOf(kept)).toBe(0o640);
		const secret = writeFile(path.join(home, 'secret'), 'x', 0o644);
		await writeFileAtomic(secret, 'y', {mode: 0o600});
		expect(modeOf(secret)).toBe(0o600);
	});

	it('writes through a symlink instead of replacing it', async () => {
		const {home} = makeDirs();
		const target = writeFile(path.join(home, 'dotfiles', 'config'), 'old');
		const link = path.join(home, 'config');
		fs.symlinkSync(target, link);
		await writeFileAtomic(link, 'new');
		expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
		expect(read(target)).toBe('new');
	});

	it('removes its temp file when the rename fails', async () => {
		const {home} = makeDirs();
		const occupied = path.join(home, 'occupied');
		writeFile(path.join(occupied, 'inside'), 'a directory cannot be replaced by a file');
		await expect(writeFileAtomic(occupied, 'text')).rejects.toThrow();
		expect(fs.readdirSync(home)).toEqual(['occupied']);
	});
});
