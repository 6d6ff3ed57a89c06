import { Option, type Command } from 'commander';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { mergeRecords, MERGE_POLICIES, type MergePolicy } from '../engine/agreement-merge.js';
import type { FieldValue } from '../engine/types.js';
import { formatConsensus } from '../format/agreement-consensus.js';
import { loadRecord } from '../load/load-record.js';
import { parseYamlDocument } from '../load/yaml-document.js';
import { writeOutputs } from '../write-output.js';
import { readCoderRecords } from './coder-files.js';
import { inputReader } from '../load/read-input.js';
import type { CommandContext } from './context.js';
import { helpExamples } from './output-options.js';
import { itemAt } from '../checked-index.js';

interface MergeOptions {
  readonly policy: MergePolicy;
  readonly output?: string;
}

export function registerMerge(program: Command, context: CommandContext): void {
  program
    .command('merge')
    .description("one consensus record from several coders' records of a case: each contested fact marked, with every coder's value, and decided by a policy")
    .argument('<coder-files...>', "the coders' records of one case, or their folders (a record's coder is its folder); the first named takes precedence")
    .addOption(
      new Option(
        '--policy <policy>',
        'majority: the value most coders give (a tie: the first coder’s); first: the first coder’s; unanimous: only what all state alike, a contested fact left unknown',
      )
        .choices(MERGE_POLICIES)
        .default('majority'),
    )
    .option('-o, --output <file>', 'write the consensus record to this file (atomically) instead of stdout')
    .addHelpText(
      'after',
      helpExamples([
        'merge fixtures/coders/a fixtures/coders/b   # the bundled example, to stdout',
        'merge coders/a/case.yaml coders/b/case.yaml --policy unanimous -o consensus.yaml',
      ]),
    )
    .action((files: string[], options: MergeOptions) => {
      const reader = inputReader(context.io);
      const records = readCoderRecords(files, reader);
      const ids = [...new Set(records.map((r) => r.case))];
      if (ids.length > 1) {
        const first = itemAt(records, 0);
        const problems: Diagnostic[] = records
          .filter((r) => r.case !== first.case)
          .map((r) => ({
            severity: 'error',
            code: 'NOT_SAME_CASE',
            file: r.file,
            line: 1,
            col: 1,
            message: `record ${r.case} is not record ${first.case} of ${first.file}`,
            hint: 'merge the records of one case at a time',
          }));
        throw new InputError(problems);
      }
      const codings = records.map((r) => {
        const doc = parseYamlDocument(r.file, r.input.text);
        if (Array.isArray(doc)) throw new InputError(doc);
        return { coder: r.coder, data: doc.data as { readonly [key: string]: FieldValue } };
      });
      const consensus = mergeRecords(codings, options.policy);
      const text = formatConsensus(consensus, { policy: options.policy, coders: codings.map((c) => c.coder), files: records.map((r) => r.file) });
      // The consensus must be a record the tool reads back; if a mix of coders' facts breaks one
      // (an end before its start), nothing is written and the problems are shown.
      const target = options.output ?? 'consensus.yaml';
      try {
        loadRecord({ file: target, text, sha256: '', maxBytes: reader.maxBytes });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw new InputError(
          error.diagnostics.map((d) => ({ ...d, hint: `the consensus would not be a valid record; try another --policy${d.hint ? `; ${d.hint}` : ''}` })),
        );
      }
      writeOutputs([options.output === undefined ? { text } : { file: options.output, text }], context.io.stdout);
      const summary = `${consensus.contested.length} contested facts among ${codings.length} coders (${codings.map((c) => c.coder).join(', ')}), --policy ${options.policy}`;
      context.notice(options.output === undefined ? summary : `${summary}: consensus written to ${options.output}`);
    });
}
