import {ApiError} from '../errors.js';

/** A search failure in the body spyctl reads (`error`) as well as the one every other endpoint uses (`err_msg`). */
export function searchError(status: number, message: string, field?: string): ApiError {
	return new ApiError(status, message, {error: message, ...(field ? {field} : {})});
}
