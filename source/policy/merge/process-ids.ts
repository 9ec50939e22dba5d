/**
 * A free id for a process node, as spyctl picks it: while the id is taken, its
 * trailing `_<n>` is incremented (`sh_2` → `sh_3`); an id without a number
 * gets `_0` first (`sh` → `sh_0`). Numbers may be long, so they are BigInt.
 */
export function uniqueId(id: string, taken: {has(id: string): boolean}): string {
	if (!taken.has(id)) return id;
	const numbered = /^(.*)_(\d+)$/s.exec(id);
	const stem = numbered ? numbered[1]! : id;
	for (let number = numbered ? BigInt(numbered[2]!) + 1n : 0n; ; number++) {
		const candidate = `${stem}_${number}`;
		if (!taken.has(candidate)) return candidate;
	}
}
