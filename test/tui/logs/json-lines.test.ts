import {describe, expect, test} from 'vitest';
import {jsonLines} from '../../../source/tui/logs/json-lines.js';

describe('an event as JSON', () => {
	test('is pretty-printed, with keys, strings, numbers and literals each in their colour', () => {
		const lines = jsonLines({id: 'log:1', time: 1.5, ok: true, none: null, process: {exe: ['/bin/sh']}});
		expect(lines.map(line => line.map(part => part.text).join(''))).toEqual([
			'{',
			'  "id": "log:1",',
			'  "time": 1.5,',
			'  "ok": true,',
			'  "none": null,',
			'  "process": {',
			'    "exe": [',
			'      "/bin/sh"',
			'    ]',
			'  }',
			'}',
		]);
		expect(lines[1]).toEqual([
			{text: '  '},
			{text: '"id"', tone: 'json:key'},
			{text: ': ', tone: 'muted'},
			{text: '"log:1"', tone: 'json:string'},
			{text: ',', tone: 'muted'},
		]);
		expect(lines[2]![3]).toEqual({text: '1.5', tone: 'json:number'});
		expect(lines[3]![3]).toEqual({text: 'true', tone: 'json:literal'});
		expect(lines[7]![1]).toEqual({text: '"/bin/sh"', tone: 'json:string'});
	});

	test('a key or string holding quotes and colons is read whole', () => {
		const [, line] = jsonLines({'a": b': 'c": d'});
		expect(line!.map(part => part.tone)).toEqual([undefined, 'json:key', 'muted', 'json:string']);
	});
});
