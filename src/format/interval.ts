import { describeValue, type CaseResult, type CriterionResult, type Settlement, type Interval, type LevelRange, type UnknownFact } from '../engine/index.js';
import { hundredths, round2 } from './numbers.js';

// How an interval prints in every format: a determined number exactly as before, an
// undetermined one as `low–high` (two decimals), so no reader mistakes a range for a figure.

export function intervalText(range: Interval, digits = 2, round = round2): string {
  const low = round(range.low).toFixed(digits);
  const high = round(range.high).toFixed(digits);
  return low === high ? low : `${low}–${high}`;
}

/** An open level in one word: `low..high`, `n/a..high` when it may not apply, `(no level)` for a missing end. */
export function openLevelText(low: string | null | undefined, high: string | null | undefined, mayNotApply = false): string {
  return `${mayNotApply ? 'n/a' : (low ?? '(no level)')}..${high ?? '(no level)'}`;
}

/** `partial..full`, or the one label; `(no level)` for a missing end. */
export function levelRangeText(range: LevelRange): string {
  const name = (level: LevelRange['low']) => (level ? `${level.label} (${level.score})` : '(no level)');
  return range.low?.label === range.high?.label ? name(range.low) : `${name(range.low)} .. ${name(range.high)}`;
}

/** A result's contribution: its number when determined, else its bounds. */
export function contributionText(result: CriterionResult): string {
  return result.contribution === null ? intervalText(result.contributionRange) : round2(result.contribution).toFixed(2);
}

/** Plain words for an undetermined verdict: the bands it may be, or why there is none. */
export function verdictsText(verdicts: readonly string[], undetermined: boolean): string {
  if (undetermined) return 'undetermined';
  return verdicts.join(' or ');
}

/** One fact the record does not settle, in words: the one place these words are written. */
export function unknownFactText(fact: UnknownFact): string {
  switch (fact.reason) {
    case 'not-recorded':
      return `\`${fact.field}\` of event \`${fact.event}\` is not recorded`;
    case 'undeclared-value':
      return `\`${fact.field}\` of event \`${fact.event}\` is ${describeValue(fact.value ?? null)}, not a value the matrix declares`;
    case 'month-only':
      return `event \`${fact.event}\` is dated by its month only`;
    case 'not-assessed':
      return `commitment \`${fact.event}\` is not assessed for this party`;
    case 'unverified':
      return `event \`${fact.event}\` rests only on sources marked unverified`;
  }
}

/**
 * The total as printed everywhere: hundredths, halves up (the figure band edges are judged by,
 * src/engine/band-edge.ts), or `low–high` when the record leaves it open.
 */
export function totalText(result: Pick<CaseResult, 'scoreRange'>, none = '-'): string {
  return result.scoreRange === null ? none : intervalText(result.scoreRange, 2, hundredths);
}

/** The verdict in words: one band, the bands an interval allows, `undetermined`, or none. */
export function verdictWords(result: CaseResult): string {
  if (result.verdict !== null) return result.verdict;
  return result.undetermined || result.verdicts.length > 0 ? verdictsText(result.verdicts, result.undetermined) : 'none';
}

/** What each declared value of an open fact would make of its result: `leaders or ministerial make it defined (verdict promise)`. */
export function settlementText(settlement: Settlement): string {
  return settlement.outcomes
    .map((outcome) => {
      const values = outcome.values.map((value) => describeValue(value)).join(' or ');
      const level = outcome.level ?? (outcome.levelRange ? openLevelText(outcome.levelRange.low, outcome.levelRange.high) : 'not applicable');
      const verdict = outcome.verdict ?? (outcome.verdicts.length > 0 ? outcome.verdicts.join(' or ') : 'none');
      return `${values} make${outcome.values.length === 1 ? 's' : ''} it ${level} (verdict ${verdict})`;
    })
    .join('; ');
}
