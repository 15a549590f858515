import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, createIncrementalScanner } from '../../core/index.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

const m = compile([
  lexicon(
    [
      entry({
        id: 'claims',
        phrases: ['claim'],
        inflect: 'verb',
        context: { notFollowedBy: ['travel'] },
      }),
      entry({ id: 'noncompliant', phrases: ['non-compliant'] }),
      entry({ id: 'head', phrases: ['all in (his|her|my) head'] }),
      entry({ id: 'aa', phrases: ['a a a a a a'] }),
      entry({
        id: 'was-noncompliant',
        phrases: ['[(is|was|)] non-compliant with (her|my)'],
        alternatives: [
          {
            group: 1,
            cases: { is: 'has not taken $2', was: 'had not taken $2', '': 'not taking $2' },
          },
          'an {x}',
        ],
      }),
      entry({ id: 'scare', detect: 'scare-quotes', alternatives: [], advice: 'Remove the marks.' }),
    ],
    { allow: ['claims department'] },
  ),
]);

/** Words the lexicon knows, glue that joins or breaks phrases, and awkward Unicode. */
const piece = fc.oneof(
  fc.constantFrom(
    'claims',
    'Claimed',
    'non',
    'compliant',
    'noncompliant',
    'all',
    'in',
    'her',
    'my',
    'head',
    'a',
    'travel',
    'department',
    'is',
    'was',
    'with',
    'very',
    'an',
  ),
  fc.constantFrom(' ', ' ', '-', '\n', '\n\n', '\r\n', '. ', ', ', '"', '“', '”', "'", '’', ': '),
  fc.constantFrom('😀', '👩🏽‍⚕️', 'e\u0301', '\u0000', '\ufeff', '\u2029', 'Ω', '\ud800'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const textArb = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

describe('engine properties', () => {
  it('every finding slices to its match, in order, within bounds', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        let last = -1;
        for (const f of m.find(text)) {
          expect(text.slice(f.start, f.end)).toBe(f.match);
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.start).toBeGreaterThanOrEqual(last);
          last = f.start;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('every replacement covers its flag, stays in its paragraph and leaves no double spaces', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const f of m.find(text)) {
          expect(f.replacements).toHaveLength(f.suggestions.length);
          const from = text.lastIndexOf('\n\n', f.start);
          const to = text.indexOf('\n\n', f.end);
          for (const r of f.replacements) {
            expect(r.start).toBeLessThanOrEqual(f.start);
            expect(r.end).toBeGreaterThanOrEqual(f.end);
            expect(r.start).toBeGreaterThan(from);
            expect(to < 0 || r.end <= to).toBe(true);
            // Quoted words are kept as the person wrote them; our own wording is tidy.
            if (f.entryId !== 'scare') expect(r.text).not.toMatch(/\s{2}|^\s|\s$/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a prefix of any text shifts findings without changing them', () => {
    fc.assert(
      fc.property(textArb, fc.string({ unit: 'binary', maxLength: 20 }), (text, prefix) => {
        const pre = prefix + '\n\n';
        const plain = m.find(text).map((f) => [f.entryId, f.start, f.end]);
        const shifted = m
          .find(pre + text)
          .filter((f) => f.start >= pre.length)
          .map((f) => [f.entryId, f.start - pre.length, f.end - pre.length]);
        expect(shifted).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary Unicode, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        expect(Array.isArray(m.find(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('re-scanning only changed paragraphs gives the same findings as a full scan', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      insert: fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
    });
    fc.assert(
      fc.property(textArb, fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        const scanner = createIncrementalScanner(m);
        let text = initial;
        expect(scanner.scan(text)).toEqual(m.find(text));
        for (const { at, remove, insert } of edits) {
          const pos = text.length ? at % (text.length + 1) : 0;
          text = text.slice(0, pos) + insert + text.slice(pos + remove);
          expect(scanner.scan(text)).toEqual(m.find(text));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('re-scans only the paragraph that changed', () => {
    const paragraphs = Array.from(
      { length: 50 },
      (_, i) => `Paragraph ${i}: she claims her pain is real.`,
    );
    const scanner = createIncrementalScanner(m);
    scanner.scan(paragraphs.join('\n\n'));
    expect(scanner.lastRescanned).toBe(50);
    paragraphs[20] += ' She is non-compliant.';
    const findings = scanner.scan(paragraphs.join('\n\n'));
    expect(scanner.lastRescanned).toBe(1);
    expect(findings.filter((f) => f.entryId === 'noncompliant')).toHaveLength(1);
  });

  it('does work linear in the input, however pathological', () => {
    const inputs = [
      (n: number) => 'a '.repeat(n),
      (n: number) => 'claims '.repeat(n),
      (n: number) => '"a" '.repeat(n),
      (n: number) => '"'.repeat(n),
      (n: number) => "'a ".repeat(n),
      (n: number) => 'all in her '.repeat(n),
      (n: number) => '\n \n'.repeat(n),
      (n: number) => 'non-'.repeat(n) + 'compliant',
      (n: number) => 'x'.repeat(n * 4),
    ];
    for (const make of inputs) {
      const perChar = (n: number) => {
        const text = make(n);
        const before = m.work;
        m.find(text);
        return (m.work - before) / text.length;
      };
      const small = perChar(1_000);
      const large = perChar(50_000);
      // Work per character must not grow with the input: linear, not quadratic.
      expect(large).toBeLessThanOrEqual(small * 1.1 + 1);
      expect(large).toBeLessThan(30);
    }
  });

  it('finds every one of many repeated phrases in a huge string', () => {
    const text = 'She is non-compliant. '.repeat(20_000);
    const found = m.find(text);
    expect(found).toHaveLength(20_000);
    expect(found[19_999]?.start).toBe(22 * 19_999 + 7);
  });
});
