// The comparison of the compiled explainer with the reference one (test/engine/oracle/), short
// enough for a mutation run to repeat for every mutant of src/engine/explainer.ts and
// evaluate.ts: a few hundred random cases under another seed than the full run's
// (test/engine/perf/explainer.test.ts, 3,000 a reading), and every bundled matrix scored as of
// no date, the summit's and the record's first event's.
import { describe, expect, it } from 'vitest';
import { MATRICES } from '../research/helpers.js';
import { checkCellsOfMatrix, checkRandomConditions } from './oracle/explainer-check.js';

describe('the compiled explainer, a short run', () => {
  it.each([
    ['without a fields block (absence fails)', undefined],
    ['with fields declared (absence is unknown)', {}],
  ] as const)('agrees with the reference on 300 random conditions, %s', (_name, fields) => {
    const { checked, ties } = checkRandomConditions(11, 300, fields);
    expect(checked).toBeGreaterThan(600);
    expect(ties).toBeGreaterThan(0);
  });

  it.each(MATRICES)('gives the reference evidence and explanations for matrix %s as of no date, the summit and the first event', (matrixId) => {
    checkCellsOfMatrix(matrixId, (dates) => dates.slice(0, 1));
  });
});
