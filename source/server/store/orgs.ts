import {randomId} from '../ids.js';
import type {Db} from './database.js';

export type Org = {uid: string; name: string};

export const localOrgName = 'spytui local';

export function hasOrg(db: Db): boolean {
	return db.prepare('SELECT 1 FROM orgs LIMIT 1').get() !== undefined;
}

/** The one org of an embedded server, created with the database. */
export function ensureOrg(db: Db): Org {
	const existing = db.prepare<[], Org>('SELECT uid, name FROM orgs LIMIT 1').get();
	if (existing) return existing;
	const org = {uid: randomId(), name: localOrgName};
	db.prepare('INSERT INTO orgs (uid, name) VALUES (?, ?)').run(org.uid, org.name);
	return org;
}
