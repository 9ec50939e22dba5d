import type {Span} from '../tone.js';

/**
 * One line of the diff screen. A folded gap names the lines it hides, so Enter
 * can unfold it; `change` marks where a change starts, for n and N.
 */
export type DisplayLine = {
	spans: Span[];
	gap?: {start: number; end: number};
	change?: boolean;
};
