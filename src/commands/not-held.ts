import type { CaseResult } from '../engine/index.js';

/** Whether the run judges a record before its summit took place (--as-of earlier than its date). */
export function beforeSummit(result: CaseResult): boolean {
  return result.asOf < result.record.date;
}

/** The warning for a record judged before its summit. */
export function beforeSummitWarning(result: CaseResult): string {
  return `warning: --as-of ${result.asOf} is before the summit of ${result.record.id} (${result.record.date}): it had not happened yet, so it is shown as n/a, with no total, verdict or rank`;
}

/**
 * A record judged before its summit has nothing to score: every criterion n/a, no total, no
 * verdict (so it takes no rank). Without this, two summits that had not happened would tie at
 * rank 1 on their default levels.
 */
export function notHeld(result: CaseResult): CaseResult {
  const empty = {
    applicable: false,
    level: null,
    levelRange: null,
    points: null,
    normalised: null,
    normalisedRange: null,
    evidence: [],
    explanation: null,
    unknown: [],
  } as const;
  return {
    ...result,
    score: null,
    scoreRange: null,
    band: null,
    verdict: null,
    verdicts: [],
    undetermined: false,
    unknown: { share: 0, criteria: [] },
    gates: result.gates.map((gate) => ({ ...gate, level: null, status: 'not-applicable' as const })),
    criteria: result.criteria.map((criterion) => ({
      ...criterion,
      ...empty,
      contribution: 0,
      contributionRange: { low: 0, high: 0 },
      parties: criterion.parties && criterion.parties.map((cell) => ({ ...cell, ...empty })),
    })),
    grid: null,
  };
}
