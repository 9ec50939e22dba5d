import fs from 'node:fs/promises';
import path from 'node:path';
import {writeFileAtomic} from '../policy/atomic-write.js';
import {documentText} from './yaml-output.js';
import type {YamlFile} from './yaml-file.js';

const privateDirMode = 0o700;
const privateFileMode = 0o600;

export async function saveConfigFile(file: Pick<YamlFile, 'path' | 'document'>): Promise<void> {
	await fs.mkdir(path.dirname(file.path), {recursive: true});
	await writeFileAtomic(file.path, documentText(file.document));
}

/** Secrets are readable by their owner only, whatever mode the file had before. */
export async function saveSecretsFile(file: Pick<YamlFile, 'path' | 'document'>): Promise<void> {
	const secretsDir = path.dirname(file.path);
	await fs.mkdir(path.dirname(secretsDir), {recursive: true});
	await fs.mkdir(secretsDir, {recursive: true, mode: privateDirMode});
	await writeFileAtomic(file.path, documentText(file.document), {mode: privateFileMode});
}
