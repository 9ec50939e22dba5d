import {ApiRequestError} from '../api/errors.js';

/** One line for the flash: the API's own words, with the field it names when the words do not. */
export function errorText(error: unknown): string {
	if (error instanceof ApiRequestError) {
		const field = error.details.field;
		return field && !error.message.includes(field) ? `${error.message} (field ${field})` : error.message;
	}
	return error instanceof Error ? error.message : String(error);
}
