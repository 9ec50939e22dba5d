import {sourcePatch} from './source-patch.js';

/**
 * Ink 6.8 remembers the size of every text it has ever laid out, in a Map
 * that never forgets: a log tail that shows new lines for hours keeps every
 * line it ever showed. This keeps two generations instead. A text measured in
 * this generation or the last is a hit; when this one is full it becomes the
 * last, and what the last held is dropped. The sizes are unchanged.
 */
export const measureGenerationSize = 4000;

export const inkMeasurePatch = sourcePatch('ink-measure-cache', 'scripts/ink-measure-patch.ts', /[\\/]ink[\\/]build[\\/]measure-text\.js$/, [
	{find: 'const cache = new Map();', replace: `let cache = new Map();\nlet previousCache = new Map();\nexport const measureCacheSize = () => cache.size + previousCache.size;`},
	{
		find: 'const cachedDimensions = cache.get(text);',
		replace: 'const cachedDimensions = cache.get(text) ?? previousCache.get(text);',
	},
	{
		find: '    if (cachedDimensions) {\n        return cachedDimensions;\n    }',
		replace: [
			'    if (cachedDimensions) {',
			'        if (!cache.has(text)) remember(text, cachedDimensions);',
			'        return cachedDimensions;',
			'    }',
		].join('\n'),
	},
	{find: '    cache.set(text, dimensions);', replace: '    remember(text, dimensions);'},
	{
		find: 'export default measureText;',
		replace: [
			'function remember(text, dimensions) {',
			`    if (cache.size >= ${measureGenerationSize}) {`,
			'        previousCache = cache;',
			'        cache = new Map();',
			'    }',
			'    cache.set(text, dimensions);',
			'}',
			'export default measureText;',
		].join('\n'),
	},
]);
