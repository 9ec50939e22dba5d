import type {SelectItem} from '../dialog-view.js';
import {formatAge} from '../server-rows.js';
import {fit, textWidth} from '../text.js';
import type {Workload} from './flow.js';

const localFile: SelectItem = {label: 'Local file…  a baseline, fingerprint, fingerprint group or policy (YAML or JSON)', value: 'local file'};

const typeWidth = textWidth('linux-service');

/** The indicator before each label takes two columns. */
const indicatorWidth = 2;

/**
 * The local file first, then one aligned row per workload: its type, image
 * or service (and cgroup), how many fingerprints and how long ago the newest.
 */
export function sourceItems(workloads: readonly Workload[], at: number, width: number): SelectItem[] {
	const counts = workloads.map(workload => `${workload.fingerprints.length} fingerprint${workload.fingerprints.length === 1 ? '' : 's'}`);
	const ages = workloads.map(workload => `${formatAge(at - workload.latest)} ago`);
	const countWidth = Math.max(0, ...counts.map(count => textWidth(count)));
	const ageWidth = Math.max(0, ...ages.map(age => textWidth(age)));
	const titles = workloads.map(workload => (workload.detail ? `${workload.title}  ${workload.detail}` : workload.title));
	const room = width - indicatorWidth - typeWidth - countWidth - ageWidth - 6;
	const titleWidth = Math.max(8, Math.min(room, Math.max(0, ...titles.map(title => textWidth(title)))));
	const rows = workloads.map((workload, index) => ({
		label: `${fit(workload.type, typeWidth)}  ${fit(titles[index] ?? '', titleWidth)}  ${fit(counts[index] ?? '', countWidth)}  ${ages[index] ?? ''}`,
		value: workload.key,
	}));
	return [localFile, ...rows];
}
