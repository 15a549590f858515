/**
 * Paragraph ranges: text between blank lines (a line holding only spaces or tabs counts as blank).
 * Findings, context and quotations never cross a paragraph, which is what lets an editor re-scan
 * only the paragraphs that changed.
 */
export function paragraphRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  const breaks = /\n[ \t\r\f\v]*\n|\u2029/g;
  let m: RegExpExecArray | null;
  while ((m = breaks.exec(text))) {
    ranges.push([start, m.index]);
    start = m.index + m[0].length;
    // The closing newline of one blank line may open the next: "\n\n\n" is one break.
    while (text.charCodeAt(start) === 10) start++;
    breaks.lastIndex = start;
  }
  ranges.push([start, text.length]);
  return ranges;
}
