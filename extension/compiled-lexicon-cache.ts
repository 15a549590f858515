import { storage } from 'wxt/utils/storage';
import { defaultLexicon, type Locale } from '@/core/engine';
import { compileLexicon } from '@/core/matcher/compile';
import { COMPILED_FORMAT, encodeCompiled } from '@/core/matcher/compiled-lexicon';
import { forChecking } from './lexicon-for-checking.ts';

/**
 * The lexicon compiled once in the background for every frame, and kept in `storage.session`:
 * the MV3 service worker is stopped when idle, and compiling again on waking would keep every
 * new frame waiting most of a second. The browser clears session storage when the extension is
 * updated or reloaded, so a stored form is always this version's; the key says what it was
 * compiled for. Only the latest form is kept (session storage holds 10 MB in all).
 */
interface Stored {
  key: string;
  compiled: string;
}
const stored = storage.defineItem<Stored | null>('session:compiledLexicon', { fallback: null });

let latest: { key: string; compiled: Promise<string> } | undefined;

/** The compiled lexicon for a locale and personal allow-list, as the JSON frames receive. */
export function compiledLexiconFor(locale: Locale, allow: readonly string[]): Promise<string> {
  const key = JSON.stringify([COMPILED_FORMAT, locale, allow]);
  // Frames asking together share one compilation.
  if (latest?.key === key) return latest.compiled;
  const compiled = (async () => {
    const saved = await stored.getValue().catch(() => null);
    if (saved?.key === key) return saved.compiled;
    const lexicon = compileLexicon([forChecking(defaultLexicon(), locale)], {
      allow: [...allow],
      lean: true,
    });
    const json = JSON.stringify(encodeCompiled(lexicon));
    // Too big for the quota, or storage unavailable: compiled again after the next wake.
    await stored.setValue({ key, compiled: json }).catch(() => {});
    return json;
  })();
  latest = { key, compiled };
  // A failure is not remembered: the next frame to ask tries again.
  compiled.catch(() => {
    if (latest?.compiled === compiled) latest = undefined;
  });
  return compiled;
}
