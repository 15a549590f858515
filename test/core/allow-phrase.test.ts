import { describe, expect, it } from 'vitest';
import { compile } from '../../core/engine.ts';
import { allowPhraseFor, normaliseAllowList } from '../../core/settings/allow-phrase.ts';
import { defaultLexicon } from '../../core/index.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

describe('allowPhraseFor ("ignore this phrase everywhere")', () => {
  it('stores the words without quotation marks or punctuation', () => {
    expect(allowPhraseFor('"Fine."')).toBe('fine');
    expect(allowPhraseFor('Non-compliant')).toBe('non-compliant');
    expect(allowPhraseFor('“still a 10”')).toBe('still a 10');
    expect(allowPhraseFor('"?!"')).toBe('');
  });

  it('writes words as the engine reads them: straight apostrophes, a lone & as "and", A&E kept', () => {
    expect(allowPhraseFor('Isn’t coping')).toBe("isn't coping");
    expect(allowPhraseFor('Wear & tear')).toBe('wear and tear');
    expect(allowPhraseFor('& tear')).toBe('and tear');
    expect(allowPhraseFor('Sent to A&E')).toBe('sent to a&e');
  });

  it('silences the phrase it was made from, however the phrase was written', () => {
    const text = 'Knee pain from wear & tear. She isn’t coping at home.';
    const flagged = compile([defaultLexicon()]).find(text);
    const matches = flagged.map((f) => f.match);
    expect(matches).toEqual(expect.arrayContaining(['wear & tear', 'isn’t coping']));
    const m = compile([defaultLexicon()], { allow: matches.map(allowPhraseFor) });
    expect(m.find(text)).toEqual([]);
  });

  it('lists each phrase once, however often and however it was stored', () => {
    expect(
      normaliseAllowList(['Isn’t coping', "isn't coping", 'wear & tear', '"?!"', 'claims']),
    ).toEqual(["isn't coping", 'wear and tear', 'claims']);
  });

  it('gives a phrase the engine accepts, which then silences the scare quote too', () => {
    const m = compile(
      [lexicon([entry({ id: 'scare', detect: 'scare-quotes', alternatives: [], advice: 'x' })])],
      { allow: [allowPhraseFor('"fine"'), 'A&E "broken"'] },
    );
    expect(m.find('She is "fine" today.')).toEqual([]);
    expect(m.find('She is "well" today.').map((f) => f.match)).toEqual(['"well"']);
  });
});
