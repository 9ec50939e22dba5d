/** A failure a user caused or can fix. Printed as `Error: <message>` without a stack trace. */
export class CommandError extends Error {
	constructor(
		message: string,
		readonly exitCode: 1 | 2 = 1,
	) {
		super(message);
		this.name = 'CommandError';
	}
}

export class UsageError extends CommandError {
	constructor(message: string) {
		super(message, 2);
		this.name = 'UsageError';
	}
}
