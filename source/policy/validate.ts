import {crossCheckWorkload} from './cross-checks.js';
import {type LoadedObject} from './load.js';
import {isRecord} from './is-record.js';
import type {FileProblem, Problem} from './problem.js';
import {formatPath} from './problem.js';
import {isKind, kinds, schemaFor} from './schema/kinds.js';
import {issuesToProblems} from './zod-issues.js';

/** Every problem with one object, by spyctl's rules (reference §1.3–1.11). An empty list means valid. */
export function validateObject(value: Record<string, unknown>): Problem[] {
	const kind = value['kind'];
	if (kind === undefined) return [{path: ['kind'], message: `is required: one of ${kinds.join(', ')}`}];
	if (!isKind(kind)) {
		return [{path: ['kind'], message: `Unable to validate '${String(kind)}', no schema exists for objects of that type. Known kinds: ${kinds.join(', ')}`}];
	}
	const metadata = isRecord(value['metadata']) ? value['metadata'] : {};
	const schema = schemaFor(kind, metadata['type']);
	const result = schema.safeParse(value);
	const problems = result.success ? [] : issuesToProblems(result.error.issues, {schema, root: value});
	problems.push(...crossChecks(value));
	return dedupe(problems);
}

function crossChecks(value: Record<string, unknown>): Problem[] {
	switch (value['kind']) {
		case 'SpyderbatPolicy':
		case 'SpyderbatBaseline':
		case 'SpyderbatFingerprint': {
			return crossCheckWorkload(value);
		}
		case 'FingerprintGroup': {
			const data = isRecord(value['data']) ? value['data'] : {};
			const fingerprints = Array.isArray(data['fingerprints']) ? data['fingerprints'] : [];
			return fingerprints.flatMap((fingerprint: unknown, index) => (isRecord(fingerprint) ? crossCheckWorkload(fingerprint, ['data', 'fingerprints', index]) : []));
		}
		default: {
			return [];
		}
	}
}

function dedupe(problems: Problem[]): Problem[] {
	const seen = new Set<string>();
	return problems.filter(problem => {
		const key = `${formatPath(problem.path)}\u0000${problem.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** Validates loaded objects and ties each problem to its file, field path and line. */
export function validateLoaded(objects: readonly LoadedObject[]): FileProblem[] {
	return objects.flatMap(object =>
		validateObject(object.value).map(problem => {
			const path = [...object.path, ...problem.path];
			const position = object.source.locate(object.documentIndex, path, problem.atKey);
			return {file: object.source.file, path: formatPath(path), ...position, message: problem.message};
		}),
	);
}
