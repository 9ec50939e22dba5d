import {expect} from 'vitest';
import {parse} from 'yaml';
import {loadDocuments, type LoadedObject} from '../../source/policy/load.js';
import {formatPath} from '../../source/policy/problem.js';
import {validateObject} from '../../source/policy/validate.js';

export type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
export type JsonObject = {[key: string]: Json};

/** Reads a hand-written YAML fixture into a plain object (with the `yaml` package, not the loader under test). */
export function yamlObject(text: string): JsonObject {
	return parse(text) as JsonObject;
}

/** The minimal valid container policy of reference §1.12. */
export const containerPolicyYaml = `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata: {name: spyderbat-test, type: container, latestTimestamp: 1672333396.3}
spec:
  containerSelector: {image: spyderbat-test}
  namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: test}}
  mode: audit
  processPolicy:
  - {name: python, exe: [/usr/local/bin/python3.7], id: python_0, euser: [root],
     children: [{name: sh, exe: [/bin/dash], id: sh_0}]}
  networkPolicy:
    ingress: [{from: [{ipBlock: {cidr: 192.168.6.11/32}}], processes: [python_0], ports: [{protocol: TCP, port: 22}]}]
    egress:  [{to: [{dnsSelector: [mongodb.local]}], processes: [python_0], ports: [{protocol: TCP, port: 27017}]}]
  response: {default: [{makeRedFlag: {severity: high}}], actions: []}
`;

export function containerPolicy(): JsonObject {
	return yamlObject(containerPolicyYaml);
}

export function linuxServicePolicy(): JsonObject {
	return yamlObject(`apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: sshd-policy
  type: linux-service
spec:
  serviceSelector:
    cgroup: systemd:/system.slice/ssh.service
  mode: enforce
  enabled: true
  processPolicy:
  - name: sshd
    exe: [/usr/sbin/sshd]
    id: sshd_0
    euser: [root]
    listeningSockets:
    - {protocol: TCP, port: 22}
  networkPolicy:
    ingress: []
    egress: []
  response:
    default:
    - makeRedFlag: {severity: high}
    actions: []
`);
}

export function clusterPolicy(): JsonObject {
	return yamlObject(`apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: integrationc3-policy
  type: cluster
  uid: pol:nUH3lG0c0U0SLiGfs4GN
spec:
  clusterSelector:
    matchFields:
      name: integrationcluster3
  enabled: true
  mode: audit
  rulesets:
  - integrationcluster3_ruleset
  response:
    default:
    - makeRedFlag:
        severity: high
    actions: []
`);
}

export function tracePolicy(): JsonObject {
	return yamlObject(`apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: suppress-nmap
  type: trace
spec:
  traceSelector:
    triggerClass: [redflag/proc/command/high_severity/suspicious/nmap]
  userSelector:
    users: [alice]
  enabled: true
  mode: enforce
  allowedFlags:
  - class: redflag/proc/command/high_severity/suspicious/nmap
`);
}

/** A copy of `object` with the value at `path` replaced, or removed when `value` is undefined. */
export function withValue(object: JsonObject, path: string | Array<string | number>, value: Json | undefined): JsonObject {
	const copy = structuredClone(object);
	const segments = typeof path === 'string' ? path.split('.').map(segment => (/^\d+$/.test(segment) ? Number(segment) : segment)) : path;
	let node: Json = copy;
	for (const segment of segments.slice(0, -1)) {
		node = (node as Record<string | number, Json>)[segment]!;
		if (typeof node !== 'object' || node === null) throw new Error(`test fixture has no ${segments.join('.')}`);
	}
	const last = segments.at(-1)!;
	const container = node as Record<string | number, Json>;
	if (value === undefined) {
		if (Array.isArray(container)) container.splice(Number(last), 1);
		else delete container[last];
	} else {
		container[last] = value;
	}
	return copy;
}

export type SimpleProblem = {path: string; message: string};

export function problemsOf(value: Record<string, unknown>): SimpleProblem[] {
	return validateObject(value).map(problem => ({path: formatPath(problem.path), message: problem.message}));
}

export function expectValid(value: Record<string, unknown>): void {
	expect(problemsOf(value)).toEqual([]);
}

function messageMatcher(message: string | RegExp): unknown {
	return typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message);
}

/** Some problem sits exactly at `path` and says `message`. */
export function expectProblem(value: Record<string, unknown>, path: string | RegExp, message: string | RegExp): void {
	const problems = problemsOf(value);
	expect(problems, JSON.stringify(problems, null, 1)).toContainEqual({path: typeof path === 'string' ? path : expect.stringMatching(path), message: messageMatcher(message)});
}

/** The one mistake gives exactly one problem, at `path`. */
export function expectOnlyProblem(value: Record<string, unknown>, path: string | RegExp, message: string | RegExp): void {
	const problems = problemsOf(value);
	expect(problems).toEqual([{path: typeof path === 'string' ? path : expect.stringMatching(path), message: messageMatcher(message)}]);
}

/** The single object of a one-object text, as setSpecSwitch wants it. */
export function loadedObject(text: string, index = 0, file = 'policy.yaml'): LoadedObject {
	const result = loadDocuments(text, file);
	expect(result.problems).toEqual([]);
	const object = result.objects[index];
	if (!object) throw new Error(`no object ${index} in text`);
	return object;
}
