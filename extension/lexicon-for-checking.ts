import type { Lexicon, Locale } from '@/core/engine';

/**
 * A lexicon as a content script needs it, in one locale: each entry's wording for that locale
 * folded in, and no test examples, tags or other locales' text, which only the test suite and
 * the options page read. Every frame of every tab holds one copy, so this halves what it holds.
 */
export function forChecking(lexicon: Lexicon, locale: Locale): Lexicon {
  return {
    ...lexicon,
    entries: lexicon.entries.map(({ examples: _examples, tags: _tags, locales, ...entry }) => ({
      ...entry,
      ...locales?.[locale],
      examples: { flag: [], pass: [] },
    })),
  };
}
