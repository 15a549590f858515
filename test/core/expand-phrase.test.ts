import { describe, expect, it } from 'vitest';
import { expandPhrase, PhraseError } from '../../core/lexicon/expand-phrase.ts';
import { inflections } from '../../core/lexicon/inflect.ts';

const keys = (seqs: string[][]) => seqs.map((s) => s.join(' ')).sort();

describe('alternation groups', () => {
  it('expands each group and treats an empty option as optional', () => {
    expect(keys(expandPhrase('all in (his|her) head'))).toEqual([
      'all in her head',
      'all in his head',
    ]);
    // A two-word phrase may also be written solid, as every two-word phrase may.
    expect(keys(expandPhrase('(very |)aggressive'))).toEqual([
      'aggressive',
      'very aggressive',
      'veryaggressive',
    ]);
  });

  it('refuses unbalanced or nested groups with a fix-it message', () => {
    expect(() => expandPhrase('all in (his|her head')).toThrow(/missing "\)"/);
    expect(() => expandPhrase('a|b')).toThrow(/write groups as \(a\|b\)/);
    expect(() => expandPhrase('((a|b)|c)')).toThrow(PhraseError);
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
    expect(() => expandPhrase('A+E frequent flyer')).toThrow(/contains "\+"/);
    expect(() => expandPhrase('wear & tear')).toThrow(/lone "&": write "and"/);
    expect(expandPhrase('A&E frequent flyer')).toEqual([['a&e', 'frequent', 'flyer']]);
  });
});
