import type { Alternative, Entry, Locale, ResolvedEntry, Source } from './schema.ts';
import { toUsSpelling } from './spelling.ts';

/** The words an entry shows in one locale. */
export interface LocaleWords {
  message: string;
  why: string;
  alternatives: Alternative[];
  advice: string | undefined;
  rewrite: { before: string; after: string } | undefined;
}

export interface LocalisedText extends LocaleWords {
  /** The entry's sources, the ones from the locale's own country first. */
  sources: Source[];
}

const HOME: Record<Locale, Source['region']> = { 'en-GB': 'UK', 'en-US': 'US' };

const usAlternative = (alt: Alternative): Alternative =>
  typeof alt === 'string'
    ? toUsSpelling(alt)
    : {
        ...alt,
        // The keys are what the phrase matched, as written: only the wording changes.
        cases: Object.fromEntries(
          Object.entries(alt.cases).map(([key, text]) => [key, toUsSpelling(text)]),
        ),
        ...(alt.otherwise !== undefined ? { otherwise: toUsSpelling(alt.otherwise) } : {}),
      };

/**
 * The entry's words in a locale. The base text is en-GB; a locale override replaces a field, and
 * for en-US a field without one is the en-GB text with US spelling (spelling.ts).
 */
export function localeWords(
  entry: Pick<Entry, 'message' | 'why' | 'alternatives' | 'advice' | 'rewrite' | 'locales'>,
  locale: Locale,
): LocaleWords {
  const o = entry.locales?.[locale];
  const us = locale === 'en-US';
  const words = (text: string) => (us ? toUsSpelling(text) : text);
  const rewrite = entry.rewrite && {
    before: words(entry.rewrite.before),
    after: words(entry.rewrite.after),
  };
  return {
    message: o?.message ?? words(entry.message),
    why: o?.why ?? words(entry.why),
    alternatives:
      o?.alternatives ?? (us ? entry.alternatives.map(usAlternative) : entry.alternatives),
    advice: o?.advice ?? (entry.advice && words(entry.advice)),
    rewrite: o?.rewrite ?? rewrite,
  };
}

/** The sources most relevant to the locale first: a UK source in en-GB, a US one in en-US. */
export function sourcesFor(sources: readonly Source[], locale: Locale): Source[] {
  const home = HOME[locale];
  const rank = (s: Source) => (s.region === home ? 0 : 1);
  // A stable sort: within a rank, the author's order stands.
  return sources.slice().sort((a, b) => rank(a) - rank(b));
}

/** The entry's words and sources in a locale (its source keys already resolved). */
export function localise(entry: ResolvedEntry, locale: Locale): LocalisedText {
  return { ...localeWords(entry, locale), sources: sourcesFor(entry.sources, locale) };
}
