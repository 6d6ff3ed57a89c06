import { Chalk, type ChalkInstance } from 'chalk';
import type { FormatContext } from './formatter.js';

// Kept apart from research.ts so that the library's formats (JSON, Markdown, CSV) never load chalk.

export function chalkFor(context: FormatContext): ChalkInstance {
  return new Chalk({ level: context.color ? 1 : 0 });
}
