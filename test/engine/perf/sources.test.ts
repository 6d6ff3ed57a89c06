// verdictSources groups the evidence's citations by source: each source once, with the events
// that cite it once each, in first-cited order. Checked against a plain oracle written here, on
// evidence where one source is cited by thousands of events (where a list scan per event made it
// quadratic) and events cite the same source twice.
import { describe, expect, it } from 'vitest';
import type { CaseResult, Citation, Evidence } from '../../../src/engine/index.js';
import { verdictSources } from '../../../src/engine/index.js';

const citation = (url: string, verified = true): Citation => ({ url, verified });

/** A result with the given evidence on one criterion and the rest on a per-party cell. */
function resultWith(evidence: Evidence[]): CaseResult {
  const half = Math.floor(evidence.length / 2);
  return {
    criteria: [
      { applicable: true, evidence: evidence.slice(0, half), parties: [{ applicable: true, evidence: evidence.slice(half) }] },
      { applicable: false, evidence: [{ event: 'ignored', sources: [citation('https://not-applicable.example')] }] },
    ],
  } as unknown as CaseResult;
}

describe('verdictSources', () => {
  it('lists each source once with each citing event once, in first-cited order', () => {
    const evidence: Evidence[] = [];
    for (let i = 0; i < 5000; i++) {
      const sources = [citation('https://shared.example'), citation(`https://own.example/${i % 7}`, i % 11 !== 3)];
      if (i % 5 === 0) sources.push(citation('https://shared.example'));
      evidence.push({ event: `e${i}`, date: '2015-09-25', type: 'meeting', sources });
    }
    // The oracle: sets of events per url, in insertion order; unverified anywhere, unverified.
    const expected = new Map<string, { events: Set<string>; verified: boolean }>();
    for (const item of evidence) {
      for (const source of item.sources) {
        const entry = expected.get(source.url!) ?? { events: new Set(), verified: true };
        entry.events.add(item.event);
        entry.verified &&= source.verified;
        expected.set(source.url!, entry);
      }
    }
    const sources = verdictSources(resultWith(evidence));
    expect(sources.map((source) => source.citation.url)).toEqual([...expected.keys()]);
    for (const source of sources) {
      expect(source.events).toEqual([...expected.get(source.citation.url!)!.events]);
      expect(source.citation.verified).toBe(expected.get(source.citation.url!)!.verified);
    }
    expect(sources[0]!.events).toHaveLength(5000);
  });
});
