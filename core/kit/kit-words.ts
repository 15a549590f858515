import type { Locale } from '../lexicon/schema.ts';
import { toUsSpelling } from '../lexicon/spelling.ts';

/** Something of the kit with wording of its own for en-US (a section, a prompt, a reflection). */
type Worded<F extends string> = { [K in F]?: string } & {
  locales?: { 'en-US'?: { [K in F]?: string } };
};

/**
 * A field of the kit in a locale, as the lexicon's entries are worded (localise.ts): the base
 * text is en-GB; for en-US, its own wording where given, else the en-GB text with US spelling.
 */
export function kitWords<F extends string>(
  thing: Worded<F>,
  field: F,
  locale: Locale,
): string | undefined {
  const text = thing[field];
  if (locale !== 'en-US') return text;
  return thing.locales?.['en-US']?.[field] ?? (text === undefined ? undefined : toUsSpelling(text));
}
