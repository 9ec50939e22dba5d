import fs from 'node:fs';
import type {Plugin} from 'esbuild';

export type SourceEdit = {find: string; replace: string};

/**
 * An esbuild plugin that edits one dependency's file as it is bundled. Each
 * edit names the exact text it replaces; if an upgrade changes that text the
 * build stops, instead of shipping the file unpatched or broken.
 */
export function sourcePatch(name: string, patchFile: string, filter: RegExp, edits: SourceEdit[]): Plugin {
	return {
		name,
		setup(build) {
			build.onLoad({filter}, args => {
				let source = fs.readFileSync(args.path, 'utf8');
				for (const edit of edits) {
					if (!source.includes(edit.find)) throw new Error(`${patchFile}: ${args.path} no longer contains ${JSON.stringify(edit.find.slice(0, 60))}; check the patch against this version`);
					source = source.replaceAll(edit.find, edit.replace);
				}
				return {contents: source, loader: 'js'};
			});
		},
	};
}
