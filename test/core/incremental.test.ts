import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, createIncrementalScanner, type Finding } from '../../core/index.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

const m = compile([
  lexicon([
    entry({ id: 'claims', phrases: ['claim'], inflect: 'verb' }),
    entry({ id: 'noncompliant', phrases: ['non-compliant'] }),
    entry({ id: 'refused', phrases: ['refused'] }),
  ]),
]);

/**
 * A finder as the extension's: a paragraph is asked for, and known only once `deliver` is
 * called (as when the background's answer arrives).
 */
function laterFinder() {
  const known = new Map<string, Finding[]>();
  const asked: string[] = [];
  return {
    asked,
    find: (paragraph: string) => {
      const found = known.get(paragraph);
      if (!found) asked.push(paragraph);
      return found;
    },
    deliver() {
      for (const p of asked.splice(0)) known.set(p, m.findInParagraph(p, 0, p.length));
    },
  };
}

const flags = (findings: readonly Finding[]) => findings.map((f) => [f.entryId, f.start, f.match]);

describe('incremental scanning with findings that arrive later', () => {
  it('asks once for each new paragraph and gives the full findings once they are in', () => {
    const finder = laterFinder();
    const scanner = createIncrementalScanner(finder.find);
    const text = 'She claims it hurts.\n\nHe refused the scan.';
    expect(scanner.scan(text)).toEqual([]);
    expect([scanner.lastRescanned, scanner.lastPending]).toEqual([2, 2]);
    // Scanned again before the answer: nothing asked twice.
    scanner.scan(text);
    expect([scanner.lastRescanned, scanner.lastPending]).toEqual([0, 2]);
    finder.deliver();
    expect(scanner.scan(text)).toEqual(m.find(text));
    expect([scanner.lastRescanned, scanner.lastPending]).toEqual([0, 0]);
  });

  it('keeps the flags on words that did not change while a typed-in paragraph waits', () => {
    const finder = laterFinder();
    const scanner = createIncrementalScanner(finder.find);
    const before = 'She claims it hurts and is non-compliant.\n\nHe refused.';
    scanner.scan(before);
    finder.deliver();
    scanner.scan(before);
    // Typed between the two flags of the first paragraph: both stay, the second moved on.
    const after = 'She claims it really hurts and is non-compliant.\n\nHe refused.';
    expect(flags(scanner.scan(after))).toEqual([
      ['claims', 4, 'claims'],
      ['noncompliant', 34, 'non-compliant'],
      ['refused', 53, 'refused'],
    ]);
    expect(scanner.lastPending).toBe(1);
    // A flag whose own words were edited is not shown until the answer says so.
    const edited = 'She claims it really hurts and is non-complian.\n\nHe refused.';
    expect(flags(scanner.scan(edited))).toEqual([
      ['claims', 4, 'claims'],
      ['refused', 52, 'refused'],
    ]);
    finder.deliver();
    expect(scanner.scan(edited)).toEqual(m.find(edited));
  });

  it('starts from another scanner’s flags when given them', () => {
    const finder = laterFinder();
    const text = 'She claims it hurts.';
    const scanner = createIncrementalScanner(finder.find, undefined, {
      text,
      findings: m.find(text),
    });
    expect(scanner.scan(text)).toEqual(m.find(text));
    expect(scanner.lastPending).toBe(1);
  });

  it('never shows a waiting flag whose words are not in the text, and agrees once answered', () => {
    const piece = fc.constantFrom('claims', 'claimed', 'non', '-', 'compliant', 'refused', 'she');
    const glue = fc.constantFrom(' ', '\n\n', '. ', ', ');
    const textArb = fc.array(fc.oneof(piece, glue), { maxLength: 30 }).map((p) => p.join(''));
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 8 }),
      insert: fc.array(fc.oneof(piece, glue), { maxLength: 4 }).map((p) => p.join('')),
      answered: fc.boolean(),
    });
    fc.assert(
      fc.property(textArb, fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        const finder = laterFinder();
        const scanner = createIncrementalScanner(finder.find);
        let text = initial;
        scanner.scan(text);
        for (const { at, remove, insert, answered } of edits) {
          const pos = text.length ? at % (text.length + 1) : 0;
          text = text.slice(0, pos) + insert + text.slice(pos + remove);
          const shown = scanner.scan(text);
          for (const f of shown) expect(text.slice(f.start, f.end)).toBe(f.match);
          if (answered) {
            finder.deliver();
            expect(scanner.scan(text)).toEqual(m.find(text));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
