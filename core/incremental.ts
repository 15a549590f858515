import type { Finding } from './finding.ts';
import type { FindOptions, Matcher } from './matcher/compile.ts';
import { paragraphRanges } from './text/paragraphs.ts';

/**
 * One paragraph's findings, offsets from its start; undefined when they are not known yet (the
 * extension asks the background, and scans again when the answer arrives).
 */
export type ParagraphFinder = (paragraph: string) => readonly Finding[] | undefined;

export interface IncrementalScanner {
  /**
   * Findings for the whole text, asking only for paragraphs not seen in the last call. Where a
   * paragraph's findings are not known yet, the last scan's flags on words that did not change
   * stand in for them, so flags do not blink out while the answer is on its way.
   */
  scan(text: string): Finding[];
  /** How many paragraphs the last `scan` asked for afresh (for tests and benchmarks). */
  readonly lastRescanned: number;
  /** How many paragraphs of the last `scan` are still waiting for their findings. */
  readonly lastPending: number;
}

function shift(f: Finding, by: number): Finding {
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    replacements: f.replacements.map((r) => ({ ...r, start: r.start + by, end: r.end + by })),
  };
}

/** The text a finding covers: its words and every edit it offers (which may be wider). */
function extent(f: Finding): { start: number; end: number } {
  let { start, end } = f;
  for (const r of f.replacements) {
    if (r.start < start) start = r.start;
    if (r.end > end) end = r.end;
  }
  return { start, end };
}

/** Lengths of the text two strings share at their start and, after that, at their end. */
function sharedEnds(a: string, b: string): { prefix: number; suffix: number } {
  const most = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < most && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < most - prefix &&
    a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { prefix, suffix };
}

/**
 * For editors: a paragraph's findings depend only on its own text (matches, context and quotations
 * never cross a blank line), so they are cached by paragraph text and shifted into place.
 * `source` is a matcher (with `options`), or a finder that may not know a paragraph yet.
 * `previous` gives another scanner's last text and findings, to stand in while this one's first
 * answers come (a new scanner for a new document kind, say).
 */
export function createIncrementalScanner(
  source: Matcher | ParagraphFinder,
  options?: FindOptions,
  previous?: { text: string; findings: Finding[] },
): IncrementalScanner {
  const find: ParagraphFinder =
    typeof source === 'function'
      ? source
      : (paragraph) => source.findInParagraph(paragraph, 0, paragraph.length, options);
  let cache = new Map<string, readonly Finding[]>();
  let rescanned = 0;
  let pending = 0;
  let lastText = previous?.text ?? '';
  let last: Finding[] = previous?.findings ?? [];
  /** Asked for in an earlier scan and not answered yet: not counted as asked again. */
  let waiting = new Set<string>();
  return {
    get lastRescanned() {
      return rescanned;
    },
    get lastPending() {
      return pending;
    },
    scan(text) {
      const next = new Map<string, readonly Finding[]>();
      const stillWaiting = new Set<string>();
      const out: Finding[] = [];
      rescanned = 0;
      pending = 0;
      let shared: { prefix: number; suffix: number } | undefined;
      for (const [from, to] of paragraphRanges(text)) {
        const paragraph = text.slice(from, to);
        let local = next.get(paragraph) ?? cache.get(paragraph);
        if (!local) {
          if (!waiting.has(paragraph) && !stillWaiting.has(paragraph)) rescanned++;
          local = find(paragraph);
        }
        if (local) {
          next.set(paragraph, local);
          for (const f of local) out.push(from === 0 ? f : shift(f, from));
          continue;
        }
        pending++;
        stillWaiting.add(paragraph);
        // Not known yet: keep the last scan's flags whose words and edits, and all before or
        // after them, are unchanged (an edit elsewhere in the paragraph leaves them as they were).
        shared ??= sharedEnds(lastText, text);
        const moved = text.length - lastText.length;
        for (const f of last) {
          const { start, end } = extent(f);
          if (end <= shared.prefix) {
            if (start >= from && end <= to) out.push(f);
          } else if (start >= lastText.length - shared.suffix) {
            if (start + moved >= from && end + moved <= to) out.push(shift(f, moved));
          }
        }
      }
      cache = next;
      waiting = stillWaiting;
      lastText = text;
      last = out;
      return out;
    },
  };
}
