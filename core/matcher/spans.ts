export interface Span {
  start: number;
  end: number;
}

/**
 * A membership test for "lies wholly inside one of these spans", answered by binary search over
 * the spans sorted by start with a running maximum of their ends.
 */
export function containmentTest(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = spans.slice().sort((a, b) => a.start - b.start);
  const starts = sorted.map((s) => s.start);
  const maxEnd: number[] = [];
  let running = -Infinity;
  for (const s of sorted) maxEnd.push((running = Math.max(running, s.end)));
  return (start, end) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! >= end;
  };
}
