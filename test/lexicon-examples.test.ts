import { describe, expect, it } from 'vitest';
import { compile, validateLexicon } from '../core/index.ts';
import { checkExamples } from '../core/lexicon/check-examples.ts';
import {
  defaultBibliography,
  defaultLexiconFiles,
  defaultLexicon,
} from '../core/default-lexicon.ts';
import { localeWords } from '../core/lexicon/localise.ts';

/**
 * Convention tests: every entry of the default lexicon carries its evidence and its own examples,
 * and each example behaves as written, in the real engine with the whole lexicon loaded: flag
 * examples are flagged and every alternative leaves exactly the corrected sentence beside it.
 */
const lexicon = defaultLexicon();
const matcher = compile([lexicon]);

describe('default lexicon files', () => {
  it.each(Object.entries(defaultLexiconFiles()))('%s.json is a valid lexicon', (_name, file) => {
    const result = validateLexicon(file);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('is valid as one merged lexicon (ids and phrases unique across files)', () => {
    const result = validateLexicon(lexicon);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(Object.entries(defaultLexiconFiles()))(
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
    for (const [name, file] of Object.entries(defaultLexiconFiles())) {
      for (const entry of file.entries)
        expect(`${entry.id}: ${entry.category}`).toBe(`${entry.id}: ${name}`);
    }
  });
});

describe('default bibliography and en-US text', () => {
  // The entries' sources and the prompt kit's (its sections, prompts and reflections).
  const kit = lexicon.prompts;
  const cited = new Set([
    ...lexicon.entries.flatMap((e) => e.sources),
    ...(['sections', 'items', 'reflections'] as const).flatMap((part) =>
      (kit?.[part] ?? []).flatMap((item: { sources?: unknown[] }) => item.sources ?? []),
    ),
  ]);

  it('cites every source by its key, and every key is cited', () => {
    expect(lexicon.entries.filter((e) => e.sources.some((s) => typeof s !== 'string'))).toEqual([]);
    expect(Object.keys(defaultBibliography()).filter((key) => !cited.has(key))).toEqual([]);
  });

  it('defines each source once', () => {
    const norm = (c: string) => c.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const seen = new Map<string, string>();
    for (const [key, source] of Object.entries(defaultBibliography())) {
      const first = seen.get(norm(source.citation));
      expect(first, `${key} repeats ${first}`).toBeUndefined();
      seen.set(norm(source.citation), key);
    }
  });

  it('gives en-US text only where the spelling table does not already give it', () => {
    const copies = lexicon.entries.flatMap((e) => {
      const own = e.locales?.['en-US'];
      if (!own) return [];
      const derived = localeWords({ ...e, locales: undefined }, 'en-US');
      return Object.entries(own)
        .filter(
          ([field, text]) =>
            JSON.stringify(derived[field as keyof typeof derived]) === JSON.stringify(text),
        )
        .map(([field]) => `${e.id}.locales.en-US.${field}`);
    });
    expect(copies).toEqual([]);
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
