import fs from 'node:fs';
import path from 'node:path';
import {loadDocuments} from '../../../source/policy/load.js';
import type {SpyderbatObject} from '../../../source/policy/merge/merge-inputs.js';

/**
 * spyctl's test resources, read from ../shared/fixtures (never copied into
 * the repo). A fresh clone has no such folder: suites that need it say so in
 * their title and skip, and the rest still runs.
 */
export const fixturesRoot = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
export const haveFixtures = fs.existsSync(fixturesRoot);
export const resourcesDir = path.join(fixturesRoot, 'spyctl-cli/test_resources');

export function fixtureTitle(title: string): string {
	return haveFixtures ? title : `../shared/fixtures not found: skipped ${title}`;
}

export function fixtureObjects(name: string): SpyderbatObject[] {
	const result = loadDocuments(fs.readFileSync(path.join(resourcesDir, name)), name);
	if (result.problems.length > 0) throw new Error(`${name}: ${result.problems[0]!.message}`);
	return result.objects.map(object => object.value);
}

export function fixtureObject(name: string): SpyderbatObject {
	return fixtureObjects(name)[0]!;
}
