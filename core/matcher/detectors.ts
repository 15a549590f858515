import type { Replacement } from '../finding.ts';
import type { Quotation } from '../text/quotations.ts';

/**
 * The built-in detectors that entries switch on with `detect`, instead of phrases: quotation
 * marks (three readings of them) and `{gaps}` left unfilled.
 */
const QUOTE_DETECTORS = ['scare-quotes', 'doubting-quotes', 'dialect-quotes'] as const;
export type QuoteDetector = (typeof QUOTE_DETECTORS)[number];

export const isQuoteDetector = (detect: string): detect is QuoteDetector =>
  (QUOTE_DETECTORS as readonly string[]).includes(detect);

/**
 * Each quotation goes to one detector: "dialect-quotes" takes those in non-standard English
 * (framed as the person's words or not), "doubting-quotes" those that doubt the account
 * outright, "scare-quotes" the other short ones (and all of them if the others are off).
 * Proper quotations of the person go to none.
 */
export function quoteDetectorFor(q: Quotation, on: ReadonlySet<string>): QuoteDetector | undefined {
  if (q.dialect && on.has('dialect-quotes')) return 'dialect-quotes';
  if (q.kind !== 'scare') return undefined;
  return q.doubt && on.has('doubting-quotes') ? 'doubting-quotes' : 'scare-quotes';
}

/** The fix offered: the words without the marks. Dialect needs rewording, which only the writer can do. */
export function quotationFix(text: string, q: Quotation, detector: QuoteDetector): Replacement[] {
  if (detector === 'dialect-quotes') return [];
  return [{ start: q.start, end: q.end, text: text.slice(q.start + 1, q.end - 1).trim() }];
}

/** "{reason}"-style gaps left in the text: a letter must not go out with one. */
export function* unfilledGaps(
  text: string,
  from: number,
  to: number,
): Generator<{ start: number; end: number }> {
  // Searched in the paragraph alone: a search from `from` through the whole text would read the
  // rest of the text once per paragraph, quadratic over a long file (a gap never crosses `to`).
  for (const m of text.slice(from, to).matchAll(/\{[^{}\n]{1,60}\}/g)) {
    yield { start: from + m.index, end: from + m.index + m[0].length };
  }
}
