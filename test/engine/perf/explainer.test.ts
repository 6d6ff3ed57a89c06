// The compiled explainer (src/engine/explainer.ts) must say exactly what the reference explaining
// evaluator (test/engine/oracle/explain.ts) says: the same decision, progress, witnesses in the
// same order, and the same failure, word for word. Checked on thousands of random conditions over
// random records built to have ties, chains of links, deadlines and parties; and evaluateRecord
// is checked against a scorer written with the reference on every bundled matrix and record.
// The checks are in test/engine/oracle/explainer-check.ts; test/engine/explainer-oracle.test.ts
// runs them shorter, for mutation runs.
import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord } from '../../../src/engine/index.js';
import { bundledMatrix, bundledRecord, MATRICES } from '../../research/helpers.js';
import { checkCellsOfMatrix, checkRandomConditions } from '../oracle/explainer-check.js';

describe('the compiled explainer', () => {
  // `fields: undefined` reads absence as failing (a matrix without `fields:`); `{}` declares
  // nothing, so every absent field is unknown: the three-valued semantics in full.
  it.each([
    ['without a fields block (absence fails)', undefined],
    ['with fields declared (absence is unknown)', {}],
  ] as const)('agrees with the reference explainer and the reference truth on random conditions and records, %s', (_name, fields) => {
    const { checked, ties } = checkRandomConditions(7, 3000, fields);
    expect(checked).toBeGreaterThan(6000);
    // The random conditions do reach the explanations with ties.
    expect(ties).toBeGreaterThan(10);
  });
});

describe('evaluateRecord with the compiled explainer', () => {
  it.each(MATRICES)('gives the reference evidence and explanations for matrix %s on every bundled record', (matrixId) => {
    checkCellsOfMatrix(matrixId, (dates) => dates.filter((_, i) => i % 3 === 0));
  });

  it('skips evidence and explanations when asked, and decides the same', () => {
    const compiled = compileMatrix(bundledMatrix('lewis-2015').matrix);
    const record = bundledRecord('us-china-2015-09');
    const full = evaluateRecord(compiled, record, { asOf: '2015-09-25' });
    const lean = evaluateRecord(compiled, record, { asOf: '2015-09-25', explain: false });
    expect(lean.score).toBe(full.score);
    expect(lean.verdict).toBe(full.verdict);
    expect(lean.criteria.map((c) => c.level)).toEqual(full.criteria.map((c) => c.level));
    expect(lean.criteria.every((c) => c.evidence.length === 0 && c.explanation === null)).toBe(true);
  });
});
