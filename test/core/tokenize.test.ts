import { describe, expect, it } from 'vitest';
import { hashWord, normAt, tokenize, words } from '../../core/text/tokenize.ts';
import { paragraphRanges } from '../../core/text/paragraphs.ts';

function spans(text: string) {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => ({
    word: text.slice(t.start[i], t.end[i]),
    norm: normAt(t, i),
    hash: t.hash[i],
    joined: t.joined[i] === 1,
    clause: t.clause[i] === 1,
  }));
}

describe('tokenize', () => {
  it('splits words, lower-cases them and keeps offsets into the input', () => {
    expect(spans('He CLAIMS pain.').map((s) => [s.word, s.norm])).toEqual([
      ['He', 'he'],
      ['CLAIMS', 'claims'],
      ['pain', 'pain'],
    ]);
  });

  it('keeps apostrophes inside words and makes curly ones straight', () => {
    expect(spans("It’s the person‘s view, isn't it").map((s) => s.norm)).toEqual([
      "it's",
      'the',
      "person's",
      'view',
      "isn't",
      'it',
    ]);
  });

  it('reads a lone ampersand as the word "and", joined to its neighbours; A&E stays one word', () => {
    const lone = spans('wear & tear');
    expect(lone.map((s) => [s.word, s.norm, s.joined])).toEqual([
      ['wear', 'wear', true],
      ['&', 'and', true],
      ['tear', 'tear', true],
    ]);
    expect(lone[1]!.hash).toBe(hashWord('and'));
    expect(spans('Sent to A&E, R&D.').map((s) => s.norm)).toEqual(['sent', 'to', 'a&e', 'r&d']);
    // Touching a word on one side only, it is punctuation, as before.
    expect(spans('x &y').map((s) => [s.norm, s.joined])).toEqual([
      ['x', true],
      ['y', false],
    ]);
  });

  it('marks gaps of only spaces, hyphens and single line breaks as joinable', () => {
    expect(spans('non-compliant non\ncompliant, again').map((s) => s.joined)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('marks clause breaks before a word', () => {
    expect(spans('Denies pain. Claims; that: x').map((s) => s.clause)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('hashes each word as its normalised form, without building it first', () => {
    for (const s of spans('Claims It’s NAÏVE non-Compliant x1'))
      expect(s.hash).toBe(hashWord(s.norm));
  });

  it('treats accented and non-Latin letters and digits as word characters', () => {
    expect(words('Café 10/10 naïve Ωmega')).toEqual(['café', '10', '10', 'naïve', 'ωmega']);
  });
});

describe('paragraphRanges', () => {
  it('splits on blank lines, including lines of only spaces and CRLF', () => {
    const text = 'one\ntwo\n\nthree\r\n  \r\nfour\n\n\n\nfive';
    expect(paragraphRanges(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'one\ntwo',
      'three',
      'four',
      'five',
    ]);
  });

  it('covers text with no breaks as one paragraph', () => {
    expect(paragraphRanges('abc')).toEqual([[0, 3]]);
    expect(paragraphRanges('')).toEqual([[0, 0]]);
  });
});
