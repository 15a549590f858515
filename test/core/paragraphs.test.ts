import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphRanges, type ParagraphWork } from '../../core/text/paragraphs.ts';

const split = (text: string) => paragraphRanges(text).map(([a, b]) => text.slice(a, b));

describe('paragraphRanges, line endings', () => {
  it('ends a paragraph at a blank line written with lone CRs, as with LF and CRLF', () => {
    expect(split('one\rtwo\r\rthree\r \r four')).toEqual(['one\rtwo', 'three', ' four']);
    expect(split('a\r\n\r\nb\n\nc\r\rd')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a single line break of any kind inside the paragraph', () => {
    expect(split('a\rb\nc\r\nd')).toEqual(['a\rb\nc\r\nd']);
  });

  it('ends a paragraph at each U+2029 on its own', () => {
    expect(split('a\u2029b\u2029\u2029c')).toEqual(['a', 'b', '', 'c']);
  });
});

/** A reference splitter written plainly (a regular expression), to compare against. */
function reference(text: string): string[] {
  // A CR before an LF is never a break of its own: CRLF is one.
  const br = '(?:\\r\\n|\\n|\\r(?!\\n))';
  return text.split(new RegExp(`${br}(?:[ \\t\\v\\f]*${br})+|\\u2029`));
}

describe('paragraphRanges, properties', () => {
  const piece = fc.constantFrom('a', 'b c', ' ', '\t', '\n', '\r', '\r\n', '\u2029', '\u2028');
  const textArb = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

  it('agrees with a plain regular-expression splitter and covers the text in order', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const ranges = paragraphRanges(text);
        // Ranges are in order, inside the text, and cover it up to the breaks between them.
        let last = 0;
        for (const [a, b] of ranges) {
          expect(a).toBeGreaterThanOrEqual(last);
          expect(b).toBeGreaterThanOrEqual(a);
          last = b;
        }
        expect(last).toBe(text.length);
        expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('does work linear in the input for every separator', () => {
    const inputs = [
      (n: number) => 'a\u2029'.repeat(n),
      (n: number) => '\u2029'.repeat(n),
      (n: number) => 'a\n'.repeat(n),
      (n: number) => 'a\r'.repeat(n),
      (n: number) => 'a\r\n'.repeat(n),
      (n: number) => '\n\n'.repeat(n),
      (n: number) => '\r\r'.repeat(n),
      (n: number) => '\n \n'.repeat(n),
      (n: number) => '\r \t\r'.repeat(n),
      (n: number) => 'a\u2029\nb\r'.repeat(n),
      (n: number) => 'x'.repeat(n * 4) + '\u2029',
      (n: number) => ' '.repeat(n * 4),
    ];
    for (const make of inputs) {
      const perChar = (n: number) => {
        const text = make(n);
        const counter: ParagraphWork = { work: 0 };
        paragraphRanges(text, counter);
        return counter.work / text.length;
      };
      const small = perChar(1_000);
      const large = perChar(100_000);
      // Work per character must not grow with the input: linear, not quadratic.
      expect(large).toBeLessThanOrEqual(small * 1.1 + 0.1);
      expect(large).toBeLessThan(5);
    }
  });
});
