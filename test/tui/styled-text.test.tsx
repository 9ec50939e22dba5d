import './colour-terminal.js';
import chalk from 'chalk';
import fc from 'fast-check';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {expect, test} from 'vitest';
import {styledText} from '../../source/tui/components/styled-text.js';
import {palette, type TextStyle} from '../../source/tui/theme.js';

const colours = [...new Set(Object.values(palette).flatMap(style => (style.color ? [style.color] : [])))];

const style = fc.record({color: fc.constantFrom(...colours), bold: fc.boolean(), dimColor: fc.boolean(), inverse: fc.boolean(), italic: fc.boolean()}, {requiredKeys: []}) as fc.Arbitrary<TextStyle>;

test('every colour of the palette is one chalk knows, and this terminal shows colour', () => {
	expect(render(<Text color="red">x</Text>).lastFrame()).toContain('\u001B[31m');
	for (const colour of colours) expect(typeof chalk[colour as 'red'], colour).toBe('function');
});

test('a line of styled spans in one Text draws as the spans in nested Texts do', () => {
	fc.assert(
		fc.property(fc.array(fc.record({text: fc.string({maxLength: 8}), style}), {maxLength: 6}), style, (parts, outer) => {
			const nested = render(
				<Text wrap="truncate-end" {...outer}>
					{parts.map((part, index) => (
						<Text key={index} {...part.style}>
							{part.text}
						</Text>
					))}
				</Text>,
			);
			const flat = render(
				<Text wrap="truncate-end" {...outer}>
					{parts.map(part => styledText(part.text, part.style)).join('')}
				</Text>,
			);
			try {
				expect(flat.lastFrame()).toBe(nested.lastFrame());
			} finally {
				nested.unmount();
				flat.unmount();
			}
		}),
		{numRuns: 300},
	);
});
