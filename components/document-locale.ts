import { useEffect } from 'preact/hooks';
import type { Locale } from '@/core/lexicon/schema';

// Apart from use-locale.ts, which reads the extension's settings: the static playground (a page
// with no extension behind it) sets its page's language too.
/** The page's `lang` follows the locale, so screen readers say its words as they are spelt. */
export function useDocumentLocale(locale: Locale): void {
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
}
