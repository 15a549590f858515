import type { Lexicon, Locale } from '@/core/engine';
import { localeWords } from '@/core/lexicon/localise';

/**
 * A lexicon as a content script needs it, in one locale: each entry's wording for that locale
 * folded in, and no test examples, tags or other locales' text, which only the test suite and
 * the options page read. Every frame of every tab holds one copy, so this halves what it holds.
 */
export function forChecking(lexicon: Lexicon, locale: Locale): Lexicon {
  return {
    ...lexicon,
    // localeWords also derives en-US spelling where the entry gives no en-US text.
    entries: lexicon.entries.map((whole) => {
      const { examples: _examples, tags: _tags, locales: _locales, ...entry } = whole;
      const { advice, rewrite, ...words } = localeWords(whole, locale);
      return {
        ...entry,
        ...words,
        ...(advice !== undefined ? { advice } : {}),
        ...(rewrite !== undefined ? { rewrite } : {}),
        examples: { flag: [], pass: [] },
      };
    }),
  };
}
