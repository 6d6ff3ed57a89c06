import { AGGREGATION_METHODS, verdictSources, type Cell, type CriterionResult, type Evidence } from '../engine/index.js';
import { round2, hundredths } from './numbers.js';
import { projectGrid } from './grid-json.js';
import { projectMatrix } from './research.js';
import type { Formatter, RecordResult } from './report.js';

export const EVALUATION_SCHEMA_ID = 'summit-score/evaluation@1';

/**
 * The documented JSON contract (schema `summit-score/evaluation@1`). Every field is projected
 * explicitly, so internal fields never leak into it and key order never changes.
 */
export const formatJson: Formatter = (report) => {
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
    results: report.results.map(projectResult),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};

/** One record's result as the JSON output gives it (and each line of the NDJSON output). */
export function projectResult({ file, sha256, result }: RecordResult) {
  // An event is evidence for many criteria (the engine hands the same evidence object to each): projected once.
  const projected = new Map<Evidence, ReturnType<typeof projectEvidence>>();
  const project = (evidence: Evidence) => {
    let item = projected.get(evidence);
    if (!item) projected.set(evidence, (item = projectEvidence(evidence)));
    return item;
  };
  return {
    record: { id: result.record.id, title: result.record.title, date: result.record.date, file, sha256 },
    asOf: result.asOf,
    score: result.score === null ? null : hundredths(result.score),
    band: result.band,
    verdict: result.verdict,
    gates: result.gates.map((gate) => ({ ...gate })),
    criteria: result.criteria.map((criterion) => projectCriterion(criterion, project)),
    grid: projectGrid(result.grid),
    sources: verdictSources(result).map(({ citation, events }) => ({
      url: citation.url ?? null,
      title: citation.title ?? null,
      publisher: citation.publisher ?? null,
      date: citation.date ?? null,
      verified: citation.verified,
      events,
    })),
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
    level: projectLevel(criterion),
    points: criterion.points === null ? null : round2(criterion.points),
    evidence: criterion.evidence.map(project),
    explanation: projectExplanation(criterion),
    maxPoints: criterion.maxPoints,
    contribution: round2(criterion.contribution),
    parties:
      criterion.parties &&
      criterion.parties.map((cell) => ({
        party: cell.party,
        applicable: cell.applicable,
        level: projectLevel(cell),
        points: cell.points === null ? null : round2(cell.points),
        evidence: cell.evidence.map(project),
        explanation: projectExplanation(cell),
      })),
  };
}

function projectLevel(cell: Cell) {
  return cell.level && { label: cell.level.label, score: cell.level.score };
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
