import {Option} from 'commander';

export type TableOutput = 'default' | 'wide';

export function tableOutputOption(): Option {
	return new Option('-o, --output <format>', 'table layout; wide adds more columns')
		.choices(['default', 'wide'])
		.default('default');
}
