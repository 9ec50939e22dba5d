/** One step into a document: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** A rule broken by a value, before it is tied to a file. */
export type Problem = {
	path: PathSegment[];
	message: string;
	/** Point at the key itself (an unknown field) rather than at its value. */
	atKey?: boolean;
};

/** A problem tied to a file and, where the text allows, a line and column (both 1-based). */
export type FileProblem = {
	file: string;
	path: string;
	line?: number;
	column?: number;
	message: string;
};

/** `spec.processPolicy[0].children[1].id`: keys joined by dots, indexes in brackets. */
export function formatPath(path: readonly PathSegment[]): string {
	let text = '';
	for (const segment of path) {
		if (typeof segment === 'number') text += `[${segment}]`;
		else if (/^[A-Za-z_][\w-]*$/.test(segment)) text += text ? `.${segment}` : segment;
		else text += `[${JSON.stringify(segment)}]`;
	}
	return text;
}

/** `file:line:col: path: message`, the form editors and terminals can jump to. */
export function formatFileProblem(problem: FileProblem): string {
	const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
	return problem.path ? `${where}: ${problem.path}: ${problem.message}` : `${where}: ${problem.message}`;
}
