import { describe, expect, it } from 'vitest';
import { compile } from '../../core/engine.ts';
import { allowPhraseFor } from '../../extension/content/allow-phrase.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

describe('allowPhraseFor ("ignore this phrase everywhere")', () => {
  it('stores the words without quotation marks or punctuation', () => {
    expect(allowPhraseFor('"Fine."')).toBe('fine');
    expect(allowPhraseFor('Non-compliant')).toBe('non-compliant');
    expect(allowPhraseFor('“still a 10”')).toBe('still a 10');
    expect(allowPhraseFor('"?!"')).toBe('');
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
