import { createIncrementalScanner, paragraphRanges, type Matcher } from '../core/index.ts';
import { median, percentile, timeOnce, timePasses } from './measure.ts';

/** What a clinician might type into the middle of a note, one character per edit. */
const TYPED = 'She reports the pain is worse at night and was reluctant to take the tablets. ';

export interface IncrementalResult {
  words: number;
  paragraphs: number;
  /** Median `matcher.find` over the whole document. */
  fullFindMs: number;
  /** The scanner's first, uncached scan. */
  firstScanMs: number;
  edits: number;
  medianMs: number;
  p95Ms: number;
  /** Median `findInParagraph` on the edited paragraph alone: the part that cannot be cached. */
  paragraphMs: number;
  /** Most paragraphs any measured re-scan re-tokenised (1 when the cache works). */
  maxRescanned: number;
}

/**
 * Full scan, then `edits` single-character insertions in the middle paragraph, each followed by
 * a re-scan of the whole text, as an editor would on every keystroke.
 */
export function measureIncremental(
  matcher: Matcher,
  document: string,
  edits = 200,
  warmupEdits = 20,
): IncrementalResult {
  const ranges = paragraphRanges(document);
  const full = timePasses(() => matcher.find(document).length, 20, 3);

  const scanner = createIncrementalScanner(matcher);
  const first = timeOnce(() => scanner.scan(document));

  const [from, to] = ranges[ranges.length >> 1]!;
  let text = document;
  let at = (from + to) >> 1;
  let paragraphEnd = to;
  const times: number[] = [];
  let maxRescanned = 0;
  for (let k = 0; k < warmupEdits + edits; k++) {
    text = text.slice(0, at) + TYPED[k % TYPED.length]! + text.slice(at);
    at++;
    paragraphEnd++;
    const { ms } = timeOnce(() => scanner.scan(text));
    if (k < warmupEdits) continue;
    times.push(ms);
    maxRescanned = Math.max(maxRescanned, scanner.lastRescanned);
  }
  const paragraph = timePasses(() => matcher.findInParagraph(text, from, paragraphEnd).length, 50);

  return {
    words: document.split(/\s+/).filter(Boolean).length,
    paragraphs: ranges.length,
    fullFindMs: median(full.ms),
    firstScanMs: first.ms,
    edits,
    medianMs: median(times),
    p95Ms: percentile(times, 95),
    paragraphMs: median(paragraph.ms),
    maxRescanned,
  };
}
