import chalk, {type ForegroundColorName} from 'chalk';
import type {TextStyle} from '../theme.js';

/**
 * Text with a style's colour codes, as Ink's Text would apply them to a
 * nested Text: dim, then colour, then bold, italic and inverse, through the
 * same chalk. A line of spans is then one Text, not one per span.
 */
export function styledText(text: string, style: TextStyle): string {
	let styled = text;
	if (style.dimColor) styled = chalk.dim(styled);
	if (style.color) styled = chalk[style.color as ForegroundColorName](styled);
	if (style.bold) styled = chalk.bold(styled);
	if (style.italic) styled = chalk.italic(styled);
	if (style.inverse) styled = chalk.inverse(styled);
	return styled;
}
