import fs from 'node:fs/promises';
import {isDeepStrictEqual} from 'node:util';
import {writeFileAtomic} from './atomic-write.js';
import {loadDocuments, type LoadedObject} from './load.js';
import {setSpecSwitch, type SpecSwitch} from './minimal-edit.js';

/**
 * Sets spec.mode or spec.enabled of one object in its file. The file must still
 * hold the text the object was loaded from: if someone changed it meanwhile, the
 * edit is refused rather than written over their work.
 */
export async function saveSpecSwitch(filePath: string, object: LoadedObject, change: SpecSwitch): Promise<LoadedObject> {
	const current = await fs.readFile(filePath, 'utf8');
	if (current !== object.source.text) {
		throw new Error(`${object.source.file} changed on disk since it was loaded; reload it and make the change again`);
	}
	const edited = setSpecSwitch(object, change);
	await writeFileAtomic(filePath, edited);
	const reloaded = loadDocuments(edited, object.source.file).objects.find(
		candidate => candidate.documentIndex === object.documentIndex && isDeepStrictEqual(candidate.path, object.path),
	);
	if (!reloaded) throw new Error(`${object.source.file}: the edited object could not be read back`);
	return reloaded;
}
