/** A search query that cannot be read, with the 1-based column where reading stopped. */
export class QuerySyntaxError extends Error {
	constructor(
		readonly column: number,
		problem: string,
	) {
		super(`${problem} at column ${column}`);
		this.name = 'QuerySyntaxError';
	}
}
