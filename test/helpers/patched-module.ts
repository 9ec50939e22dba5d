import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import {tempDir} from './temp.js';

/** A dependency's module as the bundle ships it: built through the patch, to a file of its own, and imported. */
export async function patchedModule<T>(file: string, plugin: Plugin): Promise<T> {
	const outfile = path.join(tempDir('spytui-patched-'), `${path.basename(file, '.js')}.mjs`);
	await build({entryPoints: [path.resolve(file)], outfile, bundle: true, platform: 'node', format: 'esm', plugins: [plugin], logLevel: 'silent'});
	return (await import(pathToFileURL(outfile).href)) as T;
}
