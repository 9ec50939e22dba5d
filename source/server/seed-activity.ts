import {ingestion} from './evaluate/ingestion.js';
import type {PolicyStore} from './store/policies.js';
import type {RecordStore} from './store/records.js';

type Node = {name: string; exe: string[]; id: string; euser?: string[]; listeningSockets?: Array<{protocol: string; port: number}>; children?: Node[]};
type Rule = Record<string, unknown>;
type Activity = {processes: Node[]; ingress?: Rule[]; egress?: Rule[]; minutesAgo: number};

const node = (name: string, exe: string, id: string, extra: Partial<Node> = {}): Node => ({name, exe: [exe], id, ...extra});
const egressTo = (peer: Rule, port: number, process: string): Rule => ({to: [peer], ports: [{protocol: 'TCP', port}], processes: [process]});

function containerFingerprint(workload: {image: string; containerName: string; namespace: string; podLabels?: Record<string, string>}, activity: Activity, now: number) {
	const containerID = `${workload.containerName}-${activity.minutesAgo}`.padEnd(12, '0');
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatFingerprint',
		metadata: {type: 'container', image: workload.image, containerName: workload.containerName, containerID, namespace: workload.namespace, latestTimestamp: now - activity.minutesAgo * 60},
		spec: {
			containerSelector: {image: workload.image, containerName: workload.containerName, containerID},
			namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': workload.namespace}},
			...(workload.podLabels ? {podSelector: {matchLabels: workload.podLabels}} : {}),
			processPolicy: activity.processes,
			networkPolicy: {ingress: activity.ingress ?? [], egress: activity.egress ?? []},
		},
	};
}

function serviceFingerprint(workload: {cgroup: string; hostname: string}, activity: Activity, now: number) {
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatFingerprint',
		metadata: {type: 'linux-service', cgroup: workload.cgroup, hostname: workload.hostname, latestTimestamp: now - activity.minutesAgo * 60},
		spec: {
			serviceSelector: {cgroup: workload.cgroup},
			machineSelector: {hostname: workload.hostname},
			processPolicy: activity.processes,
			networkPolicy: {ingress: activity.ingress ?? [], egress: activity.egress ?? []},
		},
	};
}

/**
 * What the demo workloads did in the last hours, written against the
 * bundled example policies: a shell and a JVM tool in the audited payments
 * API, a shell fetching a file in the enforcing web tier, a pivot attempt
 * through the bastion's sshd, a new backup host for postgres, a well-behaved
 * redis and activity under the disabled cron policy (which must stay quiet).
 */
export function demoFingerprints(now: number): Array<Record<string, unknown>> {
	const java = (children: Node[]) => node('java', '/opt/java/openjdk/bin/java', 'java_0', {euser: ['app'], children});
	const payments = {image: 'registry.example.com/payments/api:2.4.1', containerName: 'api', namespace: 'payments'};
	const web = {image: 'registry.example.com/storefront/web:5.2.0', containerName: 'web', namespace: 'storefront', podLabels: {app: 'web-frontend'}};
	const sshd = (children: Node[]) =>
		node('sshd', '/usr/sbin/sshd', 'sshd_0', {euser: ['root'], children: [node('sshd', '/usr/sbin/sshd', 'sshd_1', {children: [node('sshd', '/usr/sbin/sshd', 'sshd_2', {euser: ['*'], children})]})]});
	return [
		containerFingerprint(payments, {minutesAgo: 180, processes: [java([])], egress: [egressTo({dnsSelector: ['api.stripe.com']}, 443, 'java_0')]}, now),
		containerFingerprint(payments, {minutesAgo: 95, processes: [java([node('sh', '/usr/bin/dash', 'sh_0', {children: [node('curl', '/usr/bin/curl', 'curl_0')]})])]}, now),
		containerFingerprint(payments, {minutesAgo: 40, processes: [java([node('jcmd', '/opt/java/openjdk/bin/jcmd', 'jcmd_0')])], egress: [egressTo({dnsSelector: ['api.paypal.com']}, 443, 'java_0')]}, now),
		containerFingerprint(
			web,
			{
				minutesAgo: 70,
				processes: [
					node('tini', '/sbin/tini', 'tini_0', {
						euser: ['root'],
						children: [node('node', '/usr/local/bin/node', 'node_0', {euser: ['node'], children: [node('sh', '/bin/sh', 'sh_0', {children: [node('wget', '/usr/bin/wget', 'wget_0')]})]})],
					}),
				],
				egress: [egressTo({ipBlock: {cidr: '203.0.113.7/32'}}, 443, 'wget_0')],
			},
			now,
		),
		serviceFingerprint({cgroup: 'systemd:/system.slice/ssh.service', hostname: 'bastion-02.corp.example.com'}, {minutesAgo: 25, processes: [sshd([node('bash', '/usr/bin/bash', 'bash_0', {children: [node('nc', '/usr/bin/nc.openbsd', 'nc_0')]})])]}, now),
		serviceFingerprint(
			{cgroup: 'systemd:/system.slice/system-postgresql.slice/postgresql@16-main.service', hostname: 'db-01.corp.example.com'},
			{
				minutesAgo: 130,
				processes: [node('postgres', '/usr/lib/postgresql/16/bin/postgres', 'postgres_0', {euser: ['postgres'], children: [node('sh', '/usr/bin/dash', 'sh_0', {children: [node('pgbackrest', '/usr/bin/pgbackrest', 'pgbackrest_0')]})]})],
				egress: [egressTo({dnsSelector: ['backups-dr.s3.example.com']}, 443, 'pgbackrest_0')],
			},
			now,
		),
		containerFingerprint(
			{image: 'docker.io/library/redis:7.2.4', containerName: 'redis', namespace: 'storefront'},
			{minutesAgo: 60, processes: [node('redis-server', '/usr/local/bin/redis-server', 'redis-server_0', {euser: ['redis'], listeningSockets: [{protocol: 'TCP', port: 6379}]})]},
			now,
		),
		serviceFingerprint(
			{cgroup: 'systemd:/system.slice/cron.service', hostname: 'reports-01.corp.example.com'},
			{minutesAgo: 300, processes: [node('cron', '/usr/sbin/cron', 'cron_0', {euser: ['root'], children: [node('sh', '/usr/bin/dash', 'sh_0', {children: [node('curl', '/usr/bin/curl', 'curl_0')]})]})]},
			now,
		),
	];
}

/**
 * A new demo org's first activity, so that a first run shows deviations and
 * policy logs, evaluated by the same code as `POST .../ingest/`. No webhook
 * is sent: seeding happens before the server listens, and the demo
 * policies' webhook is in an auditing policy anyway.
 */
export function seedActivity(orgUid: string, policies: PolicyStore, records: RecordStore, now: number): void {
	ingestion(orgUid, policies, records).ingest(demoFingerprints(now), now);
}
