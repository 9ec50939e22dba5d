import os from 'node:os';
import {lineage, type LiveProcess, readLiveProcess} from '../agent/live-process.js';
import {userNames} from '../agent/users.js';
import {type KillJob, victimList} from './evaluate/action-events.js';
import type {KillVictim} from './evaluate/kill-targets.js';
import {processSelectorMatches} from './evaluate/process-selector.js';
import type {RecordStore} from './store/records.js';

export type KillOptions = {
	/** `--allow-kill`: without it nothing is killed, and the log says what would have been. */
	allowKill?: boolean;
};

type Verdict = {victim: KillVictim} & ({kind: 'kill'} | {kind: 'spare'; reason: string} | {kind: 'failed'; reason: string});

/**
 * Carries out the kills of enforcing policies' new deviations, after their
 * commit, and logs each as a `guardian_action` event. Only processes of this
 * machine (by the fingerprint's hostname) are acted on. Every process is read
 * again first and spared when it is not the one observed (it exited, or its
 * pid now names another process), when a picked process no longer matches
 * the action's processSelector (it exec'd something else), or when it is
 * this server, one of its ancestors or in its process group (a group kill
 * of the shell that started the server must not take the server along).
 * Processes are killed with SIGKILL, as an agent does.
 */
export function agentKills(records: RecordStore, options: KillOptions = {}) {
	const users = userNames();

	/** Returns how many log events it wrote. */
	function carryOut(jobs: readonly KillJob[], now: number): number {
		if (jobs.length === 0) return 0;
		users.refresh();
		const protectedPids = new Set(lineage(process.pid));
		const ownGroup = readLiveProcess(process.pid)?.pgid;
		let written = 0;
		for (const job of jobs) {
			const event = job.hostname === os.hostname() ? outcome(job, job.victims.map(victim => verdict(job, victim, protectedPids, ownGroup))) : elsewhere(job);
			if (records.insertEvent({...job.event, time: now, severity: 'info', ...event})) written++;
		}
		return written;
	}

	function verdict(job: KillJob, victim: KillVictim, protectedPids: ReadonlySet<number>, ownGroup: number | undefined): Verdict {
		const live = readLiveProcess(victim.pid);
		if (!live || live.startTicks !== victim.startTicks) return {victim, kind: 'spare', reason: 'had exited'};
		if (victim.pid === process.pid) return {victim, kind: 'spare', reason: 'is the spytui server itself'};
		if (protectedPids.has(victim.pid)) return {victim, kind: 'spare', reason: 'is an ancestor of the spytui server'};
		if (live.pgid === ownGroup) return {victim, kind: 'spare', reason: "is in the spytui server's process group"};
		if (victim.picked && job.processSelector !== undefined && !processSelectorMatches(job.processSelector, asSelected(live))) {
			return {victim, kind: 'spare', reason: "no longer matches the action's processSelector"};
		}
		if (!options.allowKill) return {victim, kind: 'kill'};
		try {
			process.kill(victim.pid, 'SIGKILL');
			return {victim, kind: 'kill'};
		} catch (error) {
			return {victim, kind: 'failed', reason: (error as NodeJS.ErrnoException).code ?? String(error)};
		}
	}

	/** The live process as a processSelector sees it; what may not be read matches no pattern. */
	function asSelected(live: LiveProcess) {
		return {name: live.name, exe: live.exe === undefined ? [] : [live.exe], euser: live.euid === undefined ? [] : [users.nameOf(live.euid)]};
	}

	function outcome(job: KillJob, verdicts: readonly Verdict[]): Record<string, unknown> {
		const of = (kind: Verdict['kind']) => verdicts.filter(verdict => verdict.kind === kind);
		const killed = of('kill').map(verdict => verdict.victim);
		const what = `for policy "${job.policyName}" (${job.action} of process "${job.target.name}" (${job.target.exe}))`;
		const head = options.allowKill
			? killed.length > 0
				? `Killed ${victimList(killed)} ${what}`
				: `Killed nothing ${what}`
			: `Enforce mode without --allow-kill: ${killed.length > 0 ? `would kill ${victimList(killed)}` : 'would kill nothing'} ${what}`;
		const notes = verdicts.flatMap(verdict => {
			if (verdict.kind === 'failed') return [`could not kill ${victimList([verdict.victim])}: ${verdict.reason}`];
			return verdict.kind === 'spare' ? [`spared ${victimList([verdict.victim])}: it ${verdict.reason}`] : [];
		});
		const pids = (list: readonly KillVictim[]) => list.map(victim => victim.pid);
		return {
			message: `${head}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}.`,
			outcome: !options.allowKill ? 'not allowed' : killed.length > 0 ? 'killed' : of('failed').length > 0 ? 'failed' : 'nothing to kill',
			[options.allowKill ? 'killed' : 'would_kill']: pids(killed),
			spared: pids(of('spare').map(verdict => verdict.victim)),
			...(of('failed').length > 0 ? {failed: pids(of('failed').map(verdict => verdict.victim))} : {}),
		};
	}

	return {carryOut};
}

function elsewhere(job: KillJob): Record<string, unknown> {
	const host = job.hostname === undefined ? 'a host it does not name' : `host "${job.hostname}"`;
	return {message: `Not carried out: ${job.action} for policy "${job.policyName}" names processes of ${host}, not of this one.`, outcome: 'other host'};
}
