/**
 * Wraps a pure function so that it keeps its last result: the reducer and the
 * render ask for the same derived values many times per key press.
 */
export function remember<Inputs extends unknown[], Result>(compute: (...inputs: Inputs) => Result): (...inputs: Inputs) => Result {
	let last: {inputs: Inputs; result: Result} | undefined;
	return (...inputs) => {
		if (last && last.inputs.length === inputs.length && last.inputs.every((input, index) => Object.is(input, inputs[index]))) return last.result;
		const result = compute(...inputs);
		last = {inputs, result};
		return result;
	};
}
