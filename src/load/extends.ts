import { resolve } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { bundledFile, bundledIds } from './bundled.js';
import { confinedFile } from './confined-file.js';
import { didYouMean } from '../suggest.js';
import type { Checked } from './load-document.js';
import type { BaseMatrix, ExtendsInfo, Override } from '../provenance.js';
import { filesOnly, readInputFile } from './read-input.js';
import { parseYamlDocument, type DataPath, type ParsedDocument, type Position } from './yaml-document.js';

// `extends: <bundled id or path>` makes a matrix a set of changes to another: its criteria are
// merged by id (each key it gives replaces the base's), other top-level keys replace the base's,
// and golden `tests` are never inherited (other weights need other expectations). The merged
// data is then checked like any matrix, and every position in it leads back to the file the
// part came from: an error in an inherited level points into the base.

const MAX_DEPTH = 16;

/** A matrix's data, or a part of it, as merged key by key: it is schema-checked once merged. */
type MatrixData = Record<string, unknown>;

/**
 * Runs `check` on the matrix as merged with the matrices it extends (or as it is, when it extends
 * none), and adds where it came from to the value.
 */
export function withBase<T extends object>(
  doc: ParsedDocument,
  maxBytes: number,
  check: (merged: ParsedDocument) => Checked<T>,
): Checked<T & { readonly extends?: ExtendsInfo }> {
  const resolved = resolveExtends(doc, [], maxBytes);
  if (!resolved.value) return { diagnostics: resolved.diagnostics };
  const { merged, info } = resolved.value;
  const checked = check(merged);
  if (!info || checked.value === undefined) return checked;
  return { ...checked, value: { ...checked.value, extends: info } };
}

interface Resolved {
  readonly merged: ParsedDocument;
  readonly info?: ExtendsInfo;
}

function isMapping(value: unknown): value is MatrixData {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function resolveExtends(doc: ParsedDocument, chain: readonly string[], maxBytes: number): Checked<Resolved> {
  const data = doc.data;
  if (!isMapping(data) || !('extends' in data)) return { value: { merged: doc }, diagnostics: [] };
  const problem = (code: Diagnostic['code'], message: string, hint?: string, path: DataPath = ['extends']): Checked<Resolved> => ({
    diagnostics: [{ severity: 'error', code, file: doc.file, ...doc.locate(path), path: path.join('.'), message, ...(hint && { hint }) }],
  });
  const target = data['extends'];
  if (typeof target !== 'string' || target.length === 0 || target === '-')
    return problem('WRONG_TYPE', '`extends` must name a matrix: a bundled id or a path', 'extends: lewis-2015');
  if (typeof data['id'] !== 'string') return problem('MISSING_KEY', 'a matrix that extends another needs an `id` of its own', undefined, []);

  // A matrix may extend a bundled matrix or a regular file in its own folder tree (real paths,
  // symlinks resolved: src/load/confined-file.ts), never an arbitrary file. A bundled id names
  // the bundled matrix even when a file of that name lies beside (bundledOrPath, bundled.ts).
  const bundled = bundledFile('matrix', target);
  let baseFile: string;
  if (bundled !== undefined) baseFile = bundled;
  else {
    if (doc.file === '<stdin>')
      return problem(
        'EXTENDS_PATH',
        `extends \`${target}\`: a matrix read on stdin has no folder to find it in`,
        'name a bundled matrix id, or give the matrix as a file',
      );
    const found = confinedFile(target, doc.file);
    if (found.kind === 'outside')
      return problem(
        'EXTENDS_PATH',
        `extends \`${target}\` is outside the matrix's folder`,
        'name a bundled matrix id, or a file in the same folder or below it',
      );
    if (found.kind === 'not-a-file') return problem('EXTENDS_PATH', `extends \`${target}\` is not a regular file`, 'name a matrix file');
    if (found.kind === 'missing') {
      const hint = /^[a-z0-9][a-z0-9-]*$/.test(target)
        ? (didYouMean(target, bundledIds('matrix')) ?? `bundled: ${bundledIds('matrix').join(', ')}`)
        : undefined;
      return problem('FILE_NOT_FOUND', `extends \`${target}\`: no such file${hint ? ', and no bundled matrix with that id' : ''}`, hint);
    }
    baseFile = found.path;
  }
  const here = doc.file === '<stdin>' ? doc.file : resolve(doc.file);
  const key = resolve(baseFile);
  if ([...chain, here].includes(key)) {
    return problem(
      'EXTENDS_CYCLE',
      `extends goes round in a circle: ${[...chain, here, key].map((file) => file.split(/[\\/]/).pop()).join(' -> ')}`,
      'a matrix cannot extend itself, directly or through others',
    );
  }
  if (chain.length >= MAX_DEPTH) return problem('OUT_OF_RANGE', `extends goes more than ${MAX_DEPTH} matrices deep`);

  let baseDoc: ParsedDocument;
  let sha256: string;
  try {
    const input = readInputFile(baseFile, filesOnly(maxBytes));
    sha256 = input.sha256;
    const parsed = parseYamlDocument(input.file, input.text);
    if (Array.isArray(parsed)) return { diagnostics: parsed };
    baseDoc = parsed;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { diagnostics: error.diagnostics };
  }
  const base = resolveExtends(baseDoc, [...chain, here], maxBytes);
  if (!base.value) return base;
  const baseData = base.value.merged.data;
  if (!isMapping(baseData)) return problem('NOT_A_MAPPING', `the matrix it extends (${baseFile}) is not a mapping`);

  const { merged, overrides } = merge(doc, base.value.merged);
  const self: BaseMatrix = { id: String(baseData['id']), version: String(baseData['version']), file: baseDoc.file, sha256 };
  return { value: { merged, info: { bases: [self, ...(base.value.info?.bases ?? [])], overrides } }, diagnostics: [] };
}

const NOT_INHERITED = new Set(['tests']);

function merge(child: ParsedDocument, base: ParsedDocument): { merged: ParsedDocument; overrides: Override[] } {
  const own = child.data as MatrixData;
  const inherited = base.data as MatrixData;
  const data: MatrixData = {};
  const overrides: Override[] = [];
  const criterionOverrides: Override[] = [];
  // The parser refuses __proto__ and the like already; a merge must not be the way round that.
  const copy = (key: string) => key !== '__proto__' && key !== 'constructor' && key !== 'prototype';
  for (const key of Object.keys(inherited)) if (copy(key) && !NOT_INHERITED.has(key) && key !== 'extends') data[key] = inherited[key];
  for (const key of Object.keys(own)) if (copy(key)) data[key] = own[key];

  // Each merged criterion remembers where it stands in the child and in the base.
  const origins: { child?: number; base?: number }[] = [];
  const baseCriteria = Array.isArray(inherited['criteria']) ? (inherited['criteria'] as unknown[]) : undefined;
  const ownCriteria = Array.isArray(own['criteria']) ? (own['criteria'] as unknown[]) : undefined;
  if (baseCriteria && (ownCriteria || !('criteria' in own))) {
    const criteria: unknown[] = baseCriteria.map((item, i) => (origins.push({ base: i }), item));
    const idOf = (item: unknown) => (isMapping(item) && typeof item['id'] === 'string' ? item['id'] : undefined);
    (ownCriteria ?? []).forEach((item, i) => {
      const id = idOf(item);
      const at = id === undefined ? -1 : baseCriteria.findIndex((candidate) => idOf(candidate) === id);
      if (at >= 0 && isMapping(item)) {
        const before = baseCriteria[at] as MatrixData;
        criteria[at] = Object.fromEntries([...Object.entries(before), ...Object.entries(item)].filter(([key]) => copy(key)));
        origins[at] = { child: i, base: at };
        for (const key of Object.keys(item)) {
          if (key !== 'id' && !sameValue(before[key], item[key]))
            criterionOverrides.push(describe(`criteria.${id}.${key}`, key in before, before[key], item[key]));
        }
      } else {
        criteria.push(item);
        origins.push({ child: i });
        criterionOverrides.push({ path: `criteria.${id ?? i}`, change: 'added' });
      }
    });
    data['criteria'] = criteria;
  }
  // Declared fields merge by name, and each declaration key by key: a child can say only `absent`.
  const baseFields = isMapping(inherited['fields']) ? inherited['fields'] : undefined;
  const ownFields = isMapping(own['fields']) ? own['fields'] : undefined;
  const fieldOverrides: Override[] = [];
  if (baseFields && ownFields) {
    const fields: MatrixData = { ...baseFields };
    for (const [name, declaration] of Object.entries(ownFields)) {
      if (!copy(name)) continue;
      const before = baseFields[name];
      if (isMapping(before) && isMapping(declaration)) {
        fields[name] = Object.fromEntries([...Object.entries(before), ...Object.entries(declaration)].filter(([key]) => copy(key)));
        for (const key of Object.keys(declaration)) {
          if (!sameValue(before[key], declaration[key])) fieldOverrides.push(describe(`fields.${name}.${key}`, key in before, before[key], declaration[key]));
        }
      } else {
        fields[name] = declaration;
        fieldOverrides.push(describe(`fields.${name}`, name in baseFields, before, declaration));
      }
    }
    data['fields'] = fields;
  }
  for (const key of Object.keys(own)) {
    if (key === 'criteria' && data['criteria'] !== own['criteria']) overrides.push(...criterionOverrides);
    if (key === 'fields' && baseFields && ownFields) {
      overrides.push(...fieldOverrides);
      continue;
    }
    if (key === 'id' || key === 'extends' || key === 'criteria' || NOT_INHERITED.has(key)) continue;
    if (!sameValue(inherited[key], own[key])) overrides.push(describe(key, key in inherited, inherited[key], own[key]));
  }

  const locate = (path: DataPath, options?: { key?: boolean }): Position => {
    const from = (doc: ParsedDocument, at: DataPath): Position => ({ file: doc.file, ...doc.locate(at, options) }) as Position;
    const [top, index, field] = path;
    if (top === 'criteria' && typeof index === 'number' && origins.length > 0) {
      const origin = origins[index];
      const rest = path.slice(2);
      if (origin?.child !== undefined) {
        const item = ownCriteria?.[origin.child];
        const childHas = field === undefined || origin.base === undefined || (isMapping(item) && String(field) in item);
        if (childHas) return from(child, ['criteria', origin.child, ...rest]);
      }
      if (origin?.base !== undefined) return from(base, ['criteria', origin.base, ...rest]);
      return from(child, path);
    }
    if (top === 'fields' && index !== undefined && baseFields && ownFields) {
      const declaration = ownFields[String(index)];
      const childHas = String(index) in ownFields && (field === undefined || !isMapping(declaration) || String(field) in declaration);
      return childHas ? from(child, path) : from(base, path);
    }
    if (top !== undefined && !(String(top) in own) && String(top) in inherited) return from(base, path);
    return from(child, path);
  };
  return { merged: { file: child.file, data, locate }, overrides };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function describe(path: string, inBase: boolean, from: unknown, to: unknown): Override {
  if (!inBase) return { path, change: 'added' };
  const scalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (scalar(from) && scalar(to)) return { path, change: 'changed', from: from as Override['from'], to: to as Override['to'] };
  return { path, change: 'replaced' };
}
