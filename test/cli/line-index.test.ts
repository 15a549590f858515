import { describe, expect, it } from 'vitest';
import { createLineIndex } from '../../cli/line-index.ts';

function positions(text: string, offsets: number[]) {
  const at = createLineIndex(text);
  return offsets.map((o) => at(o));
}

describe('createLineIndex', () => {
  it('numbers the first line and column from 1', () => {
    expect(positions('abc', [0, 2])).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
    ]);
  });

  it('starts a new line after LF', () => {
    expect(positions('ab\ncd\n\nef', [3, 4, 6, 7, 8])).toEqual([
      { line: 2, column: 1 },
      { line: 2, column: 2 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });

  it('counts CRLF as one line break', () => {
    expect(positions('ab\r\ncd\r\n\r\nef', [4, 5, 8, 10])).toEqual([
      { line: 2, column: 1 },
      { line: 2, column: 2 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });

  it('ends a line at a lone CR', () => {
    expect(positions('ab\rcd\r\ref', [3, 6, 7])).toEqual([
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });

  it('counts columns in UTF-16 code units, so an emoji takes two', () => {
    const text = 'x\n😀 claims';
    expect(positions(text, [text.indexOf('claims')])).toEqual([{ line: 2, column: 4 }]);
  });

  it('places the offset at the end of the text on the last line', () => {
    expect(positions('ab\ncd', [5])).toEqual([{ line: 2, column: 3 }]);
    expect(positions('', [0])).toEqual([{ line: 1, column: 1 }]);
  });

  it('agrees with a naive count on many lines', () => {
    const lines = Array.from({ length: 500 }, (_, i) => 'w'.repeat(i % 7));
    const text = lines.join('\r\n');
    const at = createLineIndex(text);
    let offset = 0;
    lines.forEach((line, i) => {
      expect(at(offset + line.length)).toEqual({ line: i + 1, column: line.length + 1 });
      offset += line.length + 2;
    });
  });
});
