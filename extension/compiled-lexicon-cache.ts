import { storage } from 'wxt/utils/storage';
import { defaultLexicon, type Finding, type Locale, type Matcher } from '@/core/engine';
import { compileLexicon, matcherFrom } from '@/core/matcher/compile';
import {
  COMPILED_FORMAT,
  decodeCompiled,
  encodeCompiled,
  type CompiledLexicon,
  type EncodedLexicon,
} from '@/core/matcher/compiled-lexicon';
import { forChecking } from './lexicon-for-checking.ts';
import type { FindRequest } from './messages.ts';
import type { LayerSet } from './layers.ts';

/**
 * The lexicon compiled once in the background, which checks every frame's text, and kept in
 * `storage.session`: the MV3 service worker is stopped when idle, and compiling again on waking
 * would keep every frame's first check waiting most of a second. The browser clears session storage when the extension is
 * updated or reloaded, so a stored form is always this version's; the key says what it was
 * compiled for. Only the latest form is kept (session storage holds 10 MB in all).
 */
interface Stored {
  key: string;
  compiled: string;
}
const stored = storage.defineItem<Stored | null>('session:compiledLexicon', { fallback: null });

let latest: { key: string; compiled: Promise<CompiledLexicon> } | undefined;

/**
 * The compiled lexicon for a locale, personal allow-list and the layers over the built-in
 * lexicon (a trust's service layer, the clinician's own): read back from session storage when it
 * holds this one, else compiled, and then stored without waiting for the write (a checked
 * paragraph need not wait for some 10 MB to be written).
 */
export function compiledLexiconFor(
  locale: Locale,
  allow: readonly string[],
  layers: LayerSet,
): Promise<CompiledLexicon> {
  const key = JSON.stringify([COMPILED_FORMAT, locale, allow, layers.id]);
  // Frames asking together share one compilation.
  if (latest?.key === key) return latest.compiled;
  const compiled = (async () => {
    const saved = await stored.getValue().catch(() => null);
    // Marks in the worker's own timeline, so a test can tell a restored lexicon from a compiled one.
    if (saved?.key === key) {
      try {
        const restored = decodeCompiled(JSON.parse(saved.compiled) as EncodedLexicon);
        performance.mark('alongside-lexicon-restored');
        return restored;
      } catch {
        // Of another version or damaged: compiled again below.
      }
    }
    performance.mark('alongside-lexicon-compiled');
    const all = [defaultLexicon(), ...layers.layers.map((l) => l.lexicon)];
    const lexicon = compileLexicon(
      all.map((layer) => forChecking(layer, locale)),
      {
        allow: [...allow],
        // Personal changes not allowed: the allow-list silences the built-in entries only.
        ...(layers.allowBelowLayer !== undefined
          ? { allowBelowLayer: layers.allowBelowLayer }
          : {}),
        lean: true,
      },
    );
    // Too big for the quota, or storage unavailable: compiled again after the next wake.
    void stored
      .setValue({ key, compiled: JSON.stringify(encodeCompiled(lexicon)) })
      .catch(() => {});
    return lexicon;
  })();
  latest = { key, compiled };
  // A failure is not remembered: the next frame to ask tries again.
  compiled.catch(() => {
    if (latest?.compiled === compiled) latest = undefined;
  });
  return compiled;
}

let matcher: { key: string; made: Promise<Matcher> } | undefined;

/**
 * The matcher every frame's checks run on, made from the compiled lexicon once per wake of the
 * worker (parsing the stored form takes tens of milliseconds; compiling, most of a second).
 */
export function matcherFor(
  locale: Locale,
  allow: readonly string[],
  layers: LayerSet,
): Promise<Matcher> {
  const key = JSON.stringify([locale, allow, layers.id]);
  if (matcher?.key === key) return matcher.made;
  const made = compiledLexiconFor(locale, allow, layers).then((compiled) =>
    matcherFrom(compiled, { locale }),
  );
  matcher = { key, made };
  made.catch(() => {
    if (matcher?.made === made) matcher = undefined;
  });
  return made;
}

/** What the background answers to a frame's `find`: each paragraph's findings, in order. */
export async function findIn(request: FindRequest, layers: LayerSet): Promise<Finding[][]> {
  const m = await matcherFor(request.locale, request.allow, layers);
  const options = { minSeverity: request.minSeverity, documentKind: request.documentKind };
  return request.paragraphs.map((p) => m.findInParagraph(p, 0, p.length, options));
}
