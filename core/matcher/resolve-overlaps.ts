export interface Candidate {
  start: number;
  end: number;
  layer: number;
  severityRank: number;
}

function better(a: Candidate, b: Candidate): number {
  return (
    b.end - b.start - (a.end - a.start) ||
    b.layer - a.layer ||
    b.severityRank - a.severityRank ||
    a.start - b.start
  );
}

/**
 * Keeps one finding per stretch of text: the longest match wins (a specific phrase over a general
 * one), then the later lexicon layer, then the higher severity. Returns them in text order.
 */
export function resolveOverlaps<T extends Candidate>(candidates: T[]): T[] {
  if (candidates.length < 2) return candidates;
  const kept: T[] = [];
  for (const c of candidates.slice().sort(better)) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
