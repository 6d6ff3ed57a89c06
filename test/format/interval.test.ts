// The words and figures every format prints for what a record leaves open (src/format/interval.ts).
// Each expected text is written out by hand from the rule its function's comment states: a
// determined figure as one number, an open one as `low–high`; totals in hundredths, halves up.
import { describe, expect, it } from 'vitest';
import type { CaseResult, CriterionResult, Settlement, UnknownFact } from '../../src/engine/index.js';
import {
  contributionText,
  intervalText,
  levelRangeText,
  openLevelText,
  settlementText,
  totalText,
  unknownFactText,
  verdictsText,
  verdictWords,
} from '../../src/format/interval.js';

describe('intervalText', () => {
  it('prints a determined figure once and an open one as low–high, two decimals', () => {
    expect(intervalText({ low: 0.5, high: 0.5 })).toBe('0.50');
    expect(intervalText({ low: 0.5, high: 0.75 })).toBe('0.50–0.75');
  });

  it('calls two ends that print alike one figure, at the digits asked', () => {
    // 1.26 and 1.34 are both 1.3 at one decimal, though not equal.
    expect(intervalText({ low: 1.26, high: 1.34 }, 1)).toBe('1.3');
    expect(intervalText({ low: 1.26, high: 1.34 })).toBe('1.26–1.34');
  });

  it('rounds each end with the rounding it is given', () => {
    expect(intervalText({ low: 1.2, high: 1.8 }, 0, Math.floor)).toBe('1');
    expect(intervalText({ low: 1.2, high: 1.8 }, 0, Math.ceil)).toBe('2');
  });
});

describe('openLevelText and levelRangeText', () => {
  it('joins the two ends of an open level with .., naming a missing end', () => {
    expect(openLevelText('partial', 'full')).toBe('partial..full');
    expect(openLevelText(null, 'full')).toBe('(no level)..full');
    expect(openLevelText('partial', undefined)).toBe('partial..(no level)');
  });

  it('says n/a for the low end of a level that may not apply', () => {
    expect(openLevelText('partial', 'full', true)).toBe('n/a..full');
  });

  it('prints a level range with scores, once when both ends are one level', () => {
    const partial = { label: 'partial', score: 1 };
    const full = { label: 'full', score: 2 };
    expect(levelRangeText({ low: partial, high: full })).toBe('partial (1) .. full (2)');
    expect(levelRangeText({ low: full, high: full })).toBe('full (2)');
    expect(levelRangeText({ low: null, high: full })).toBe('(no level) .. full (2)');
    expect(levelRangeText({ low: partial, high: null })).toBe('partial (1) .. (no level)');
    expect(levelRangeText({ low: null, high: null })).toBe('(no level)');
  });
});

describe('contributionText', () => {
  const result = (contribution: number | null, low: number, high: number) =>
    ({ contribution, contributionRange: { low, high } }) as Pick<CriterionResult, 'contribution' | 'contributionRange'> as CriterionResult;

  it('prints a determined contribution, rounded to hundredths, whatever its bounds say', () => {
    expect(contributionText(result(12.3456, 0, 40))).toBe('12.35');
    expect(contributionText(result(0, 0, 40))).toBe('0.00');
  });

  it('prints an undetermined one as its bounds', () => {
    expect(contributionText(result(null, 10, 20))).toBe('10.00–20.00');
  });
});

describe('the verdict in words', () => {
  const caseResult = (verdict: string | null, verdicts: string[], undetermined: boolean) =>
    ({ verdict, verdicts, undetermined }) as Pick<CaseResult, 'verdict' | 'verdicts' | 'undetermined'> as CaseResult;

  it('lists the bands an interval allows, or says undetermined', () => {
    expect(verdictsText(['fulfilled', 'partly fulfilled'], false)).toBe('fulfilled or partly fulfilled');
    expect(verdictsText(['fulfilled'], true)).toBe('undetermined');
  });

  it('prints one verdict as it is, else the bands it may be, else undetermined, else none', () => {
    expect(verdictWords(caseResult('fulfilled', ['fulfilled'], false))).toBe('fulfilled');
    expect(verdictWords(caseResult(null, ['fulfilled', 'broken'], false))).toBe('fulfilled or broken');
    expect(verdictWords(caseResult(null, [], true))).toBe('undetermined');
    expect(verdictWords(caseResult(null, [], false))).toBe('none');
  });
});

describe('unknownFactText', () => {
  const fact = (reason: UnknownFact['reason'], value?: UnknownFact['value']): UnknownFact =>
    value === undefined ? { event: 'e1', field: 'level', reason, path: 'c1' } : { event: 'e1', field: 'level', reason, path: 'c1', value };

  it('names the field and the event, and why the fact is open, for each reason', () => {
    expect(unknownFactText(fact('not-recorded'))).toBe('`level` of event `e1` is not recorded');
    expect(unknownFactText(fact('undeclared-value', 'summit'))).toBe('`level` of event `e1` is summit, not a value the matrix declares');
    expect(unknownFactText(fact('month-only'))).toBe('event `e1` is dated by its month only');
    expect(unknownFactText(fact('not-assessed'))).toBe('commitment `e1` is not assessed for this party');
    expect(unknownFactText(fact('unverified'))).toBe('event `e1` rests only on sources marked unverified');
  });

  it('prints an undeclared value that is missing as null', () => {
    expect(unknownFactText(fact('undeclared-value'))).toBe('`level` of event `e1` is null, not a value the matrix declares');
  });
});

describe('totalText', () => {
  it('prints a total in hundredths, halves up as written (1.005 is 1.01, though stored below it)', () => {
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(totalText({ scoreRange: { low: 1.005, high: 1.005 } })).toBe('1.01');
    expect(totalText({ scoreRange: { low: 0.5, high: 1.005 } })).toBe('0.50–1.01');
  });

  it('prints a dash, or the text asked, for a record with no total', () => {
    expect(totalText({ scoreRange: null })).toBe('-');
    expect(totalText({ scoreRange: null }, 'n/a')).toBe('n/a');
  });
});

describe('settlementText', () => {
  const settlement = (outcomes: Settlement['outcomes']): Settlement => ({
    criterion: 'c1',
    fact: { event: 'e1', field: 'level', reason: 'not-recorded', path: 'c1' },
    outcomes,
  });

  it('says what each group of values makes of the result, one group after another', () => {
    const text = settlementText(
      settlement([
        { values: ['leaders', 'ministerial'], level: 'defined', levelRange: null, verdict: 'promise', verdicts: ['promise'] },
        { values: ['none'], level: null, levelRange: { low: 'vague', high: 'defined' }, verdict: null, verdicts: ['promise', 'gesture'] },
        { values: [true], level: null, levelRange: null, verdict: null, verdicts: [] },
      ]),
    );
    expect(text.split('; ')).toEqual([
      'leaders or ministerial make it defined (verdict promise)',
      'none makes it vague..defined (verdict promise or gesture)',
      'true makes it not applicable (verdict none)',
    ]);
  });
});
