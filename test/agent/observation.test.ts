import fs from 'node:fs';
import {afterEach, describe, expect, test} from 'vitest';
import {hostObservation} from '../../source/agent/observation.js';
import {fifo, killTrees, poll, startTree, uniqueProgram} from './processes.js';

afterEach(() => {
	killTrees();
});

describe('looking at this machine', () => {
	test('a workload that stood still keeps its fingerprint (a new time only); one that changed is built again', async () => {
		const shell = uniqueProgram('/bin/sh', 'obs-sti');
		const trigger = fifo();
		await startTree(`${shell.path} -c 'sleep 30 & read line < ${trigger}; sleep 31; wait' >/dev/null 2>&1`);
		const observation = hostObservation();
		try {
			const key = `tree:${shell.name}`;
			const first = await poll(() => observation.observe(100).fingerprints.get(key), found => found?.metadata.hostProcesses.length === 2, `the tree of ${shell.name}`);
			const again = observation.observe(200).fingerprints.get(key)!;
			expect(again.spec).toBe(first!.spec);
			expect(again.metadata.latestTimestamp).toBe(200);

			// Another sleep: the same tree to a policy, but other pids behind it.
			fs.writeFileSync(trigger, 'go\n');
			// Between its fork and its exec the second sleep is a copy of the shell: wait for the exec.
			const changed = await poll(
				() => observation.observe(300).fingerprints.get(key),
				found => found?.metadata.hostProcesses.length === 3 && !JSON.stringify(found.spec['processPolicy']).includes(`"${shell.name}_1"`),
				'the second sleep',
			);
			expect(changed!.spec).not.toBe(first!.spec);
			expect(changed!.spec).toEqual(first!.spec);
		} finally {
			observation.close();
		}
	});
});
