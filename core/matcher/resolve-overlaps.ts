export interface Candidate {
  start: number;
  end: number;
  layer: number;
  severityRank: number;
  /** Characters the match covers with its [context] words: a tie goes to the fuller match. */
  extent?: number;
  /** From an entry that says where it applies: a tie on the same words goes to it. */
  specific?: boolean;
}

function better(a: Candidate, b: Candidate): number {
  return (
    b.end - b.start - (a.end - a.start) ||
    (b.extent ?? 0) - (a.extent ?? 0) ||
    b.layer - a.layer ||
    b.severityRank - a.severityRank ||
    Number(b.specific ?? false) - Number(a.specific ?? false) ||
    a.start - b.start
  );
}

/**
 * Keeps one finding per stretch of text: the longest match wins (a specific phrase over a general
 * one), then the later lexicon layer, then the higher severity, then the entry that says where it
 * applies. Returns them in text order.
 * Occupied characters are marked in a bitmap, so the cost stays linear in the matched text.
 */
export function resolveOverlaps<T extends Candidate>(candidates: T[]): T[] {
  if (candidates.length < 2) return candidates;
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of candidates) {
    if (c.start < lo) lo = c.start;
    if (c.end > hi) hi = c.end;
  }
  const taken = new Uint8Array(hi - lo);
  const kept: T[] = [];
  for (const c of candidates.slice().sort(better)) {
    let free = true;
    for (let k = c.start - lo; k < c.end - lo; k++) {
      if (taken[k]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start - lo, c.end - lo);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
