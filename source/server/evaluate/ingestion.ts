import type {PolicyStore} from '../store/policies.js';
import type {RecordStore} from '../store/records.js';
import {type KillJob, type WebhookJob, responseEvents} from './action-events.js';
import {activityOf} from './activity.js';
import {describeFinding} from './describe.js';
import {deviationRecord} from './deviation-record.js';
import {findDeviations} from './find-deviations.js';
import {fingerprintRecord} from './fingerprint-record.js';
import {hostProcessesOf} from './host-processes.js';
import {hostAgent} from './kill-targets.js';
import {policyCatalog} from './policy-catalog.js';
import {planResponse} from './response-plan.js';
import {workloadOf} from './workload.js';

/** What ingesting some fingerprints wrote, and the webhooks to send and kills to carry out now that it is committed. */
export type IngestOutcome = {fingerprints: number; deviations: number; events: number; webhooks: WebhookJob[]; kills: KillJob[]};

/**
 * Evaluates fingerprints against the org's policies and stores the results.
 * For each fingerprint: every enabled policy of its type whose selectors pick
 * its workload is checked for deviations; new ones (by policy and checksum)
 * are stored with their policy log.
 */
export function ingestion(orgUid: string, policies: PolicyStore, records: RecordStore) {
	const catalog = policyCatalog(orgUid, policies);

	/**
	 * Ingests valid SpyderbatFingerprints at `now` (epoch seconds). They are
	 * evaluated first, reading only; then everything they write is one
	 * transaction, so each fingerprint's record, deviations and events are
	 * stored together or not at all, and a run of them commits once.
	 */
	function ingest(fingerprints: ReadonlyArray<Record<string, unknown>>, now: number): IngestOutcome {
		const evaluated = fingerprints.map(fingerprint => evaluate(fingerprint, now));
		return records.transaction(() => {
			const outcome: IngestOutcome = {fingerprints: 0, deviations: 0, events: 0, webhooks: [], kills: []};
			for (const {record, found} of evaluated) {
				records.insertFingerprint(record);
				outcome.fingerprints++;
				for (const {deviation, plan, workload, host} of found) {
					if (!records.insertDeviation(deviation)) continue;
					outcome.deviations++;
					const {events, webhooks, kills} = responseEvents(deviation, plan(), workload, host);
					for (const event of events) if (records.insertEvent(event)) outcome.events++;
					outcome.webhooks.push(...webhooks);
					outcome.kills.push(...kills);
				}
			}
			return outcome;
		});
	}

	function evaluate(fingerprint: Record<string, unknown>, now: number) {
		const record = fingerprintRecord(fingerprint, now);
		const workload = workloadOf(fingerprint);
		const activity = activityOf(record['spec'] as Record<string, unknown>);
		// Pids that spytui's observer sent along, for kills on this host.
		const hostProcesses = hostProcessesOf(record.metadata);
		const hostname = typeof record.metadata['hostname'] === 'string' ? record.metadata['hostname'] : undefined;
		const found = catalog
			.matching(workload)
			.flatMap(policy => {
				const findings = findDeviations(policy, activity);
				const host = hostProcesses && findings.length > 0 ? hostAgent(hostProcesses, hostname, activity, policy.baseline) : undefined;
				return findings.map(finding => ({
					deviation: deviationRecord({orgUid, policy, spec: finding.spec, wording: describeFinding(finding, policy.name), time: record.time, fingerprintId: record.id, workload}),
					// Planned only for deviations that turn out new.
					plan: () => planResponse(policy.spec['response'], finding.processes, workload),
					workload,
					host,
				}));
			});
		return {record, found};
	}

	return {ingest};
}

export type Ingestion = ReturnType<typeof ingestion>;
