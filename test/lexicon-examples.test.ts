import { describe, expect, it } from 'vitest';
import { compile, validateLexicon } from '../core/index.ts';
import { checkExamples } from '../core/lexicon/check-examples.ts';
import { DEFAULT_LEXICON_FILES, defaultLexicon } from '../core/default-lexicon.ts';

/**
 * Convention tests: every entry of the default lexicon carries its evidence and its own examples,
 * and each example behaves as written, in the real engine with the whole lexicon loaded: flag
 * examples are flagged and every alternative leaves exactly the corrected sentence beside it.
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

  it.each(Object.entries(DEFAULT_LEXICON_FILES))(
    '%s.json: every example leaves its corrected sentences',
    (_name, file) => {
      expect(checkExamples([lexicon], file)).toEqual([]);
    },
  );

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

  it('keeps notes for authors out of what users read', () => {
    const shown = [
      entry.message,
      entry.why,
      entry.advice ?? '',
      JSON.stringify(entry.alternatives),
    ];
    for (const text of shown)
      expect(text).not.toMatch(/\b(TODO|FIXME|TBC|XXX|placeholder|cite|citation needed)\b/i);
  });

  it.each(entry.examples.pass)('passes: %s', (sentence) => {
    const ids = matcher.find(sentence).map((f) => f.entryId);
    expect(ids).not.toContain(id);
  });
});
