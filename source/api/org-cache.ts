import {createHash} from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {writeFileAtomic} from '../policy/atomic-write.js';

type CacheFile = Record<string, {uid: string; ts: number}>;

/**
 * spyctl 0.24's org uid cache (`~/.spyctl/org_uid_cache.json`), shared with it:
 * resolving an org by name lists every org of the key, which is slow for keys
 * with many orgs. The entry key hashes the url, key and org so that the file
 * reveals none of them.
 */
export function orgCacheKey(apiUrl: string, apiKey: string, organization: string): string {
	return createHash('sha256').update(`${apiUrl}\0${apiKey}\0${organization}`).digest('hex');
}

export async function readCachedOrg(file: string, key: string): Promise<string | undefined> {
	try {
		const cache = JSON.parse(await fs.readFile(file, 'utf8')) as CacheFile;
		const entry = cache[key];
		return typeof entry?.uid === 'string' ? entry.uid : undefined;
	} catch {
		return undefined;
	}
}

export async function writeCachedOrg(file: string, key: string, uid: string): Promise<void> {
	let cache: CacheFile = {};
	try {
		cache = JSON.parse(await fs.readFile(file, 'utf8')) as CacheFile;
	} catch {
		// A missing or damaged cache is rebuilt from this entry.
	}
	cache[key] = {uid, ts: Math.floor(Date.now() / 1000)};
	await fs.mkdir(path.dirname(file), {recursive: true});
	await writeFileAtomic(file, JSON.stringify(cache), {mode: 0o600});
}
