// `extends:` on its own: the merge of a matrix with the file it extends (criteria by id, fields by
// name, each key by key), the changes it names, where each part of the merged matrix points, and
// every way a base can be refused. Matrices are written to a temporary folder.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type Diagnostic } from '../../src/diagnostics.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';
import { loadMatrix, type LoadedMatrix } from '../../src/load/load-matrix.js';
import { matrixText } from '../helpers/matrix-text.js';

const BASE = matrixText({
  fields: '  level: {type: string, values: {leaders: Heads., ministerial: Ministers.}}',
  levels: '      - {label: high, score: 1, when: {some: {field: level, equals: leaders}}}\n      - {label: low, score: 0}',
});

const CHILD = `extends: base.yaml
id: child
version: "2"
criteria:
  - id: c
    weight: 2
  - id: d
    title: D
    weight: 1
    levels:
      - {label: "yes", score: 1, when: {some: {type: talks}}}
      - {label: "no", score: 0}
fields:
  level: {absent: false}
  topic: {type: string}
verdicts:
  - {label: good, min: 60}
  - {label: bad, min: 0}
`;

function folder(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'extends-')));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const load = (file: string, text: string): LoadedMatrix => loadMatrix({ file, text, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES });

function refused(file: string, text: string): Diagnostic[] {
  try {
    load(file, text);
  } catch (error) {
    if (error instanceof InputError) return [...error.diagnostics];
    throw error;
  }
  return [];
}

describe('a matrix that extends another', () => {
  it('merges criteria by id and fields by name, key by key, and keeps the rest of the base', () => {
    const dir = folder({ 'base.yaml': BASE });
    const { matrix } = load(join(dir, 'child.yaml'), CHILD);
    expect(matrix).toMatchObject({ id: 'child', version: '2', title: 'M' });
    expect(matrix.criteria.map((c) => [c.id, c.title, c.weight, c.levels.map((l) => l.label)])).toEqual([
      ['c', 'C', 2, ['high', 'low']],
      ['d', 'D', 1, ['yes', 'no']],
    ]);
    expect(matrix.fields!['level']).toMatchObject({ type: 'string', absent: { kind: 'false' } });
    expect(matrix.fields!['level']!.values!.map((v) => v.value)).toEqual(['leaders', 'ministerial']);
    expect(matrix.fields!['topic']).toMatchObject({ type: 'string', absent: { kind: 'unknown' } });
    expect(matrix.verdicts.map((v) => v.min)).toEqual([60, 0]);
  });

  it('names its base and each change, in the order the matrix says them', () => {
    const dir = folder({ 'base.yaml': BASE });
    const { extends: info } = load(join(dir, 'child.yaml'), CHILD);
    expect(info).toEqual({
      bases: [{ id: 'm', version: '1', file: join(dir, 'base.yaml'), sha256: createHash('sha256').update(BASE).digest('hex') }],
      overrides: [
        { path: 'version', change: 'changed', from: '1', to: '2' },
        { path: 'criteria.c.weight', change: 'changed', from: 1, to: 2 },
        { path: 'criteria.d', change: 'added' },
        { path: 'fields.level.absent', change: 'added' },
        { path: 'fields.topic', change: 'added' },
        { path: 'verdicts', change: 'replaced' },
      ],
    });
  });

  it('names no change for a key given the value the base has', () => {
    const dir = folder({ 'base.yaml': BASE });
    const same = 'extends: base.yaml\nid: same\ntitle: M\ncriteria:\n  - id: c\n    weight: 1\nfields:\n  level: {type: string}\n';
    expect(load(join(dir, 'same.yaml'), same).extends!.overrides).toEqual([]);
  });

  it('takes the base criteria and fields whole when it gives none, and says nothing of a matrix that extends none', () => {
    const dir = folder({ 'base.yaml': BASE });
    const { matrix, extends: info } = load(join(dir, 'bare.yaml'), 'extends: base.yaml\nid: bare\n');
    expect(matrix.criteria.map((c) => c.id)).toEqual(['c']);
    expect(Object.keys(matrix.fields!)).toEqual(['level']);
    expect(info!.overrides).toEqual([]);
    expect(load(join(dir, 'base.yaml'), BASE).extends).toBeUndefined();
  });

  it('points each part of the merged matrix into the file that says it', () => {
    const dir = folder({ 'base.yaml': BASE });
    const child = join(dir, 'child.yaml');
    const base = join(dir, 'base.yaml');
    const { matrix } = load(child, CHILD);
    // Criterion c is given in the child (line 5); its levels only in the base (line 11 of BASE).
    expect(matrix.criteria[0]!.location).toMatchObject({ file: child, line: 5 });
    expect(matrix.criteria[0]!.levels[0]!.location).toMatchObject({
      file: base,
      line: BASE.split('\n').indexOf('      - {label: high, score: 1, when: {some: {field: level, equals: leaders}}}') + 1,
    });
    expect(matrix.criteria[1]!.levels[0]!.location).toMatchObject({ file: child, line: 11 });
    expect(matrix.fields!['level']!.location).toMatchObject({ file: child, line: 14 });
  });

  it('places a problem of an inherited part in the base, and of a part it gives in its own file', () => {
    const dir = folder({ 'base.yaml': BASE });
    const child = join(dir, 'child.yaml');
    // A gate naming a band neither file has: the key is the child's.
    const gated = CHILD.replace('    weight: 2\n', '    weight: 2\n    gates: [{above: grand, requires: high}]\n');
    expect(refused(child, gated).map(({ code, file, line }) => ({ code, file, line }))).toEqual([{ code: 'UNKNOWN_BAND', file: child, line: 7 }]);
    // The child makes `level` a number field: the values the base declares for it (line 7 of
    // BASE, after five lines of head and `fields:`) are then not numbers, and are the base's.
    const retyped = CHILD.replace('  level: {absent: false}\n', '  level: {type: number}\n');
    expect(refused(child, retyped).map(({ code, file, line }) => ({ code, file, line }))).toEqual([
      { code: 'WRONG_TYPE', file: join(dir, 'base.yaml'), line: 7 },
      { code: 'WRONG_TYPE', file: join(dir, 'base.yaml'), line: 7 },
    ]);
  });

  it('keeps a field of the base the matrix does not name, and places a criterion it adds first at its own place', () => {
    const base = BASE.replace('fields:\n', 'fields:\n  rank: {type: number}\n');
    const dir = folder({ 'base.yaml': base });
    const child = join(dir, 'child.yaml');
    // d is the child's first criterion and the merged matrix's second (after the base's c).
    const text = [
      'extends: base.yaml',
      'id: child',
      'criteria:',
      '  - id: d',
      '    title: D',
      '    weight: 1',
      '    levels: [{label: "yes", score: 1, when: {some: {type: talks}}}, {label: "no", score: 0}]',
      '  - id: c',
      '    weight: 2',
      'fields:',
      '  level: {absent: false}',
      '',
    ].join('\n');
    const { matrix } = load(child, text);
    expect(Object.keys(matrix.fields!).sort()).toEqual(['level', 'rank']);
    expect(matrix.criteria.map((c) => c.id)).toEqual(['c', 'd']);
    expect(matrix.criteria[1]!.location).toMatchObject({ file: child, line: 4 });
    expect(matrix.criteria[0]!.location).toMatchObject({ file: child, line: 8 });
  });

  it('follows a chain of bases, nearest first', () => {
    const dir = folder({ 'base.yaml': BASE, 'middle.yaml': 'extends: base.yaml\nid: middle\nversion: "1.5"\n' });
    const { extends: info } = load(join(dir, 'top.yaml'), 'extends: middle.yaml\nid: top\n');
    expect(info!.bases.map((b) => [b.id, b.version, b.file])).toEqual([
      ['middle', '1.5', join(dir, 'middle.yaml')],
      ['m', '1', join(dir, 'base.yaml')],
    ]);
  });
});

describe('extends refuses', () => {
  const one = (file: string, text: string) =>
    refused(file, text).map(({ code, line, col, message, hint }) => ({ code, line, col, message, ...(hint && { hint }) }));

  it.each([
    ['a number', 'extends: 5\nid: x\n'],
    ['an empty name', 'extends: ""\nid: x\n'],
    ['stdin', 'extends: "-"\nid: x\n'],
  ])('%s for what it extends, at the value', (_name, text) => {
    const dir = folder({});
    expect(one(join(dir, 'x.yaml'), text)).toEqual([
      { code: 'WRONG_TYPE', line: 1, col: 10, message: '`extends` must name a matrix: a bundled id or a path', hint: 'extends: lewis-2015' },
    ]);
  });

  it('a document that is no mapping, as a matrix refused for that, not a crash', () => {
    const dir = folder({});
    expect(refused(join(dir, 'x.yaml'), '~\n').length).toBeGreaterThan(0);
  });

  it("a path outside the matrix's folder", () => {
    const dir = folder({});
    expect(one(join(dir, 'x.yaml'), 'extends: ../x.yaml\nid: x\n')).toEqual([
      {
        code: 'EXTENDS_PATH',
        line: 1,
        col: 10,
        message: "extends `../x.yaml` is outside the matrix's folder",
        hint: 'name a bundled matrix id, or a file in the same folder or below it',
      },
    ]);
  });

  it('a matrix without an id of its own', () => {
    const dir = folder({ 'base.yaml': BASE });
    expect(refused(join(dir, 'x.yaml'), 'extends: base.yaml\ntitle: X\n').map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      { code: 'MISSING_KEY', path: '', message: 'a matrix that extends another needs an `id` of its own' },
    ]);
  });

  it('a path from a matrix read on stdin', () => {
    expect(one('<stdin>', 'extends: base.yaml\nid: x\n')).toEqual([
      {
        code: 'EXTENDS_PATH',
        line: 1,
        col: 10,
        message: 'extends `base.yaml`: a matrix read on stdin has no folder to find it in',
        hint: 'name a bundled matrix id, or give the matrix as a file',
      },
    ]);
  });

  it('a folder, or a file that is not there', () => {
    const dir = folder({});
    mkdirSync(join(dir, 'sub'));
    expect(one(join(dir, 'x.yaml'), 'extends: sub\nid: x\n')).toEqual([
      { code: 'EXTENDS_PATH', line: 1, col: 10, message: 'extends `sub` is not a regular file', hint: 'name a matrix file' },
    ]);
    expect(one(join(dir, 'x.yaml'), 'extends: base.yml\nid: x\n')).toEqual([
      { code: 'FILE_NOT_FOUND', line: 1, col: 10, message: 'extends `base.yml`: no such file' },
    ]);
    // A name that could be a bundled id, close to none: the bundled ids are listed (matrices/*.yaml, not the tests file).
    const [missing] = one(join(dir, 'x.yaml'), 'extends: zzzz-zzzz\nid: x\n');
    expect(missing!.message).toBe('extends `zzzz-zzzz`: no such file, and no bundled matrix with that id');
    expect(missing!.hint).toMatch(/^bundled: /);
    expect(missing!.hint!.slice('bundled: '.length).split(', ').sort()).toEqual(
      ['critics-2015', 'g20-compliance', 'lewis-2015', 'lewis-2015-v1', 'summit-deliverables', 'summit-deliverables-v1'].sort(),
    );
  });

  it('a matrix that extends itself, directly or through another', () => {
    const dir = folder({ 'a.yaml': 'extends: b.yaml\nid: a\n', 'b.yaml': 'extends: a.yaml\nid: b\n', 'self.yaml': 'extends: self.yaml\nid: self\n' });
    expect(one(join(dir, 'a.yaml'), 'extends: b.yaml\nid: a\n')).toEqual([
      {
        code: 'EXTENDS_CYCLE',
        line: 1,
        col: 10,
        message: 'extends goes round in a circle: a.yaml -> b.yaml -> a.yaml',
        hint: 'a matrix cannot extend itself, directly or through others',
      },
    ]);
    expect(one(join(dir, 'self.yaml'), 'extends: self.yaml\nid: self\n').map((d) => d.message)).toEqual([
      'extends goes round in a circle: self.yaml -> self.yaml',
    ]);
  });

  it('a chain more than 16 matrices deep, and not one of 16', () => {
    // m1 extends m2, ... the last extends base.yaml: with 16 of them, base.yaml is the 17th matrix read.
    const chain = (n: number) => {
      const files: Record<string, string> = { 'base.yaml': BASE };
      for (let i = 1; i <= n; i++) files[`m${i}.yaml`] = `extends: ${i === n ? 'base.yaml' : `m${i + 1}.yaml`}\nid: m${i}\n`;
      return folder(files);
    };
    const sixteen = chain(16);
    expect(load(join(sixteen, 'm1.yaml'), 'extends: m2.yaml\nid: m1\n').extends!.bases).toHaveLength(16);
    const seventeen = chain(17);
    expect(refused(join(seventeen, 'm1.yaml'), 'extends: m2.yaml\nid: m1\n').map(({ code, file, message }) => ({ code, file, message }))).toEqual([
      { code: 'OUT_OF_RANGE', file: join(seventeen, 'm17.yaml'), message: 'extends goes more than 16 matrices deep' },
    ]);
  });

  it('a base that does not parse, or is not a mapping', () => {
    const dir = folder({ 'broken.yaml': 'id: [\n', 'list.yaml': '- a\n- b\n' });
    expect(refused(join(dir, 'x.yaml'), 'extends: broken.yaml\nid: x\n').map(({ code, file }) => ({ code, file }))).toEqual([
      { code: 'YAML_SYNTAX', file: join(dir, 'broken.yaml') },
    ]);
    expect(one(join(dir, 'x.yaml'), 'extends: list.yaml\nid: x\n')).toEqual([
      { code: 'NOT_A_MAPPING', line: 1, col: 10, message: `the matrix it extends (${join(dir, 'list.yaml')}) is not a mapping` },
    ]);
  });
});
