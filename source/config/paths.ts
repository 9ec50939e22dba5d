import path from 'node:path';

/** Where one scope (global or a workspace) keeps its config and secrets. */
export type ConfigLocation = {
	/** The `.spyctl` folder. */
	dir: string;
	config: string;
	secrets: string;
};

const appDirName = '.spyctl';

export function locationIn(parent: string): ConfigLocation {
	const dir = path.join(parent, appDirName);
	return {dir, config: path.join(dir, 'config'), secrets: path.join(dir, '.secrets', 'secrets')};
}

export function globalLocation(home: string): ConfigLocation {
	return locationIn(path.resolve(home));
}

/**
 * Every place a workspace may live, nearest first: cwd and each parent up to
 * the root. The home folder's `.spyctl` is the global config, not a workspace,
 * so it is skipped even when cwd is below home.
 */
export function workspaceCandidates(cwd: string, home: string): ConfigLocation[] {
	const globalDir = globalLocation(home).dir;
	const candidates: ConfigLocation[] = [];
	let dir = path.resolve(cwd);
	for (;;) {
		const location = locationIn(dir);
		if (location.dir !== globalDir) candidates.push(location);
		const parent = path.dirname(dir);
		if (parent === dir) return candidates;
		dir = parent;
	}
}
