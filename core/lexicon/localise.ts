import type { Alternative, Entry, Locale, Source } from './schema.ts';

export interface LocalisedText {
  message: string;
  why: string;
  alternatives: Alternative[];
  advice: string | undefined;
  rewrite: { before: string; after: string } | undefined;
  /** The entry's sources, the ones from the locale's own country first. */
  sources: Source[];
}

const HOME: Record<Locale, Source['region']> = { 'en-GB': 'UK', 'en-US': 'US' };

/** The entry's words in a locale: the base text is en-GB, a locale override replaces fields. */
export function localise(entry: Entry, locale: Locale): LocalisedText {
  const o = entry.locales?.[locale];
  const home = HOME[locale];
  const rank = (s: Source) => (s.region === home ? 0 : 1);
  return {
    message: o?.message ?? entry.message,
    why: o?.why ?? entry.why,
    alternatives: o?.alternatives ?? entry.alternatives,
    advice: o?.advice ?? entry.advice,
    rewrite: o?.rewrite ?? entry.rewrite,
    // A stable sort: within a rank, the author's order stands.
    sources: entry.sources.slice().sort((a, b) => rank(a) - rank(b)),
  };
}
