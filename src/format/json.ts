import { AGGREGATION_METHODS, verdictSources, type Cell, type CriterionResult, type Evidence, type LevelRef, type VerdictSource } from '../engine/index.js';
import { hundredths, round2 } from './numbers.js';
import { projectGrid } from './grid-json.js';
import { projectMatrix } from './research.js';
import type { Formatter } from './formatter.js';
import { JsonFields, PLAIN, STREAMED, writeIndentedJson, type Shape } from './json-text.js';
import type { EvaluationReport, RecordResult } from './report.js';

export const EVALUATION_SCHEMA_ID = 'summit-score/evaluation@2';

/**
 * The documented JSON contract (schema `summit-score/evaluation@2`: @1 plus the intervals and
 * what is unknown: `scoreRange`, `verdicts`, `undetermined`, `unknown`, and per cell `levelRange`,
 * `pointsRange` and `unknown`). Every field is projected
 * explicitly, so internal fields never leak into it and key order never changes.
 */
export const formatJson: Formatter<EvaluationReport> = (report) => {
  const pieces: string[] = [];
  writeJson(report, (piece) => pieces.push(piece));
  return pieces.join('');
};

/**
 * `evaluate -f json` as the writer takes it: the text of formatJson piece by piece, each result
 * projected criterion by criterion as its text is written (src/format/json-text.ts), so that
 * neither the projection nor the text (70 MB for 2,000 commitments x 21 members) is ever whole.
 */
export const streamedJson = (report: EvaluationReport) => ({ write: (put: (piece: string) => void) => writeJson(report, put) });

function writeJson(report: EvaluationReport, put: (piece: string) => void): void {
  const { definition: matrix } = report.matrix;
  const document = {
    schema: EVALUATION_SCHEMA_ID,
    tool: { name: report.tool.name, version: report.tool.version },
    matrix: {
      id: matrix.id,
      title: matrix.title,
      version: matrix.version,
      file: report.matrix.file,
      sha256: report.matrix.sha256,
      extends: projectMatrix(report.matrix).extends,
      source: matrix.source,
      aggregation: { method: matrix.aggregation, description: AGGREGATION_METHODS[matrix.aggregation] },
    },
    asOf: report.asOf,
    results: STREAMED.list(report.results, (result) => projectResult(result, STREAMED)),
  };
  writeIndentedJson(new JsonFields(document), put);
  put('\n');
}

/** One record's result as the JSON output gives it (and each line of the NDJSON output). */
export function projectResult(result: RecordResult, shape: Shape = PLAIN) {
  return shape.fields(resultFields(result, shape));
}

/** The fields of projectResult, for a line of NDJSON to put its own before them. */
export function resultFields({ file, sha256, result }: RecordResult, shape: Shape) {
  // An event is evidence for many criteria (the engine hands the same evidence object to each):
  // in a tree, projected once and shared. Streamed, each criterion's projection dies as soon as its
  // text is made, and a cache would keep every one alive to the end of the result instead (22 MB
  // of a compliance record of 2,000 commitments x 21 members, one evidence item per cell).
  const projected = new Map<Evidence, ReturnType<typeof projectEvidence>>();
  const project = shape.tree
    ? (evidence: Evidence) => {
        let item = projected.get(evidence);
        if (!item) projected.set(evidence, (item = projectEvidence(evidence)));
        return item;
      }
    : projectEvidence;
  return {
    record: { id: result.record.id, title: result.record.title, date: result.record.date, file, sha256 },
    asOf: result.asOf,
    score: result.score === null ? null : hundredths(result.score),
    scoreRange: result.scoreRange && { low: hundredths(result.scoreRange.low), high: hundredths(result.scoreRange.high) },
    band: result.band,
    verdict: result.verdict,
    verdicts: result.verdicts,
    undetermined: result.undetermined,
    unknown: {
      share: Number(result.unknown.share.toFixed(6)),
      criteria: result.unknown.criteria,
      // With --explain: what each declared value of each open fact would make of its result.
      settlements: (result.settlements ?? []).map((s) => ({ criterion: s.criterion, event: s.fact.event, field: s.fact.field, outcomes: s.outcomes })),
    },
    gates: result.gates.map((gate) => ({ ...gate })),
    criteria: shape.list(result.criteria, (criterion) => projectCriterion(criterion, project)),
    grid: projectGrid(result.grid, shape),
    // Worked out when the text reaches it, after the criteria: one source a cell in a compliance record.
    sources: shape.later(() => shape.list(verdictSources(result), projectSource)),
  };
}

/** A cited source as every JSON and HTML output names it. */
export function projectSource({ citation, events }: VerdictSource) {
  return {
    url: citation.url ?? null,
    title: citation.title ?? null,
    publisher: citation.publisher ?? null,
    date: citation.date ?? null,
    verified: citation.verified,
    events,
  };
}

type ProjectEvidence = (evidence: Evidence) => ReturnType<typeof projectEvidence>;

// Literals, not spreads of a shared cell projection: a spread copies an object per criterion and
// per party cell, and the NDJSON output projects thousands of results.
function projectCriterion(criterion: CriterionResult, project: ProjectEvidence) {
  return {
    id: criterion.id,
    criterion: criterion.criterion,
    subject: criterion.subject,
    title: criterion.title,
    weight: criterion.weight,
    applicable: criterion.applicable,
    level: projectLevel(criterion.level),
    levelRange: projectLevelRange(criterion),
    points: criterion.points === null ? null : round2(criterion.points),
    pointsRange: projectPointsRange(criterion, criterion.maxPoints),
    unknown: criterion.unknown.map(projectUnknown),
    evidence: criterion.evidence.map(project),
    explanation: projectExplanation(criterion),
    maxPoints: criterion.maxPoints,
    contribution: criterion.contribution === null ? null : round2(criterion.contribution),
    contributionRange: { low: round2(criterion.contributionRange.low), high: round2(criterion.contributionRange.high) },
    parties:
      criterion.parties &&
      criterion.parties.map((cell) => ({
        party: cell.party,
        applicable: cell.applicable,
        level: projectLevel(cell.level),
        levelRange: projectLevelRange(cell),
        points: cell.points === null ? null : round2(cell.points),
        pointsRange: projectPointsRange(cell, criterion.maxPoints),
        unknown: cell.unknown.map(projectUnknown),
        evidence: cell.evidence.map(project),
        explanation: projectExplanation(cell),
      })),
  };
}

function projectLevel(ref: LevelRef | null) {
  return ref && { label: ref.label, score: ref.score };
}

function projectLevelRange({ levelRange }: Cell) {
  return levelRange && { low: projectLevel(levelRange.low), high: projectLevel(levelRange.high) };
}

function projectPointsRange({ normalisedRange }: Cell, maxPoints: number) {
  return normalisedRange && { low: round2(normalisedRange.low * maxPoints), high: round2(normalisedRange.high * maxPoints) };
}

function projectUnknown(fact: Cell['unknown'][number]) {
  return { event: fact.event, field: fact.field, reason: fact.reason, value: fact.value ?? null, path: fact.path };
}

function projectExplanation({ explanation }: Cell) {
  return (
    explanation && {
      level: explanation.level ? { label: explanation.level.label, score: explanation.level.score } : null,
      path: explanation.failure.path,
      file: explanation.failure.location?.file ?? null,
      line: explanation.failure.location?.line ?? null,
      col: explanation.failure.location?.col ?? null,
      expected: explanation.failure.expected,
      actual: explanation.failure.actual,
      event: explanation.failure.event ?? null,
    }
  );
}

function projectEvidence(evidence: Evidence) {
  return {
    event: evidence.event,
    date: evidence.date,
    type: evidence.type,
    title: evidence.title ?? null,
    file: evidence.location?.file ?? null,
    line: evidence.location?.line ?? null,
    verified: evidence.sources.length > 0 && evidence.sources.every((source) => source.verified),
    sources: evidence.sources.map((source) => source.url ?? source.title ?? source.publisher ?? null),
  };
}
