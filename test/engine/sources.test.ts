import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/engine/evaluate.js';
import type { Evidence } from '../../src/engine/results.js';
import { citedSources, evidenceOf, verdictSources } from '../../src/engine/sources.js';
import type { Citation } from '../../src/engine/types.js';

const cite = (fields: Omit<Citation, 'verified'>, verified = true): Citation => ({ ...fields, verified });
const item = (event: string, sources: Citation[]): Evidence => ({ event, date: '2020-01-01', type: 'statement', sources });

// Only the parts of a result these functions read: its criteria, their evidence and party cells.
function resultOf(criteria: { applicable: boolean | 'unknown'; evidence: Evidence[]; parties?: { evidence: Evidence[] }[] }[]): CaseResult {
  return { criteria } as unknown as CaseResult;
}

describe('citedSources', () => {
  it('keeps each source once, by url, with the events citing it once each, in first-cited order', () => {
    const a = cite({ url: 'https://a.example', title: 'A' });
    const b = cite({ url: 'https://b.example' });
    const sources = citedSources([item('e1', [a, b]), item('e2', [b]), item('e1', [b]), item('e3', [a, a])]);
    expect(sources).toEqual([
      { citation: a, events: ['e1', 'e3'] },
      { citation: b, events: ['e1', 'e2'] },
    ]);
  });

  it('takes the title when there is no url, then the publisher, then one key for neither', () => {
    const byTitle = cite({ title: 'Communique' });
    const sameTitle = cite({ title: 'Communique', publisher: 'Other' });
    const byPublisher = cite({ publisher: 'Reuters' });
    const samePublisher = cite({ publisher: 'Reuters', date: '2020-02-02' });
    const bare = cite({ quote: 'one' });
    const bareToo = cite({ note: 'two' });
    const urlNamedAsTitle = cite({ url: 'Communique' });
    expect(citedSources([item('e1', [byTitle, byPublisher, bare]), item('e2', [sameTitle, samePublisher, bareToo]), item('e3', [urlNamedAsTitle])])).toEqual([
      { citation: byTitle, events: ['e1', 'e2', 'e3'] },
      { citation: byPublisher, events: ['e1', 'e2'] },
      { citation: bare, events: ['e1', 'e2'] },
    ]);
    // A url wins over a title: two citations with one title and different urls are two sources.
    expect(citedSources([item('e1', [cite({ url: 'u1', title: 'T' }), cite({ url: 'u2', title: 'T' })])])).toHaveLength(2);
  });

  it('is unverified when cited so anywhere, whichever comes first', () => {
    const verified = cite({ url: 'u' });
    const unverified = cite({ url: 'u', quote: 'in part' }, false);
    expect(citedSources([item('e1', [verified]), item('e2', [unverified]), item('e3', [verified])])).toEqual([
      { citation: unverified, events: ['e1', 'e2', 'e3'] },
    ]);
    expect(citedSources([item('e1', [unverified]), item('e2', [verified])])).toEqual([{ citation: unverified, events: ['e1', 'e2'] }]);
    const otherUnverified = cite({ url: 'u', note: 'later' }, false);
    expect(citedSources([item('e1', [unverified]), item('e2', [otherUnverified])])[0]!.citation).toBe(unverified);
    // The same event citing a source again, unverified this time, still makes it unverified.
    expect(citedSources([item('e1', [verified]), item('e1', [unverified])])).toEqual([{ citation: unverified, events: ['e1'] }]);
    expect(citedSources([])).toEqual([]);
  });
});

describe('evidenceOf and verdictSources', () => {
  it('gathers the evidence of applicable criteria and their party cells, each event once, in order', () => {
    const s1 = cite({ url: 's1' });
    const s2 = cite({ url: 's2' }, false);
    const e1 = item('e1', [s1]);
    const e2 = item('e2', [s2]);
    const e3 = item('e3', [s1, s2]);
    const e4 = item('e4', []);
    const e1Again = item('e1', [s2]);
    const result = resultOf([
      { applicable: false, evidence: [e4] },
      { applicable: true, evidence: [e2], parties: [{ evidence: [e1, e2] }, { evidence: [e3] }] },
      { applicable: 'unknown', evidence: [e1Again] },
      { applicable: true, evidence: [] },
    ]);
    expect(evidenceOf(result)).toEqual([e2, e1, e3]);
    expect(evidenceOf(result)[1]).toBe(e1);
    expect(verdictSources(result)).toEqual([
      { citation: s2, events: ['e2', 'e3'] },
      { citation: s1, events: ['e1', 'e3'] },
    ]);
    expect(evidenceOf(resultOf([{ applicable: 'unknown', evidence: [e4] }]))).toEqual([e4]);
    expect(evidenceOf(resultOf([]))).toEqual([]);
  });
});
