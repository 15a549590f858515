/**
 * Paragraph ranges: text between blank lines (a line holding only spaces or tabs counts as blank).
 * Findings, context and quotations never cross a paragraph, which is what lets an editor re-scan
 * only the paragraphs that changed.
 */
export function paragraphRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  // The next U+2029 is remembered, so looking for it stays linear however many lines there are.
  let separator = -1;
  const nextBreak = (text: string, from: number): number => {
    if (separator !== Infinity && separator < from) {
      separator = text.indexOf('\u2029', from);
      if (separator < 0) separator = Infinity;
    }
    const nl = text.indexOf('\n', from);
    return nl < 0 ? (separator === Infinity ? -1 : separator) : Math.min(nl, separator);
  };
  // indexOf jumps between line breaks far faster than a regular expression walks the text.
  let nl = nextBreak(text, 0);
  while (nl >= 0) {
    let k = nl + 1;
    if (text.charCodeAt(nl) !== 0x2029) {
      while (k < text.length && isBlank(text.charCodeAt(k))) k++;
      if (k >= text.length || text.charCodeAt(k) !== 10) {
        nl = nextBreak(text, k);
        continue;
      }
      k++;
      // The closing newline of one blank line may open the next: "\n\n\n" is one break.
      while (text.charCodeAt(k) === 10) k++;
    }
    ranges.push([start, nl]);
    start = k;
    nl = nextBreak(text, k);
  }
  ranges.push([start, text.length]);
  return ranges;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12;
}
