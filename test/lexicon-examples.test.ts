import { describe, expect, it } from 'vitest';
import { compile, validateLexicon } from '../core/index.ts';
import { DEFAULT_LEXICON_FILES, defaultLexicon } from '../core/default-lexicon.ts';

/**
 * Convention tests: every entry of the default lexicon carries its evidence and its own examples,
 * and each example behaves as written, in the real engine with the whole lexicon loaded.
 */
const lexicon = defaultLexicon();
const matcher = compile([lexicon]);

describe('default lexicon files', () => {
  it.each(Object.entries(DEFAULT_LEXICON_FILES))('%s.json is a valid lexicon', (_name, file) => {
    const result = validateLexicon(file);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('is valid as one merged lexicon (ids and phrases unique across files)', () => {
    const result = validateLexicon(lexicon);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has at least 100 entries across at least 8 categories', () => {
    expect(lexicon.entries.length).toBeGreaterThanOrEqual(100);
    expect(new Set(lexicon.entries.map((e) => e.category)).size).toBeGreaterThanOrEqual(8);
  });

  it('keeps each category in its own file', () => {
    for (const [name, file] of Object.entries(DEFAULT_LEXICON_FILES)) {
      for (const entry of file.entries)
        expect(`${entry.id}: ${entry.category}`).toBe(`${entry.id}: ${name}`);
    }
  });
});

describe.each(lexicon.entries.map((e) => [e.id, e] as const))('entry %s', (id, entry) => {
  it('has a why, a source and an alternative or advice', () => {
    expect(entry.why.length).toBeGreaterThan(40);
    expect(entry.sources.length).toBeGreaterThan(0);
    expect(entry.alternatives.length > 0 || Boolean(entry.advice)).toBe(true);
  });

  it.each(entry.examples.flag)('flags: %s', (sentence) => {
    const ids = matcher.find(sentence).map((f) => f.entryId);
    expect(ids).toContain(id);
  });

  it.each(entry.examples.pass)('passes: %s', (sentence) => {
    const ids = matcher.find(sentence).map((f) => f.entryId);
    expect(ids).not.toContain(id);
  });
});
