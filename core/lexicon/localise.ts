import type { Entry, Locale } from './schema.ts';

export interface LocalisedText {
  message: string;
  why: string;
  alternatives: string[];
  advice: string | undefined;
}

/** The entry's words in a locale: the base text is en-GB, a locale override replaces fields. */
export function localise(entry: Entry, locale: Locale): LocalisedText {
  const o = entry.locales?.[locale];
  return {
    message: o?.message ?? entry.message,
    why: o?.why ?? entry.why,
    alternatives: o?.alternatives ?? entry.alternatives,
    advice: o?.advice ?? entry.advice,
  };
}
