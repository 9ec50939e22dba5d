import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Plugin} from 'esbuild';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {inkMeasurePatch, measureGenerationSize} from '../../scripts/ink-measure-patch.js';
import {inkOutputPatch} from '../../scripts/ink-output-patch.js';
import {patchedModule} from '../helpers/patched-module.js';

const inkBuild = path.resolve('node_modules/ink/build');

/** One of Ink's modules as the bundle ships it. */
async function patched<T>(module: string, plugin: Plugin): Promise<T> {
	return patchedModule<T>(path.join(inkBuild, module), plugin);
}

type OutputClass = new (size: {width: number; height: number}) => {write: (x: number, y: number, text: string, options: {transformers: []}) => void; get: () => {output: string; height: number}};

describe('the bundle\'s Ink patches', () => {
	test('Output writes every frame as unpatched Ink does, frame after frame', async () => {
		const {default: Patched} = await patched<{default: OutputClass}>('output.js', inkOutputPatch);
		const {default: Original} = (await import(pathToFileURL(path.join(inkBuild, 'output.js')).href)) as {default: OutputClass};
		const styled = fc.array(fc.oneof(fc.constantFrom('\u001B[31m', '\u001B[39m', '\u001B[1m', '\u001B[22m', '\u001B[2m', '\u001B[7m', '\u001B[27m'), fc.constantFrom('a', 'bc', ' ', '─', '界', '✓')), {maxLength: 30});
		const writes = fc.array(fc.record({x: fc.nat(30), y: fc.nat(5), text: styled.map(pieces => pieces.join(''))}), {maxLength: 12});
		fc.assert(
			fc.property(fc.array(writes, {minLength: 1, maxLength: 4}), frames => {
				for (const frame of frames) {
					const [patched, original] = [new Patched({width: 40, height: 6}), new Original({width: 40, height: 6})];
					for (const write of frame) for (const output of [patched, original]) output.write(write.x, write.y, write.text, {transformers: []});
					expect(patched.get()).toEqual(original.get());
				}
			}),
			{numRuns: 300},
		);
	});

	test('text sizes are remembered for two generations, not forever, and stay right', async () => {
		const {default: measureText, measureCacheSize} = await patched<{default: (text: string) => {width: number; height: number}; measureCacheSize: () => number}>('measure-text.js', inkMeasurePatch);
		for (let index = 0; index < measureGenerationSize * 5; index++) expect(measureText(`line ${index}\n界`)).toEqual({width: `line ${index}`.length, height: 2});
		expect(measureCacheSize()).toBeLessThanOrEqual(measureGenerationSize * 2);
		expect(measureText('\u001B[31mred\u001B[39m')).toEqual({width: 3, height: 1});
		expect(measureText('')).toEqual({width: 0, height: 0});
	});
});
