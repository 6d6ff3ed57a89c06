import type { CaseResult } from './evaluate.js';
import type { Evidence } from './results.js';
import type { Citation } from './types.js';

/** A source a verdict rests on (unverified if cited so anywhere), with the events that cite it. */
export interface VerdictSource {
  readonly citation: Citation;
  readonly events: readonly string[];
}

/** Every event that earned a level, from criteria and from per-party cells, once each, in order. */
export function evidenceOf(result: CaseResult): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const criterion of result.criteria) {
    if (!criterion.applicable) continue;
    for (const cell of [criterion, ...(criterion.parties ?? [])]) {
      for (const item of cell.evidence) if (!seen.has(item.event)) seen.set(item.event, item);
    }
  }
  return [...seen.values()];
}

/** The sources cited by the evidence of a result, deduplicated by url (or title), in first-cited order. */
export function verdictSources(result: CaseResult): VerdictSource[] {
  return citedSources(evidenceOf(result));
}

/**
 * The sources cited by any evidence (of one result, or of several coders' results), deduplicated
 * by url (or title, or publisher), each with the events citing it once, in first-cited order.
 * Linear in the citations.
 */
export function citedSources(evidence: Iterable<Evidence>): VerdictSource[] {
  // Most sources are cited by one event (a compliance record cites one per cell, 42,000 of them):
  // the set that keeps an entry's events unique is made only for a source cited again.
  const sources = new Map<string, { citation: Citation; events: string[]; seen?: Set<string> }>();
  for (const item of evidence) {
    for (const citation of item.sources) {
      const key = citation.url ?? citation.title ?? citation.publisher ?? '';
      const entry = sources.get(key);
      if (!entry) sources.set(key, { citation, events: [item.event] });
      else {
        const seen = (entry.seen ??= new Set(entry.events));
        if (!seen.has(item.event)) {
          seen.add(item.event);
          entry.events.push(item.event);
        }
        // The same source cited as unverified anywhere is unverified for the verdict.
        if (!citation.verified && entry.citation.verified) entry.citation = citation;
      }
    }
  }
  return [...sources.values()].map(({ citation, events }) => ({ citation, events }));
}
