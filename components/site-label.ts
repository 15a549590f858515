import type { Locale } from '../core/lexicon/schema.ts';
import { cardMessages } from '../locales/card.ts';

/** How a site is named to the clinician: its host name, or where local files are. */
export function siteLabel(site: string, locale: Locale = 'en-GB'): string {
  return site === '' ? cardMessages(locale).localFiles : site;
}
