import {CommandError} from '../commands/errors.js';

/** A config or secrets file that cannot be read, parsed or validated. */
export class ConfigFileError extends CommandError {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigFileError';
	}
}

/**
 * No context is selected: none exist, or none is current. Callers that can run
 * without a backend (the embedded server) treat this as "not configured".
 */
export class NoContextError extends CommandError {
	constructor(message: string) {
		super(message);
		this.name = 'NoContextError';
	}
}
