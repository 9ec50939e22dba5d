import fs from 'node:fs';
import path from 'node:path';

/**
 * The example policies shipped with spytui. Found by walking up from this file
 * to the package root, which works from source (tsx) and from the bundle alike, and
 * whatever folder the user starts spytui in.
 */
export function bundledExamplesDir(): string {
	let folder = import.meta.dirname;
	for (;;) {
		if (fs.existsSync(path.join(folder, 'package.json')) && fs.existsSync(path.join(folder, 'examples'))) return path.join(folder, 'examples');
		const parent = path.dirname(folder);
		if (parent === folder) return path.resolve(import.meta.dirname, '../../examples');
		folder = parent;
	}
}
