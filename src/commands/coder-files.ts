import { basename, dirname } from 'node:path';
import { collectProblems, InputError, inputError, type Diagnostic } from '../diagnostics.js';
import type { CodedCase } from '../engine/agreement.js';
import type { CaseRecord } from '../engine/types.js';
import type { CodingFile } from '../format/agreement.js';
import { expandPaths } from '../load/expand-paths.js';
import { loadRecord } from '../load/load-record.js';
import { readInputFile, type InputReader, type InputText } from '../load/read-input.js';

/** One coder's record of one case, with the file it came from. */
export interface CoderRecord extends CodingFile {
  readonly record: CaseRecord;
  readonly input: InputText;
}

/**
 * Reads several coders' records: files, or folders of them. A record's coder is the folder it
 * lies in (`coders/a/us-china-2015-09.yaml` is coder `a`), so each coder keeps a folder of their
 * own, with the same file names. Every problem of every file is reported in one run.
 */
export function readCoderRecords(args: readonly string[], reader: InputReader): CoderRecord[] {
  if (args.includes('-')) throw inputError('USAGE', undefined, 'coders are named by their folders, so their records cannot come from stdin (-)');
  const { files, problems: missing } = expandPaths(args);
  const { problems, attempt } = collectProblems();
  problems.push(...missing);
  const records = files.flatMap(({ path }) => {
    const loaded = attempt(() => {
      const input = readInputFile(path, reader);
      return { input, loaded: loadRecord(input) };
    });
    if (!loaded) return [];
    const { input, loaded: record } = loaded;
    return [
      {
        coder: basename(dirname(path)),
        case: record.record.id,
        title: record.record.title,
        date: record.record.date,
        file: record.file,
        sha256: record.sha256,
        record: record.record,
        input,
      },
    ];
  });
  const seen = new Map<string, CoderRecord>();
  for (const record of records) {
    const key = `${record.coder}\u0000${record.case}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.push(twice(record, earlier));
      continue;
    }
    seen.set(key, record);
  }
  if (problems.length > 0) throw new InputError(problems);
  return records;
}

function twice(record: CoderRecord, earlier: CoderRecord): Diagnostic {
  return {
    severity: 'error',
    code: 'SAME_CODER_TWICE',
    file: record.file,
    line: 1,
    col: 1,
    message: `coder ${record.coder} has record ${record.case} in ${earlier.file} already`,
    hint: 'give each coder a folder of their own: coders/a/CASE.yaml, coders/b/CASE.yaml',
  };
}

/** The records grouped by case, in the order the cases and coders first appear. */
export function codedCases(records: readonly CoderRecord[]): CodedCase[] {
  const cases = new Map<string, { coder: string; record: CaseRecord }[]>();
  for (const { case: id, coder, record } of records) {
    let codings = cases.get(id);
    if (!codings) cases.set(id, (codings = []));
    codings.push({ coder, record });
  }
  return [...cases].map(([id, codings]) => ({ id, codings }));
}
