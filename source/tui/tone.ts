import type {PolicyStatus} from '../policy/status.js';
import type {severities} from '../policy/schema/common.js';

export type Severity = (typeof severities)[number];

/**
 * What a piece of text means, not how it looks: the theme turns a tone into
 * colours, so screens never pick colours themselves and NO_COLOR is handled once.
 */
export type Tone =
	| 'plain'
	| 'heading'
	| 'key'
	| 'value'
	| 'name'
	| 'muted'
	| 'accent'
	| 'error'
	| 'warn'
	| 'info'
	| 'success'
	| `status:${PolicyStatus | 'Invalid'}`
	| `severity:${Severity}`
	/** A search match in a log line. */
	| 'match'
	/** Each policy's own colour in a tail of every policy. */
	| `policy:${PolicyColour}`
	| `json:${'key' | 'string' | 'number' | 'literal'}`;

export type PolicyColour = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A run of text with one tone. Lines are lists of spans. */
export type Span = {text: string; tone?: Tone};

export function span(text: string, tone?: Tone): Span {
	return tone === undefined ? {text} : {text, tone};
}
