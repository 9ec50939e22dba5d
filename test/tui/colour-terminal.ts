import {afterAll} from 'vitest';

// Imported first by tests that check colours or inverse: Ink (through chalk) decides at load
// whether the terminal has colour, and vitest's output has none. Being the first import, this
// runs before anything loads Ink; the variable goes again when the file's tests are done.
process.env['FORCE_COLOR'] = '1';
afterAll(() => {
	delete process.env['FORCE_COLOR'];
});
