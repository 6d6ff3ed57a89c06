// A coded compliance grid from a spreadsheet (CSV) becomes a record of assessments: researchers
// hold published scores in spreadsheets, and re-typing them as YAML is where transcription errors
// come in. Every cell that cannot be read is reported at file:line:col, and nothing is written.
import { parse } from 'csv-parse/sync';
import { stringify } from 'yaml';
import { InputError, type Diagnostic } from '../diagnostics.js';
import type { AssessedScore } from '../engine/types.js';
import { DiagnosticSink, parseOrThrow } from './load-document.js';
import { checkRecord } from './load-record.js';
import type { InputText } from './read-input.js';
import { itemAt } from '../checked-index.js';

/** What the mapping file says: the record around the grid, and the ids and names of its rows and columns. */
interface Mapping {
  record: { id: string; title: string; date: string; description?: string };
  assessment: { date: string; assessor?: string; window?: string };
  windows?: { id: string; title?: string; from: string; to: string }[];
  sources: Record<string, unknown>[];
  /** CSV header -> party id and the name to print; a header missing here must itself be a party id. */
  members?: Record<string, { id: string; name?: string }>;
  /** CSV row label -> commitment event id and title; a label missing here gets an id made from it. */
  commitments?: Record<string, { id: string; title?: string }>;
  /** Columns and rows to leave out, besides Average, Percent and Percentage. */
  ignore?: string[];
}

export type GridLayoutName = 'wide' | 'long';

const SUMMARY = /^(average|percent|percentage)$/i;
const PARTY = /^[A-Za-z][A-Za-z0-9-]*$/;

/** Reads a cell as the reports print it: +1, 1, 0, -1 or −1 (U+2212), n/a, or empty / not assessed. */
export function readScore(text: string): AssessedScore | undefined {
  const cell = text.trim().replace(/^\u2212/, '-');
  if (cell === '' || /^not[ -]assessed$/i.test(cell)) return 'not-assessed';
  if (/^(n\/?a|not[ -]applicable)$/i.test(cell)) return 'not-applicable';
  if (/^[+-]?\d+(\.\d+)?$/.test(cell)) return Number(cell);
  return undefined;
}

interface Row {
  readonly fields: readonly string[];
  /** Line and column where each field starts. */
  readonly places: readonly { readonly line: number; readonly col: number }[];
}

/** Parses CSV with csv-parse and works out where each field starts, for messages at file:line:col. */
function readCsv(input: InputText): Row[] {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(input.text, { info: true, raw: true, bom: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const { lines, column } = error as { lines?: number; column?: number };
    throw new InputError([
      {
        severity: 'error',
        code: 'BAD_FORMAT',
        file: input.file,
        line: lines ?? 1,
        col: typeof column === 'number' ? column + 1 : 1,
        message: `not readable as CSV: ${(error as Error).message}`,
      },
    ]);
  }
  return records.map(({ record, raw, info }) => {
    const body = raw.replace(/\r?\n$/, '');
    let line = info.lines - (body.match(/\n/g)?.length ?? 0);
    let col = 1;
    let quoted = false;
    const places = [{ line, col }];
    for (let i = 0; i < body.length; i++) {
      const char = body.charAt(i);
      if (char === '"') quoted = !quoted;
      if (char === '\n') {
        line++;
        col = 1;
        continue;
      }
      col++;
      if (char === ',' && !quoted) places.push({ line, col });
    }
    return { fields: record, places };
  });
}

const slug = (label: string) =>
  label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'commitment';

/** The record text (YAML) for a grid file and its mapping; throws an InputError listing every cell it cannot read. */
export function importGrid(csv: InputText, mappingInput: InputText, layout?: GridLayoutName): string {
  const mappingDoc = parseOrThrow(mappingInput);
  const mapping = mappingDoc.data as Mapping;
  const sink = new DiagnosticSink(mappingDoc);
  for (const key of ['record', 'assessment', 'sources'] as const) {
    if (mapping === null || typeof mapping !== 'object' || mapping[key] === undefined) sink.error('MISSING_KEY', [], `the mapping needs \`${key}\``);
  }
  if (sink.diagnostics.length > 0) throw new InputError(sink.diagnostics);

  const rows = readCsv(csv);
  const problems: Diagnostic[] = [];
  const at = (row: Row, i: number, code: Diagnostic['code'], message: string, hint?: string) =>
    problems.push({ severity: 'error', code, file: csv.file, ...(row.places[i] ?? itemAt(row.places, 0)), message, ...(hint && { hint }) });
  const ignored = new Set((mapping.ignore ?? []).map((name) => name.trim()));
  const skip = (name: string) => SUMMARY.test(name.trim()) || ignored.has(name.trim());

  const members = new Map<string, string>(); // id -> name
  const commitments = new Map<string, string>(); // id -> title
  const cells: { member: string; commitment: string; score: AssessedScore }[] = [];
  const memberOf = (row: Row, i: number, header: string): string | undefined => {
    const mapped = mapping.members?.[header.trim()];
    const id = mapped?.id ?? header.trim();
    if (!PARTY.test(id)) {
      at(row, i, 'BAD_FORMAT', `member \`${header}\` is not a party id`, 'map it under `members:` in the mapping file, e.g. "Saudi Arabia": {id: SA}');
      return undefined;
    }
    if (!members.has(id)) members.set(id, mapped?.name ?? header.trim());
    return id;
  };
  const commitmentOf = (label: string): string => {
    const mapped = mapping.commitments?.[label.trim()];
    const id = mapped?.id ?? slug(label);
    if (!commitments.has(id)) commitments.set(id, mapped?.title ?? label.trim());
    return id;
  };
  const cell = (row: Row, i: number, member: string, commitment: string) => {
    const score = readScore(row.fields[i] ?? '');
    if (score === undefined)
      at(row, i, 'NOT_ALLOWED', `cell \`${row.fields[i]}\` is not a score`, 'write +1, 0, -1 (or −1), n/a, or leave it empty for not assessed');
    else cells.push({ member, commitment, score });
  };

  const [header, ...body] = rows;
  if (!header) throw new InputError([{ severity: 'error', code: 'EMPTY_FILE', file: csv.file, line: 1, col: 1, message: 'the grid has no rows' }]);
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const isLong = layout ? layout === 'long' : names.includes('member') && names.includes('score');
  if (isLong) {
    const column = (name: string) => names.indexOf(name);
    const [c, m, s] = [column('commitment'), column('member'), column('score')];
    if (c < 0 || m < 0 || s < 0) at(header, 0, 'MISSING_KEY', 'a long grid needs the columns commitment, member and score');
    else
      for (const row of body) {
        const member = memberOf(row, m, row.fields[m] ?? '');
        if (member) cell(row, s, member, commitmentOf(row.fields[c] ?? ''));
      }
  } else {
    const columns = header.fields.map((name, i) => (i === 0 || skip(name) ? undefined : memberOf(header, i, name)));
    for (const row of body) {
      const label = row.fields[0] ?? '';
      if (skip(label)) continue;
      if (row.fields.length !== header.fields.length)
        at(row, 0, 'OUT_OF_RANGE', `the row has ${row.fields.length} cells where the header has ${header.fields.length}`);
      const commitment = commitmentOf(label);
      columns.forEach((member, i) => member && cell(row, i, member, commitment));
    }
  }
  if (problems.length > 0) throw new InputError(problems);

  const { record, assessment, sources } = mapping;
  const parties = [...members.keys()];
  const partyNames = Object.fromEntries([...members].filter(([id, name]) => id !== name));
  const suffix = assessment.window ? `-${assessment.window}` : '';
  const document = {
    id: record.id,
    title: record.title,
    date: record.date,
    ...(record.description !== undefined && { description: record.description }),
    parties,
    ...(Object.keys(partyNames).length > 0 && { partyNames }),
    ...(mapping.windows && { windows: mapping.windows }),
    events: [
      ...[...commitments].map(([id, title]) => ({ id, date: record.date, type: 'commitment', title, actors: parties, sources })),
      ...cells.map(({ member, commitment, score }) => ({
        id: `${commitment}-${member.toLowerCase()}${suffix}`,
        date: assessment.date,
        type: 'assessment',
        assessment: {
          member,
          commitment,
          score,
          ...(assessment.assessor !== undefined && { assessor: assessment.assessor }),
          ...(assessment.window !== undefined && { window: assessment.window }),
        },
        sources,
      })),
    ],
  };
  const text =
    `# yaml-language-server: $schema=../src/schema/record.schema.json\n# Imported from ${csv.file} with summit-score import ` +
    `grid.\n${stringify(document, { lineWidth: 0, blockQuote: false, doubleQuotedAsJSON: true, aliasDuplicateObjects: false })}`;
  // The record written must load: a mapping error (a bad date, a duplicate id) is reported now, against the mapping.
  const checked = checkRecord(parseOrThrow({ file: mappingInput.file, text, sha256: '', maxBytes: mappingInput.maxBytes }), '', mappingInput.maxBytes);
  if (!checked.value)
    throw new InputError(
      checked.diagnostics.map((d) => ({ ...d, file: mappingInput.file, line: 1, col: 1, message: `the imported record would not load: ${d.message}` })),
    );
  return text;
}
