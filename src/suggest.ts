import { itemAt } from './checked-index.js';

/** The closest candidate to a misspelt word, when one is close enough to be a likely typo. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const tolerance = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

// Suggestions are for typos in keys, ids and operators; longer text is not a typo worth the cost.
const MAX_SUGGESTED_LENGTH = 64;

// Optimal string alignment: Levenshtein plus adjacent transpositions, the commonest typo (tpye).
// Three rolling rows keep it small; the length cap keeps it fast whatever the input.
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > MAX_SUGGESTED_LENGTH || b.length > MAX_SUGGESTED_LENGTH) return Infinity;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(itemAt(previous, j) + 1, itemAt(current, j - 1) + 1, itemAt(previous, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, itemAt(before, j - 2) + 1);
      current[j] = best;
    }
    [before, previous] = [previous, current];
  }
  return itemAt(previous, b.length);
}

export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const match = closestMatch(word, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}
