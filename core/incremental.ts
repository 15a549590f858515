import type { Finding } from './finding.ts';
import type { FindOptions, Matcher } from './matcher/compile.ts';
import { paragraphRanges } from './text/paragraphs.ts';

export interface IncrementalScanner {
  /** Findings for the whole text, re-scanning only paragraphs not seen in the last call. */
  scan(text: string): Finding[];
  /** How many paragraphs the last `scan` actually re-scanned (for tests and benchmarks). */
  readonly lastRescanned: number;
}

function shift(f: Finding, by: number): Finding {
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    replacements: f.replacements.map((r) => ({ ...r, start: r.start + by, end: r.end + by })),
  };
}

/**
 * For editors: a paragraph's findings depend only on its own text (matches, context and quotations
 * never cross a blank line), so they are cached by paragraph text and shifted into place.
 */
export function createIncrementalScanner(
  matcher: Matcher,
  options?: FindOptions,
): IncrementalScanner {
  let cache = new Map<string, Finding[]>();
  let rescanned = 0;
  return {
    get lastRescanned() {
      return rescanned;
    },
    scan(text) {
      const next = new Map<string, Finding[]>();
      const out: Finding[] = [];
      rescanned = 0;
      for (const [from, to] of paragraphRanges(text)) {
        const paragraph = text.slice(from, to);
        let local = next.get(paragraph) ?? cache.get(paragraph);
        if (!local) {
          local = matcher.findInParagraph(paragraph, 0, paragraph.length, options);
          rescanned++;
        }
        next.set(paragraph, local);
        for (const f of local) out.push(from === 0 ? f : shift(f, from));
      }
      cache = next;
      return out;
    },
  };
}
