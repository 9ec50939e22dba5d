/** A line of a text diff: what the TUI diff screen and the CLI both draw. */
export type DiffLine = {
	kind: 'same' | 'added' | 'removed';
	text: string;
	/** 1-based line number in the before text; absent on added lines. */
	beforeLine?: number;
	/** 1-based line number in the after text; absent on removed lines. */
	afterLine?: number;
	/**
	 * Set on a removed line and the added line right after it when one key's
	 * value changed in place (`mode: audit` → `mode: enforce`). The CLI still
	 * prints the `-`/`+` pair, as spyctl does; the TUI can draw a yellow `~`.
	 */
	inPlace?: true;
};
