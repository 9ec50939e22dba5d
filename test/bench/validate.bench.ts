import {loadDocuments} from '../../source/policy/load.js';
import {validateLoaded} from '../../source/policy/validate.js';
import {type Figure, medianMs} from './figure.js';
import {largePolicy, largePolicyYaml} from './large-policy.js';

const processCount = 5000;
const ruleCount = 2000;

function loadAndValidate(text: string): void {
	const loaded = loadDocuments(text, 'large.yaml');
	const problems = [...loaded.problems, ...validateLoaded(loaded.objects)];
	if (problems.length > 0) throw new Error(`the generated policy is invalid: ${problems[0]!.path}: ${problems[0]!.message}`);
}

export default async function validateBench(): Promise<Figure[]> {
	const yaml = largePolicyYaml(processCount, ruleCount);
	const json = JSON.stringify(largePolicy(processCount, ruleCount), null, 2);
	const invalid = yaml.replace('severity: high', 'severity: urgent');
	return [
		{name: `load+validate YAML policy (${processCount} processes, ${ruleCount} rules)`, value: medianMs(() => loadAndValidate(yaml)), unit: 'ms', target: 100, better: 'lower'},
		{name: `load+validate JSON policy (${processCount} processes, ${ruleCount} rules)`, value: medianMs(() => loadAndValidate(json)), unit: 'ms', target: 100, better: 'lower'},
		{
			name: 'report one error with its line in the same YAML policy',
			value: medianMs(() => {
				const loaded = loadDocuments(invalid, 'large.yaml');
				if (validateLoaded(loaded.objects)[0]?.line === undefined) throw new Error('no line for the error');
			}, 5, 1),
			unit: 'ms',
			target: 1500,
			better: 'lower',
		},
	];
}
