import fs from 'node:fs';

/** User names by uid, from `/etc/passwd` text (`name:password:uid:gid:…`); the first name of a uid wins, as getpwuid answers. */
export function parsePasswd(text: string): Map<number, string> {
	const names = new Map<number, string>();
	for (const line of text.split('\n')) {
		if (line.startsWith('#')) continue;
		const [name, , uid] = line.split(':', 3);
		const id = Number(uid);
		if (name && uid !== undefined && uid !== '' && Number.isInteger(id) && !names.has(id)) names.set(id, name);
	}
	return names;
}

/**
 * Names uids through a passwd file, read again only when it changes (a
 * stat per cycle instead of a parse). A uid with no entry (a container's
 * user, a deleted account) is named by its number, as `ps` does.
 */
export function userNames(file = '/etc/passwd'): {refresh: () => void; nameOf: (uid: number) => string} {
	let names = new Map<number, string>();
	let seen: number | undefined;
	return {
		refresh() {
			let changed: number;
			try {
				changed = fs.statSync(file).mtimeMs;
			} catch {
				names = new Map();
				seen = undefined;
				return;
			}
			if (changed === seen) return;
			seen = changed;
			try {
				names = parsePasswd(fs.readFileSync(file, 'utf8'));
			} catch {
				names = new Map();
			}
		},
		nameOf: uid => names.get(uid) ?? String(uid),
	};
}
