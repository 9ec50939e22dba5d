import fs from 'node:fs';
import path from 'node:path';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import {loadDocuments} from '../../source/policy/load.js';
import {ensureDataDir} from '../../source/server/data-dir.js';
import {openDatabase} from '../../source/server/store/database.js';
import {ensureOrg} from '../../source/server/store/orgs.js';
import {policyStore} from '../../source/server/store/policies.js';

const examples = path.resolve(import.meta.dirname, '../../examples');
/** Server bookkeeping the example files carry; the store assigns its own. */
const serverMetadata = new Set(['uid', 'version', 'creationTimestamp', 'createdBy', 'lastUpdatedBy', 'lastUpdatedTimestamp', 'selectorHash']);

/** The shipped example policies: real shapes of every type, with process trees, network rules and responses. */
function examplePolicies(): PolicyDocument[] {
	return fs
		.readdirSync(examples)
		.sort()
		.flatMap(name => loadDocuments(fs.readFileSync(path.join(examples, name)), name).objects)
		.map(object => object.value)
		.filter(value => value['kind'] === 'SpyderbatPolicy') as PolicyDocument[];
}

/**
 * `count` policies made from the examples, each with its own name and a
 * spread of modes and disabled ones, so that the list looks like a busy
 * organisation's.
 */
export function benchPolicies(count: number): PolicyDocument[] {
	const templates = examplePolicies();
	return Array.from({length: count}, (_, index) => {
		const template = templates[index % templates.length]!;
		const metadata = Object.fromEntries(Object.entries(template.metadata).filter(([key]) => !serverMetadata.has(key)));
		return {
			...structuredClone(template),
			metadata: {...metadata, name: `${String(template.metadata['name'])}-${String(index).padStart(5, '0')}`},
			spec: {...structuredClone(template.spec), mode: index % 3 === 0 ? 'enforce' : 'audit', ...(index % 10 === 0 ? {enabled: false} : {})},
		};
	});
}

/**
 * An embedded server's data dir holding `documents`, written straight into its
 * store in one transaction: 10,000 creates over HTTP would take longer than
 * everything the bench then measures.
 */
export function seedDataDir(dataDir: string, documents: readonly PolicyDocument[]): void {
	ensureDataDir(dataDir);
	// The file name startServer opens in the data dir.
	const db = openDatabase(path.join(dataDir, 'spytui.db'));
	try {
		const org = ensureOrg(db);
		const policies = policyStore(db);
		const actor = {user: 'bench@spytui.local', now: Date.now() / 1000};
		db.transaction(() => {
			for (const document of documents) policies.create(org.uid, document, actor);
		})();
	} finally {
		db.close();
	}
}
