import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '@/core/lexicon/schema';
import { readEffectiveSettings, watchEffectiveSettings } from '@/extension/settings';
import { useDocumentLocale } from './document-locale.ts';

/**
 * The locale in force for an extension page (the clinician's setting, or the policy's), followed
 * as it changes; en-GB until it has been read.
 */
export function useEffectiveLocale(): Locale {
  const [locale, setLocale] = useState<Locale>('en-GB');
  useEffect(() => {
    let live = true;
    let seen = false;
    const unwatch = watchEffectiveSettings((settings) => {
      seen = true;
      if (live) setLocale(settings.locale);
    });
    // A change seen by the watcher is newer than the first read: never let the read win.
    void readEffectiveSettings().then(
      (settings) => live && !seen && setLocale(settings.locale),
      () => {},
    );
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  useDocumentLocale(locale);
  return locale;
}
