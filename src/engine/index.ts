export * from './types.js';
export { dayNumber, formatDay } from './dates.js';
export { compileCondition, type Test } from './compile.js';
export { describeCondition, describeValue } from './describe.js';
export { explainCondition, type Failure, type Outcome } from './explain.js';
export { indexRecord, type RecordIndex } from './record-index.js';
export * from './evaluate.js';
export { buildGrid, formatAverage, roundHalfAway, type Grid, type GridAverage } from './grid.js';
export { evidenceOf, verdictSources, type VerdictSource } from './sources.js';
