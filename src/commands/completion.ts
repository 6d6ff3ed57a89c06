import { Argument, type Command, type Option } from 'commander';
import { bundledIds } from '../load/bundled.js';
import type { CommandContext } from './context.js';
import { formatChoices, helpExamples } from './output-options.js';
import { itemAt } from '../checked-index.js';

// Shell completion written from the command tree itself (every command, option and choice as
// commander holds them), so it cannot fall behind the commands. Bundled ids are written in as
// they are at generation time; files are completed by the shell.

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** What a value (of an option or a positional argument) is completed from. */
type Values = { readonly kind: 'matrix' | 'record' | 'file' | 'none' } | { readonly kind: 'choices'; readonly choices: readonly string[] };

interface OptionModel {
  readonly short?: string;
  readonly long?: string;
  readonly description: string;
  /** Null: a switch, taking no value. */
  readonly value: Values | null;
}

interface CommandModel {
  /** `evaluate`, or `import grid` for a subcommand. */
  readonly path: readonly string[];
  readonly description: string;
  readonly options: readonly OptionModel[];
  readonly positional: Values | null;
  readonly subcommands: readonly CommandModel[];
}

function optionValues(command: Command, option: Option): Values | null {
  if (!option.required && !option.optional) return null;
  const choices = option.argChoices ?? (option.long === '--format' ? formatChoices(command) : undefined);
  if (choices) return { kind: 'choices', choices };
  if (option.long === '--matrix') return { kind: 'matrix' };
  if (option.long === '--output' || option.long === '--mapping') return { kind: 'file' };
  return { kind: 'none' };
}

function positionalValues(argument: Argument | undefined): Values | null {
  if (!argument) return null;
  if (argument.argChoices) return { kind: 'choices', choices: argument.argChoices };
  if (/^records?$/.test(argument.name())) return { kind: 'record' };
  if (argument.name() === 'matrices') return { kind: 'matrix' };
  return { kind: 'file' };
}

function model(command: Command, path: readonly string[]): CommandModel {
  const options: OptionModel[] = command.options
    .filter((option) => !option.hidden)
    .map((option) => ({
      ...(option.short && { short: option.short }),
      ...(option.long && { long: option.long }),
      description: option.description,
      value: optionValues(command, option),
    }));
  options.push({ short: '-h', long: '--help', description: 'display help for command', value: null });
  return {
    path,
    description: command.description(),
    options,
    positional: positionalValues(command.registeredArguments[0]),
    subcommands: command.commands.map((sub) => model(sub, [...path, sub.name()])),
  };
}

/** Every command with its subcommands, flattened: `import` and `import grid`. */
function flatten(commands: readonly CommandModel[]): CommandModel[] {
  return commands.flatMap((command) => [command, ...flatten(command.subcommands)]);
}

const words = (list: readonly string[]) => [...new Set(list)].join(' ');
const flagsOf = (options: readonly OptionModel[]) =>
  options.flatMap((option) => [option.short, option.long].filter((flag): flag is string => flag !== undefined));

function bashValues(values: Values, ids: Ids): string {
  switch (values.kind) {
    case 'choices':
      return `COMPREPLY=($(compgen -W "${words(values.choices)}" -- "$cur"))`;
    case 'matrix':
      return `COMPREPLY=($(compgen -W "${words(ids.matrices)}" -- "$cur") $(compgen -f -- "$cur"))`;
    case 'record':
      return `COMPREPLY=($(compgen -W "${words(ids.records)}" -- "$cur") $(compgen -f -- "$cur"))`;
    case 'file':
      return 'COMPREPLY=($(compgen -f -- "$cur"))';
    case 'none':
      return 'COMPREPLY=()';
  }
}

interface Ids {
  readonly matrices: readonly string[];
  readonly records: readonly string[];
}

function bash(program: CommandModel, ids: Ids): string {
  const all = flatten(program.subcommands);
  const key = (command: CommandModel) => command.path.join('_');
  // Options of the program itself that a command line may also give after the command (--quiet, --width).
  const global = program.options.filter((option) => option.long !== '--version' && option.long !== '--help');
  const lines = [
    '# summit-score completion for bash: eval "$(summit-score completion bash)" (in ~/.bashrc)',
    '_summit_score() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" i=1',
    '  # The command (and subcommand) named so far, skipping the options before it.',
    '  while [[ $i -lt $COMP_CWORD ]]; do',
    '    case "${COMP_WORDS[i]}" in',
    '      -*) ;;',
    `      *) case "\${cmd:+\${cmd}_}\${COMP_WORDS[i]}" in ${all.map(key).join('|')}) cmd="\${cmd:+\${cmd}_}\${COMP_WORDS[i]}" ;; *) break ;; esac ;;`,
    '    esac',
    '    i=$((i + 1))',
    '  done',
    '  case "$cmd" in',
    `    "") if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "${words(flagsOf(program.options))}" -- "$cur")); else COMPREPLY=($(compgen -W ` +
      `"${words(program.subcommands.map((c) => itemAt(c.path, 0)))}" -- "$cur")); fi; return ;;`,
  ];
  for (const command of all) {
    lines.push(`    ${key(command)})`);
    const valued = command.options.filter((option) => option.value !== null);
    if (valued.length > 0) {
      lines.push('      case "$prev" in');
      for (const option of valued) lines.push(`        ${flagsOf([option]).join('|')}) ${bashValues(option.value!, ids)}; return ;;`);
      lines.push('      esac');
    }
    lines.push(`      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "${words([...flagsOf(command.options), ...flagsOf(global)])}" -- "$cur")); return; fi`);
    if (command.subcommands.length > 0)
      lines.push(`      COMPREPLY=($(compgen -W "${words(command.subcommands.map((c) => c.path.at(-1)!))}" -- "$cur")); return ;;`);
    else lines.push(`      ${command.positional ? bashValues(command.positional, ids) : 'COMPREPLY=()'}; return ;;`);
  }
  lines.push('  esac', '}', 'complete -o filenames -F _summit_score summit-score', '');
  return lines.join('\n');
}

function zsh(program: CommandModel, ids: Ids): string {
  // zsh runs the bash completion through its bashcompinit layer: one completion, two shells.
  return [
    '# summit-score completion for zsh: eval "$(summit-score completion zsh)" (in ~/.zshrc)',
    'autoload -U +X compinit && compinit',
    'autoload -U +X bashcompinit && bashcompinit',
    bash(program, ids).split('\n').slice(1).join('\n'),
  ].join('\n');
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishValues(values: Values, ids: Ids): string {
  switch (values.kind) {
    case 'choices':
      return ` -x -a ${fishQuote(words(values.choices))}`;
    case 'matrix':
      return ` -r -F -a ${fishQuote(words(ids.matrices))}`;
    case 'record':
      return ` -F -a ${fishQuote(words(ids.records))}`;
    case 'file':
      return ' -r -F';
    case 'none':
      return ' -x';
  }
}

function fish(program: CommandModel, ids: Ids): string {
  const lines = [
    '# summit-score completion for fish: summit-score completion fish > ~/.config/fish/completions/summit-score.fish',
    'complete -c summit-score -f',
  ];
  const top = program.subcommands.map((c) => itemAt(c.path, 0));
  for (const command of program.subcommands) {
    lines.push(
      `complete -c summit-score -n ${fishQuote(`not __fish_seen_subcommand_from ${words(top)}`)} -a ${command.path[0]} -d ${fishQuote(command.description)}`,
    );
  }
  for (const command of flatten(program.subcommands)) {
    const seen = command.path.map((word) => `__fish_seen_subcommand_from ${word}`).join('; and ');
    for (const sub of command.subcommands) lines.push(`complete -c summit-score -n ${fishQuote(seen)} -a ${sub.path.at(-1)} -d ${fishQuote(sub.description)}`);
    for (const option of command.options) {
      const flags = [option.short && ` -s ${option.short.slice(1)}`, option.long && ` -l ${option.long.slice(2)}`].filter(Boolean).join('');
      lines.push(
        `complete -c summit-score -n ${fishQuote(seen)}${flags}${option.value ? fishValues(option.value, ids) : ''} -d ${fishQuote(option.description)}`,
      );
    }
    if (command.positional && command.subcommands.length === 0)
      lines.push(`complete -c summit-score -n ${fishQuote(seen)}${fishValues(command.positional, ids)}`);
  }
  return `${lines.join('\n')}\n`;
}

const WRITERS: Readonly<Record<Shell, (program: CommandModel, ids: Ids) => string>> = { bash, zsh, fish };

export function registerCompletion(program: Command, context: CommandContext): void {
  program
    .command('completion')
    .description('print shell completion for bash, zsh or fish: every command, option, format and bundled id')
    .addHelpText(
      'after',
      helpExamples(['completion bash >> ~/.bashrc', 'completion zsh >> ~/.zshrc', 'completion fish > ~/.config/fish/completions/summit-score.fish']),
    )
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action((shell: Shell) => {
      const tree = model(program, []);
      context.io.stdout(WRITERS[shell](tree, { matrices: bundledIds('matrix'), records: bundledIds('record') }));
    });
}
