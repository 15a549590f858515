/** Counts the characters paragraph splitting reads, so a test can prove it linear without timing. */
export interface ParagraphWork {
  work: number;
}

const LF = 10;
const CR = 13;

/**
 * Paragraph ranges: text between blank lines (a line holding only spaces or tabs counts as blank).
 * A line ends at LF, CRLF or a lone CR (old Mac files), and U+2029 (paragraph separator) ends a
 * paragraph on its own. Findings, context and quotations never cross a paragraph, which is what
 * lets an editor re-scan only the paragraphs that changed.
 */
export function paragraphRanges(text: string, counter?: ParagraphWork): [number, number][] {
  const ranges: [number, number][] = [];
  const n = text.length;
  let work = 0;
  // The next LF, CR and U+2029 at or after the search point, each searched for again only once
  // passed, from where the last search stopped: each is found in one scan of the text however many
  // there are (indexOf jumps between them far faster than a loop or a regular expression).
  let nextLf = -1;
  let nextCr = -1;
  let nextPs = -1;
  const find = (char: string, cached: number, from: number): number => {
    if (cached >= from) return cached;
    const at = text.indexOf(char, from);
    const found = at < 0 ? n : at;
    work += found - from + 1;
    return found;
  };
  /** Just after the line break at `at` (CRLF is one break). */
  const afterBreak = (at: number): number =>
    text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;

  let start = 0;
  let pos = 0;
  while (pos < n) {
    nextLf = find('\n', nextLf, pos);
    nextCr = find('\r', nextCr, pos);
    nextPs = find('\u2029', nextPs, pos);
    const at = Math.min(nextLf, nextCr, nextPs);
    if (at >= n) break;
    if (at === nextPs) {
      ranges.push([start, at]);
      start = pos = at + 1;
      continue;
    }
    // A line break: count the blank lines after it. Two breaks or more end the paragraph, and
    // every blank line in the run goes with the break ("\n\n\n" and "\r\r" are one break each).
    let breaks = 1;
    let end = afterBreak(at);
    let k = end;
    for (;;) {
      while (k < n && isBlank(text.charCodeAt(k))) k++;
      work += k - end + 1;
      const c = text.charCodeAt(k);
      if (c !== LF && c !== CR) break;
      breaks++;
      end = k = afterBreak(k);
    }
    if (breaks > 1) {
      ranges.push([start, at]);
      start = end;
    }
    pos = k;
  }
  ranges.push([start, n]);
  if (counter) counter.work += work;
  return ranges;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12;
}
