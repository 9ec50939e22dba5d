/** Why a request failed, in the terms both faces render. No variant ever holds the API key. */
export type ApiErrorKind = 'auth' | 'not-found' | 'conflict' | 'validation' | 'network' | 'server' | 'protocol';

export class ApiRequestError extends Error {
	constructor(
		readonly kind: ApiErrorKind,
		message: string,
		readonly details: {
			status?: number;
			/** The server's trace id (`x-context-uid`), for support requests. */
			contextUid?: string;
			/** For validation failures: the field the server named. */
			field?: string;
			/** For conflicts: the version on the server and the one the update was based on. */
			currentVersion?: number;
			yourVersion?: number;
		} = {},
	) {
		super(message);
		this.name = 'ApiRequestError';
	}
}
