// A service's or clinician's own lexicon cannot make matching slow. Lexicons hold no regular
// expressions: phrases (with their own small syntax of options and groups) and context rules
// only, compiled into one trie. Random layers, and random texts made of the same words, keep the
// work done per character of text bounded, and the work on a text ten times as long ten times as
// much: linear, whatever the layer says. (The layers are compiled alone: the default lexicon's
// size does not bear on this, and compiling it for each run would take minutes.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, validateLexicon, type Entry } from '../../core/index.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

const WORDS = ['a', 'the', 'her', 'pain', 'claims', 'non', 'compliant', 'all', 'in', 'is', 'was'];
const word = fc.constantFrom(...WORDS);
/** A phrase of the lexicon's syntax: words, "(x|y)" options, "[…]" context words. */
const phrase = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: word },
      { weight: 1, arbitrary: fc.tuple(word, word).map(([x, y]) => `(${x}|${y})`) },
      { weight: 1, arbitrary: fc.tuple(word, word).map(([x, y]) => `(${x}|${y}|)`) },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(' '));
const phrases = fc.array(phrase, { minLength: 1, maxLength: 3 });
const context = fc.record(
  {
    notPrecededBy: phrases,
    notFollowedBy: phrases,
    onlyPrecededBy: phrases,
    onlyFollowedBy: phrases,
    window: fc.integer({ min: 1, max: 5 }),
  },
  { requiredKeys: [] },
);
const entries = fc
  .array(fc.record({ phrases, context: fc.option(context, { nil: undefined }) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((list) =>
    list.map((e, k): Entry =>
      entry({
        id: `random-${k}`,
        phrases: e.phrases,
        ...(e.context ? { context: e.context } : {}),
      }),
    ),
  );
const text = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: word },
      { weight: 1, arbitrary: fc.constantFrom('.', ',', '"', '\n', '\n\n', '-') },
    ),
    { minLength: 20, maxLength: 200 },
  )
  .map((parts) => parts.join(' '));

describe('a lexicon layer of any shape', () => {
  it('keeps matching linear in the text', () => {
    fc.assert(
      fc.property(entries, text, (list, sample) => {
        const layer = lexicon(list);
        // Only what a service could load: a layer that validates (its examples aside).
        fc.pre(validateLexicon(layer).ok);
        const m = compile([layer]);
        const workOn = (t: string) => {
          const before = m.work;
          m.find(t);
          return m.work - before;
        };
        // Repeats of the sample (joined, they may match across the joins: that too repeats).
        const times = (n: number) => Array.from({ length: n }, () => sample).join(' ');
        const ten = times(10);
        const tenWork = workOn(ten);
        const hundredWork = workOn(times(100));
        expect(tenWork / ten.length).toBeLessThan(60);
        expect(hundredWork).toBeLessThanOrEqual(tenWork * 10 * 1.1 + 500);
      }),
      { numRuns: 200 },
    );
  });
});
