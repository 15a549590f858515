import { describe, expect, it } from 'vitest';
import { expandAlternation, expandPhrase, PhraseError } from '../../core/lexicon/expand-phrase.ts';
import { inflections } from '../../core/lexicon/inflect.ts';

const keys = (seqs: string[][]) => seqs.map((s) => s.join(' ')).sort();

describe('expandAlternation', () => {
  it('expands each group and treats an empty option as optional', () => {
    expect(expandAlternation('all in (his|her) head').sort()).toEqual([
      'all in her head',
      'all in his head',
    ]);
    expect(expandAlternation('(very |)aggressive').sort()).toEqual([
      'aggressive',
      'very aggressive',
    ]);
  });

  it('refuses unbalanced or nested groups with a fix-it message', () => {
    expect(() => expandAlternation('all in (his|her head')).toThrow(/missing "\)"/);
    expect(() => expandAlternation('a|b')).toThrow(/write groups as \(a\|b\)/);
    expect(() => expandAlternation('((a|b)|c)')).toThrow(PhraseError);
  });
});

describe('inflections', () => {
  it('forms regular verb and noun inflections', () => {
    expect(inflections('refuse', 'verb')).toEqual(['refuse', 'refuses', 'refused', 'refusing']);
    expect(inflections('deny', 'verb')).toEqual(['deny', 'denies', 'denied', 'denying']);
    expect(inflections('claim', 'verb')).toEqual(['claim', 'claims', 'claimed', 'claiming']);
    expect(inflections('insist', 'verb')).toEqual(['insist', 'insists', 'insisted', 'insisting']);
    expect(inflections('addict', 'noun')).toEqual(['addict', 'addicts']);
    expect(inflections('sufferer', 'noun')).toEqual(['sufferer', 'sufferers']);
  });
});

describe('expandPhrase', () => {
  it('matches hyphen, space and no-space forms alike', () => {
    expect(keys(expandPhrase('non-compliant'))).toEqual(['non compliant', 'noncompliant']);
    expect(keys(expandPhrase('bed blocker'))).toEqual(['bed blocker', 'bedblocker']);
  });

  it('inflects the first word of a verb phrase and the last of a noun phrase', () => {
    expect(keys(expandPhrase('complain of', 'verb'))).toContain('complained of');
    expect(keys(expandPhrase('pain sufferer', 'noun'))).toContain('pain sufferers');
  });

  it('refuses characters that can never join words in text', () => {
    expect(() => expandPhrase('A&E frequent flyer')).toThrow(/contains "&"/);
  });
});
