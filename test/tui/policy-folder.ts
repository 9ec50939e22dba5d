import fs from 'node:fs';
import path from 'node:path';
import {tempDir} from '../helpers/cli.js';

const examples = path.resolve(import.meta.dirname, '../../examples');

/** A policy whose mode is not one spyctl knows and whose egress rule names a process that does not exist. */
export const invalidPolicy = `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: half-done
  type: container
spec:
  containerSelector:
    image: busybox
  mode: block
  processPolicy:
  - name: sh
    exe: [/bin/sh]
    id: sh_0
    euser: [root]
  networkPolicy:
    ingress: []
    egress:
    - to: [{dnsSelector: [example.com]}]
      ports: [{protocol: TCP, port: 443}]
      processes: [curl_0]
  response:
    default: [{makeRedFlag: {severity: high}}]
    actions: []
`;

/** Not YAML at all: the flow sequence is never closed. */
export const brokenYaml = `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata: {name: broken, type: container
`;

/**
 * A temporary folder laid out like a user's policy repository: the project's
 * examples (one level of subfolders), plus a broken file, an invalid policy,
 * a non-policy object and files that must be skipped.
 */
export function makePolicyFolder(): string {
	const folder = tempDir('spytui-folder-');
	fs.cpSync(examples, folder, {recursive: true});
	fs.writeFileSync(path.join(folder, 'broken.yaml'), brokenYaml);
	fs.mkdirSync(path.join(folder, 'drafts'));
	fs.writeFileSync(path.join(folder, 'drafts', 'half-done.yml'), invalidPolicy);
	fs.writeFileSync(path.join(folder, 'drafts', 'notes.txt'), 'not a policy file');
	fs.writeFileSync(
		path.join(folder, 'drafts', 'ruleset.yaml'),
		'apiVersion: spyderbat/v1\nkind: SpyderbatRuleset\nmetadata: {name: prod_ruleset, type: cluster}\nspec:\n  rules:\n  - {target: container::image, verb: allow, values: [registry.example.com/*]}\n',
	);
	// Two levels down is out of reach by design.
	fs.mkdirSync(path.join(folder, 'drafts', 'old'));
	fs.writeFileSync(path.join(folder, 'drafts', 'old', 'ignored.yaml'), invalidPolicy.replace('half-done', 'too-deep'));
	return folder;
}
