export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (as ESLint and most editors' LSP columns count). */
  column: number;
}

/**
 * Maps UTF-16 offsets in `text` to line and column. Line breaks are LF, CRLF (one break, not two)
 * and a lone CR, so old Mac and Windows files number their lines as an editor would.
 */
export function createLineIndex(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    } else if (code === 10 /* \n */) {
      lineStarts.push(i + 1);
    }
  }

  return (offset) => {
    // Binary search: the last line that starts at or before `offset`.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}
