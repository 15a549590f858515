// The sample letters educators demo with (demo/letters.json), checked as data: together the
// letters as first written show every category of the default lexicon, and each rewritten
// version keeps nothing to flag and has a way back in and the person's context.
import { describe, expect, it } from 'vitest';
import { SAMPLE_LETTERS } from '../../components/playground/sample-letters.ts';
import { compile, defaultLexicon } from '../../core/index.ts';
import { mergeKits } from '../../core/kit/merge-kit.ts';
import { reflect } from '../../core/kit/reflect.ts';

const lexicon = defaultLexicon();
const matcher = compile([lexicon]);
const kit = mergeKits([lexicon.prompts]).kit;

describe('the sample letters', () => {
  it('are the five the training sessions use, each of a kind of document', () => {
    expect(SAMPLE_LETTERS.map((l) => l.id)).toEqual([
      'discharge-to-gp',
      'letter-to-person',
      'mdt-not-for-us',
      'pain-programme-discharge',
      'referral',
    ]);
    for (const letter of SAMPLE_LETTERS) {
      expect(['letter-to-gp', 'letter-to-patient', 'clinical-note']).toContain(letter.kind);
      expect(letter.title.trim()).not.toBe('');
      expect(letter.summary.trim()).not.toBe('');
    }
  });

  it('show every category of the default lexicon between them, as first written', () => {
    const categories = new Set(lexicon.entries.map((e) => e.category));
    const found = new Set(
      SAMPLE_LETTERS.flatMap((l) =>
        matcher.find(l.before, { documentKind: l.kind }).map((f) => f.category),
      ),
    );
    expect([...categories].filter((c) => !found.has(c))).toEqual([]);
  });

  it.each(SAMPLE_LETTERS.map((l) => [l.id, l] as const))(
    '%s, rewritten, has nothing to flag, a way back in and the person’s context',
    (_, letter) => {
      expect(matcher.find(letter.after, { documentKind: letter.kind })).toEqual([]);
      const ids = reflect(letter.after, { kind: letter.kind, kit }).map((r) => r.id);
      expect(ids).toEqual([]);
    },
  );
});
