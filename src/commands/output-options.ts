import { InvalidArgumentError, type Command } from 'commander';
import { inputError } from '../diagnostics.js';
import { BOM } from '../format/csv.js';
import { writeOutputs as writeRendered } from '../write-output.js';
import type { CommandContext } from './context.js';
import { itemAt } from '../checked-index.js';

/** One output of a run: a format, written to a file or (without one) to stdout. */
export interface OutputTarget<F extends string> {
  readonly format: F;
  readonly file?: string;
  /** --bom: a UTF-8 byte order mark before CSV text, so that Excel reads it as UTF-8. */
  readonly bom?: boolean;
}

/** The formats that are CSV, and so take --bom. */
const CSV_FORMATS: readonly string[] = ['csv', 'long'];

/** The formats each command's -f takes (they are checked by a parser of their own, not commander's choices). */
const FORMAT_CHOICES = new WeakMap<Command, readonly string[]>();

/** The formats `command`'s -f takes, for shell completion. */
export function formatChoices(command: Command): readonly string[] | undefined {
  return FORMAT_CHOICES.get(command);
}

export type OutputToken = { readonly kind: 'format'; readonly value: string } | { readonly kind: 'output'; readonly value: string };

/**
 * Adds `-f, --format` and `-o, --output`, both repeatable, and returns a function that pairs them
 * once the command line is parsed. Commander keeps each option's values apart, so the order they
 * came in is recorded here as they are parsed.
 */
export function addOutputOptions<F extends string>(command: Command, formats: readonly F[], fallback: F): () => OutputTarget<F>[] {
  const tokens: OutputToken[] = [];
  FORMAT_CHOICES.set(command, formats);
  command
    .option(
      '-f, --format <format>',
      `output format: ${formats.join(', ')} (default: ${fallback}); repeat -f FORMAT -o FILE for several outputs in one run`,
      (value: string) => {
        if (!(formats as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${formats.join(', ')}.`);
        tokens.push({ kind: 'format', value });
        return value;
      },
    )
    .option('-o, --output <file>', 'write the output of the -f before it to this file (atomically) instead of stdout', (value: string) => {
      tokens.push({ kind: 'output', value });
      return value;
    });
  if (formats.some((format) => CSV_FORMATS.includes(format))) command.option('--bom', 'start CSV output with a UTF-8 byte order mark (for Excel)');
  return () => {
    const bom = command.opts()['bom'] === true;
    return (pairOutputs(tokens, fallback) as OutputTarget<F>[]).map((target) =>
      bom && CSV_FORMATS.includes(target.format) ? { ...target, bom: true } : target,
    );
  };
}

/**
 * Pairs each -f with the -o that follows it: `-f json -o out.json -f markdown -o out.md`. An -o
 * before any -f of its own goes with the next -f (`-o out.json -f json`); a lone -o without any
 * -f writes the default format. At most one output goes to stdout.
 */
export function pairOutputs(tokens: readonly OutputToken[], fallback: string): OutputTarget<string>[] {
  const targets: { format: string; file?: string }[] = [];
  const waiting: string[] = [];
  let lastOpen = false;
  for (const token of tokens) {
    if (token.kind === 'format') {
      const file = waiting.shift();
      targets.push(file === undefined ? { format: token.value } : { format: token.value, file });
      lastOpen = file === undefined;
    } else if (lastOpen) {
      itemAt(targets, targets.length - 1).file = token.value;
      lastOpen = false;
    } else {
      waiting.push(token.value);
    }
  }
  if (targets.length === 0) targets.push(waiting.length > 0 ? { format: fallback, file: waiting.shift()! } : { format: fallback });
  if (waiting.length > 0) {
    throw inputError('USAGE', undefined, `-o ${waiting[0]} has no -f of its own`, 'give each output its format: -f json -o out.json -f markdown -o out.md');
  }
  const toStdout = targets.filter((target) => target.file === undefined);
  if (toStdout.length > 1) {
    throw inputError('USAGE', undefined, `${toStdout.map((t) => `-f ${t.format}`).join(' and ')} would both go to stdout`, 'give all but one of them -o FILE');
  }
  const files = targets.flatMap((target) => (target.file === undefined ? [] : [target.file]));
  const twice = files.find((file, i) => files.indexOf(file) !== i);
  if (twice !== undefined) throw inputError('USAGE', undefined, `-o ${twice} is given twice`);
  return targets;
}

/**
 * Renders every output before writing any, so a failure leaves no partial set; files are written
 * atomically, and colour goes only to a terminal.
 */
export function writeOutputs<F extends string>(
  targets: readonly OutputTarget<F>[],
  render: (format: F, style: TextStyle) => string,
  context: CommandContext,
  colorRequested: boolean | undefined,
): void {
  const rendered = targets.map((target) => {
    const toStdout = target.file === undefined;
    const style = { color: toStdout && context.useColor(colorRequested), width: context.outputWidth(toStdout) };
    return { ...(!toStdout && { file: target.file }), text: (target.bom ? BOM : '') + render(target.format, style) };
  });
  writeRendered(rendered, context.io.stdout);
}

/** How a text output looks where it goes: colour only on stdout, and the columns it may use. */
export interface TextStyle {
  readonly color: boolean;
  readonly width: number;
}

/** Errors go to stdout as JSON when the output on stdout is JSON. */
export function jsonOnStdout(targets: readonly OutputTarget<string>[]): boolean {
  return targets.some((target) => target.file === undefined && target.format === 'json');
}

/** The Examples section of a command's --help (`.addHelpText('after', ...)`): two or three command lines. */
export function helpExamples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ summit-score ${line}`).join('\n')}\n`;
}
