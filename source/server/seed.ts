import fs from 'node:fs';
import path from 'node:path';
import {bundledExamplesDir} from '../operations/bundled-examples.js';
import {loadDocuments} from '../policy/load.js';
import type {Actor, PolicyStore} from './store/policies.js';

/** Server bookkeeping that the example files carry to look applied; the store sets its own. */
const serverMetadata = ['uid', 'version', 'creationTimestamp', 'createdBy', 'lastUpdatedBy', 'lastUpdatedTimestamp', 'selectorHash'];

/**
 * A new embedded org starts with the bundled example policies, so a first run
 * shows real data rather than an empty list.
 */
export function seedExamplePolicies(orgUid: string, policies: PolicyStore, actor: Actor, folder = bundledExamplesDir()): number {
	let count = 0;
	for (const name of fs.readdirSync(folder).sort()) {
		if (!/\.(ya?ml|json)$/.test(name)) continue;
		for (const object of loadDocuments(fs.readFileSync(path.join(folder, name)), name).objects) {
			if (object.value['kind'] !== 'SpyderbatPolicy') continue;
			const metadata = {...(object.value['metadata'] as Record<string, unknown>)};
			for (const key of serverMetadata) delete metadata[key];
			policies.create(orgUid, {...object.value, metadata}, actor);
			count++;
		}
	}
	return count;
}
