import type {Command} from 'commander';
import type {ApiClient} from '../api/client.js';
import type {PolicyDocument} from '../api/policy-records.js';
import {deviationRecords} from '../operations/deviations.js';
import {findOnePolicy} from '../operations/policies.js';
import {stdinName} from '../policy/files.js';
import type {SpyderbatObject} from '../policy/merge/merge-inputs.js';
import {withBackend} from './backend-option.js';
import {CommandError, UsageError} from './errors.js';
import type {CommandIo} from './io.js';
import {readValidObjects} from './read-objects.js';
import {timeOption, timeWindow, type TimeWindow} from './time-input.js';

/** Where diff and merge take their target and what they merge into it (spyctl's -f/-p, -w, --latest, -t/-e). */
export type SourceFlags = {
	filename?: string;
	policy?: string;
	withFile: string[];
	latest?: boolean;
	startTime?: number;
	endTime?: number;
};

export function addSourceOptions(command: Command): Command {
	return command
		.option('-f, --filename <file>', 'target policy or baseline file, or - for standard input')
		.option('-p, --policy <name_or_uid>', 'target: the applied policy with this name or uid')
		.option('-w, --with-file <files>', 'objects to merge in, in order: comma separated, and -w may repeat (default: the target\'s deviations)', collectFiles, [])
		.option('-l, --latest', "deviations since the target's metadata.latestTimestamp")
		.addOption(timeOption('-t, --start-time <time>', 'deviations from this time (epoch, 15m, 2h, 1.5d or a date; default 24h ago)'))
		.addOption(timeOption('-e, --end-time <time>', 'deviations until this time (default now)'));
}

function collectFiles(value: string, previous: string[]): string[] {
	return [...previous, ...value.split(',').filter(file => file !== '')];
}

export type MergeSources = {
	target: SpyderbatObject;
	/** How messages name the target: `local file 'p.yaml'` or `applied policy 'web - pol:…'`. */
	targetName: string;
	/** Set when the target came from the API: apply goes there. */
	applied?: {uid: string; name: string};
	others: SpyderbatObject[];
	/** Set when the others are the target's deviations. */
	window?: TimeWindow;
};

export function checkSourceFlags(flags: SourceFlags): void {
	if ((flags.filename === undefined) === (flags.policy === undefined)) throw new UsageError('give the target with exactly one of -f FILE or -p NAME_OR_UID');
	if (flags.withFile.length > 0 && (flags.latest || flags.startTime !== undefined || flags.endTime !== undefined)) {
		throw new UsageError('-w merges files; --latest, -t and -e choose deviations instead: give one or the other');
	}
	if (flags.latest && flags.startTime !== undefined) throw new UsageError('--latest already sets the start time; drop -t');
	if ([flags.filename, ...flags.withFile].filter(file => file === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
}

/** Reads the target and what goes into it; talks to the API only when -p or deviations need it. */
export async function readMergeSources(flags: SourceFlags, program: Command, io: CommandIo, now = Date.now() / 1000): Promise<MergeSources> {
	checkSourceFlags(flags);
	const local = flags.filename === undefined ? undefined : await readTarget(flags.filename, io);
	const fromFiles = async (): Promise<SpyderbatObject[]> => {
		const others: SpyderbatObject[] = [];
		for (const file of flags.withFile) for (const object of await readValidObjects(file, io)) others.push(object.value);
		return others;
	};
	if (local && flags.withFile.length > 0) return {...local, others: await fromFiles()};
	if (local) appliedUid(local);
	return withBackend(program, io, async ({client}) => {
		const target = local ?? (await appliedTarget(client, flags.policy!));
		if (flags.withFile.length > 0) return {...target, others: await fromFiles()};
		const uid = appliedUid(target);
		const window = deviationWindow(target, flags, now);
		const records = await deviationRecords(client, uid, window);
		return {...target, others: records.map(record => record.deviation as SpyderbatObject), window};
	});
}

/** Deviations belong to an applied policy: a file without metadata.uid has none. */
function appliedUid(target: {target: SpyderbatObject; targetName: string}): string {
	const uid = metadataOf(target.target)['uid'];
	if (typeof uid !== 'string' || uid === '') throw new CommandError(`Target ${target.targetName} has not been applied, no deviations to diff with; give -w FILE to merge files`);
	return uid;
}

async function readTarget(file: string, io: CommandIo): Promise<{target: SpyderbatObject; targetName: string}> {
	const objects = await readValidObjects(file, io);
	const name = file === '-' ? stdinName : file;
	if (objects.length !== 1) throw new CommandError(`'${name}' holds ${objects.length} objects; the target must be one policy or baseline.`);
	return {target: objects[0]!.value, targetName: `local file '${name}'`};
}

async function appliedTarget(client: ApiClient, nameOrUid: string): Promise<{target: SpyderbatObject; targetName: string; applied: {uid: string; name: string}}> {
	const policy = await findOnePolicy(client, nameOrUid);
	return {target: policy.policy as unknown as SpyderbatObject, targetName: `applied policy '${policy.name} - ${policy.uid}'`, applied: {uid: policy.uid, name: policy.name}};
}

function deviationWindow(target: {target: SpyderbatObject; targetName: string}, flags: SourceFlags, now: number): TimeWindow {
	if (!flags.latest) return timeWindow(flags, now);
	const latest = Number(metadataOf(target.target)['latestTimestamp']);
	if (!Number.isFinite(latest)) throw new CommandError(`--latest needs metadata.latestTimestamp, and ${target.targetName} has none; use -t instead`);
	return timeWindow({startTime: latest, endTime: flags.endTime}, now);
}

function metadataOf(object: SpyderbatObject): Record<string, unknown> {
	return (object['metadata'] as Record<string, unknown> | undefined) ?? {};
}

/** After merging deviations up to `end`, the policy has seen activity up to then: --latest starts there next time. */
export function withLatestTimestamp(object: SpyderbatObject, end: number): SpyderbatObject {
	return {...object, metadata: {...metadataOf(object), latestTimestamp: end}};
}

export function asPolicyDocument(object: SpyderbatObject): PolicyDocument {
	return object as unknown as PolicyDocument;
}
