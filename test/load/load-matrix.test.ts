// checkMatrix (src/load/load-matrix.ts) on matrices written here line by line: what a loaded
// matrix keeps (and leaves out when the file does), where each part stands, and every check the
// schema cannot make, each with its code, place and words. Positions are counted in the text.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { DEFAULT_GRID_RULES } from '../../src/engine/types.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';
import { checkMatrix, type LoadedMatrix } from '../../src/load/load-matrix.js';
import { parseYamlDocument } from '../../src/load/yaml-document.js';

function check(lines: readonly string[]): { value?: LoadedMatrix; diagnostics: readonly Diagnostic[] } {
  const doc = parseYamlDocument('m.yaml', `${lines.join('\n')}\n`);
  if (Array.isArray(doc)) throw new Error(doc.map((d) => d.message).join('\n'));
  return checkMatrix(doc, 'f00d', DEFAULT_MAX_INPUT_BYTES);
}

const HEAD = ['id: m', 'title: M', 'version: "1"', 'source: {author: T}'];
const CRITERION = [
  '  - id: c',
  '    title: C',
  '    weight: 1',
  '    levels:',
  '      - {label: yes, score: 1, when: {some: {type: meeting}}}',
  '      - {label: no, score: 0}',
];
const BANDS = ['verdicts:', '  - {label: good, min: 50}', '  - {label: bad, min: 0}'];

/** The errors of a matrix, as code, place and words. */
function errors(lines: readonly string[]) {
  const { value, diagnostics } = check(lines);
  expect(value).toBeUndefined();
  return diagnostics.map((d) => ({ code: d.code, path: d.path, line: d.line, col: d.col, message: d.message, ...(d.hint !== undefined && { hint: d.hint }) }));
}

describe('a matrix as loaded', () => {
  const FULL = [
    ...HEAD,
    'description: What it is for',
    'aggregation: cell-mean',
    'grid: {averageDecimals: 1}',
    'missingData: {maxUnknownShare: 0.2}',
    'fields:',
    '  level: {type: string}',
    'criteria:',
    '  - id: talks',
    '    title: Talks',
    '    description: Whether they talk',
    '    weight: 2',
    '    perParty: [US]',
    '    appliesWhen: {some: {type: summit}}',
    '    levels:',
    '      - {label: yes, score: 1, description: They met, when: {some: {type: meeting}}}',
    '      - {label: no, score: 0}',
    '    gates:',
    '      - {above: bad, requires: yes}',
    '  - id: each',
    '    title: Each',
    '    weight: 1',
    '    perParty: true',
    '    forEach: {type: commitment}',
    '    levels:',
    '      - {label: kept, score: 1, when: {some: {all: [{isSubject: true}, {deadline: met}]}}}',
    '      - {label: not, score: 0}',
    ...BANDS,
  ];

  it('keeps what the file says, with the file, its hash and the place of each criterion, level and gate', () => {
    const { value, diagnostics } = check(FULL);
    expect(diagnostics).toEqual([]);
    const { matrix } = value!;
    expect(value!.file).toBe('m.yaml');
    expect(value!.sha256).toBe('f00d');
    expect(value!.warnings).toEqual([]);
    expect(matrix.description).toBe('What it is for');
    expect(matrix.aggregation).toBe('cell-mean');
    expect(matrix.grid).toEqual({ ...DEFAULT_GRID_RULES, averageDecimals: 1 });
    expect(matrix.missingData).toEqual({ maxUnknownShare: 0.2 });
    expect(Object.keys(matrix.fields!)).toEqual(['level']);
    const [talks, each] = matrix.criteria;
    expect(talks).toMatchObject({
      id: 'talks',
      title: 'Talks',
      description: 'Whether they talk',
      weight: 2,
      perParty: ['US'],
      location: { file: 'm.yaml', line: 12, col: 5 },
    });
    expect(talks!.appliesWhen).toMatchObject({ op: 'some' });
    expect(talks!.levels.map((level) => [level.label, level.score, level.description, level.when?.op, level.location?.line])).toEqual([
      ['yes', 1, 'They met', 'some', 19],
      ['no', 0, undefined, undefined, 20],
    ]);
    expect(talks!.gates).toEqual([{ above: 'bad', requires: 'yes', location: { file: 'm.yaml', line: 22, col: 9 } }]);
    expect(each).toMatchObject({ id: 'each', perParty: true, location: { line: 23 } });
    expect(each!.forEach).toMatchObject({ op: 'field', field: 'type' });
    expect(matrix.verdicts).toEqual([
      { label: 'good', min: 50 },
      { label: 'bad', min: 0 },
    ]);
  });

  it('leaves out what the file leaves out, and aggregates by the weighted mean unless told otherwise', () => {
    const { value } = check([...HEAD, 'criteria:', ...CRITERION, '    perParty: false', ...BANDS]);
    const { matrix } = value!;
    expect(matrix.aggregation).toBe('weighted-mean');
    expect(matrix.grid).toEqual(DEFAULT_GRID_RULES);
    for (const key of ['description', 'missingData', 'fields']) expect(Object.hasOwn(matrix, key), key).toBe(false);
    const criterion = matrix.criteria[0]!;
    for (const key of ['description', 'appliesWhen', 'perParty', 'forEach']) expect(Object.hasOwn(criterion, key), key).toBe(false);
    expect(criterion.gates).toEqual([]);
    expect(criterion.levels.map((level) => ['description' in level, 'when' in level])).toEqual([
      [false, true],
      [false, false],
    ]);
  });
});

describe('the checks the schema cannot make', () => {
  const matrix = (parts: { head?: string[]; criteria?: string[]; bands?: string[] }) => [
    ...(parts.head ?? HEAD),
    'criteria:',
    ...(parts.criteria ?? CRITERION),
    ...(parts.bands ?? BANDS),
  ];

  it('a source date that is no calendar date', () => {
    expect(errors(matrix({ head: [...HEAD.slice(0, 3), 'source: {author: T, date: 2015-02-30}'] }))).toEqual([
      { code: 'BAD_DATE', path: 'source.date', line: 4, col: 27, message: '2015-02-30 is not a calendar date' },
    ]);
    expect(check(matrix({ head: [...HEAD.slice(0, 3), 'source: {author: T, date: 2016-02-29}'] })).diagnostics).toEqual([]);
  });

  it('a source cited by a key the bibliography does not have; one cited by url is not looked up', () => {
    const [problem] = errors(matrix({ head: [...HEAD, 'sources:', '  - {url: "https://example.org/x"}', '  - {key: no-such-source}'] }));
    expect(problem).toMatchObject({ code: 'UNKNOWN_SOURCE', path: 'sources[1].key', line: 7, col: 11 });
    expect(check(matrix({ head: [...HEAD, 'sources:', '  - {url: "https://example.org/x"}', '  - {key: lewis-2015-csis}'] })).diagnostics).toEqual([]);
  });

  it('an id, a band or a level that appears twice, at the second, naming the first', () => {
    const twice = [...CRITERION, ...CRITERION];
    expect(errors(matrix({ criteria: twice }))).toEqual([
      { code: 'DUPLICATE_ID', path: 'criteria[1].id', line: 12, col: 9, message: 'criterion id `c` appears twice (first at item 1)' },
    ]);
    expect(errors(matrix({ bands: ['verdicts:', '  - {label: good, min: 50}', '  - {label: ok, min: 20}', '  - {label: good, min: 0}'] }))).toEqual([
      { code: 'DUPLICATE_ID', path: 'verdicts[2].label', line: 15, col: 13, message: 'verdict band `good` appears twice (first at item 1)' },
    ]);
    const levels = [...CRITERION.slice(0, 5), '      - {label: yes, score: 0}'];
    expect(errors(matrix({ criteria: levels }))).toEqual([
      { code: 'DUPLICATE_ID', path: 'criteria[0].levels[1].label', line: 11, col: 17, message: 'level of c `yes` appears twice (first at item 1)' },
    ]);
  });

  it('a weight above 0 but below a millionth; a millionth itself is a weight', () => {
    const weighted = (weight: string) => [
      CRITERION[0]!,
      CRITERION[1]!,
      `    weight: ${weight}`,
      ...CRITERION.slice(3),
      ...CRITERION.map((l) => l.replace('id: c', 'id: d')),
    ];
    expect(errors(matrix({ criteria: weighted('0.0000009') }))).toEqual([
      {
        code: 'OUT_OF_RANGE',
        path: 'criteria[0].weight',
        line: 8,
        col: 13,
        message: 'criteria[0].weight is 9e-7: a weight is 0 or from 0.000001 to 1000000',
        hint: 'use 0 to show the criterion without counting it',
      },
    ]);
    expect(check(matrix({ criteria: weighted('0.000001') })).diagnostics).toEqual([]);
    expect(check(matrix({ criteria: weighted('0') })).diagnostics).toEqual([]);
  });

  it('every criterion of weight 0', () => {
    const none = CRITERION.map((line) => line.replace('weight: 1', 'weight: 0'));
    expect(errors(matrix({ criteria: none }))).toEqual([
      {
        code: 'NO_WEIGHT',
        path: 'criteria',
        line: 6,
        col: 3,
        message: 'every criterion has weight 0, so no total can be formed',
        hint: 'give at least one criterion a weight above 0',
      },
    ]);
  });

  it('a gate above a band or requiring a level that is not there, with the nearest name or the list', () => {
    const gated = (gate: string) => [...CRITERION, '    gates:', `      - ${gate}`];
    expect(errors(matrix({ criteria: gated('{above: god, requires: yes}') }))).toEqual([
      { code: 'UNKNOWN_BAND', path: 'criteria[0].gates[0].above', line: 13, col: 17, message: 'no verdict band `god`', hint: 'did you mean `good`?' },
    ]);
    expect(errors(matrix({ criteria: gated('{above: excellent, requires: yes}') }))[0]).toMatchObject({ code: 'UNKNOWN_BAND', hint: 'bands: good, bad' });
    expect(errors(matrix({ criteria: gated('{above: good, requires: yess}') }))).toEqual([
      { code: 'UNKNOWN_LEVEL', path: 'criteria[0].gates[0].requires', line: 13, col: 33, message: 'c has no level `yess`', hint: 'did you mean `yes`?' },
    ]);
    expect(errors(matrix({ criteria: gated('{above: good, requires: maybe}') }))[0]).toMatchObject({ code: 'UNKNOWN_LEVEL', hint: 'levels: yes, no' });
  });

  it('a level without when above the last, a level scoring more than the one above, and levels that all score the same', () => {
    const open = [...CRITERION.slice(0, 4), '      - {label: yes, score: 1}', '      - {label: no, score: 0}'];
    expect(errors(matrix({ criteria: open }))).toEqual([
      {
        code: 'LEVEL_ORDER',
        path: 'criteria[0].levels[0]',
        line: 10,
        col: 9,
        message: 'level `yes` has no `when`, so it always matches and the levels below it are never reached',
        hint: 'only the lowest level may go without `when`',
      },
    ]);
    const rising = [...CRITERION.slice(0, 4), '      - {label: yes, score: 1, when: {some: {type: meeting}}}', '      - {label: no, score: 2}'];
    expect(errors(matrix({ criteria: rising }))).toEqual([
      {
        code: 'LEVEL_ORDER',
        path: 'criteria[0].levels[1].score',
        line: 11,
        col: 28,
        message: 'level `no` scores 2, more than `yes` above it (1)',
        hint: 'list levels best first',
      },
    ]);
    const flat = [...CRITERION.slice(0, 4), '      - {label: yes, score: 1, when: {some: {type: meeting}}}', '      - {label: no, score: 1}'];
    expect(errors(matrix({ criteria: flat }))).toEqual([
      {
        code: 'FLAT_SCALE',
        path: 'criteria[0].levels',
        line: 10,
        col: 7,
        message: 'every level of c scores 1, so its weight cannot change the total',
        hint: 'give the levels different scores, or the criterion weight 0 to show it without counting it',
      },
    ]);
    // The same score twice is no rise; a flat scale of weight 0 counts for nothing and may stand.
    const even = [
      ...CRITERION.slice(0, 4),
      '      - {label: yes, score: 1, when: {some: {type: meeting}}}',
      '      - {label: so, score: 1, when: {some: {type: summit}}}',
      '      - {label: no, score: 0}',
    ];
    expect(check(matrix({ criteria: even })).diagnostics).toEqual([]);
    const shown = [...flat.map((line) => line.replace('weight: 1', 'weight: 0')), ...CRITERION.map((l) => l.replace('id: c', 'id: d'))];
    expect(check(matrix({ criteria: shown })).diagnostics).toEqual([]);
  });

  it('bands listed worst first, as one error naming them best first', () => {
    expect(errors(matrix({ bands: ['verdicts:', '  - {label: bad, min: 0}', '  - {label: ok, min: 20}', '  - {label: good, min: 50}'] }))).toEqual([
      {
        code: 'BAND_ORDER',
        path: 'verdicts[0].min',
        line: 13,
        col: 23,
        message: 'the verdict bands run from worst to best',
        hint: 'list them best first: good (50), ok (20), bad (0)',
      },
    ]);
  });

  it('a band not starting below the one before it, equal included', () => {
    expect(
      errors(
        matrix({ bands: ['verdicts:', '  - {label: good, min: 50}', '  - {label: ok, min: 50}', '  - {label: fair, min: 60}', '  - {label: bad, min: 0}'] }),
      ),
    ).toEqual([
      {
        code: 'BAND_ORDER',
        path: 'verdicts[1].min',
        line: 14,
        col: 22,
        message: 'band `ok` starts at 50, not below `good` (50)',
        hint: 'list bands best first, each starting lower than the one before',
      },
      {
        code: 'BAND_ORDER',
        path: 'verdicts[2].min',
        line: 15,
        col: 24,
        message: 'band `fair` starts at 60, not below `ok` (50)',
        hint: 'list bands best first, each starting lower than the one before',
      },
    ]);
  });

  it('a last band above 0, unless a band starting at 0 stands elsewhere', () => {
    expect(errors(matrix({ bands: ['verdicts:', '  - {label: good, min: 50}', '  - {label: ok, min: 10}'] }))).toEqual([
      {
        code: 'BAND_ORDER',
        path: 'verdicts[1].min',
        line: 14,
        col: 22,
        message: 'the last band `ok` starts at 10, so totals below it get no verdict',
        hint: 'make the last band start at 0',
      },
    ]);
    expect(
      errors(matrix({ bands: ['verdicts:', '  - {label: good, min: 50}', '  - {label: bad, min: 0}', '  - {label: ok, min: 10}'] })).map((d) => d.message),
    ).toEqual(['band `ok` starts at 10, not below `bad` (0)']);
    expect(check(matrix({ bands: ['verdicts:', '  - {label: all, min: 0}'] })).diagnostics).toEqual([]);
  });
});
