/** A failure the API reports to its caller with a status and a JSON body, never a stack trace. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly body: Record<string, unknown> = {},
	) {
		super(message);
		this.name = 'ApiError';
	}
}

export const notFound = (what: string) => new ApiError(404, `${what} not found`);
