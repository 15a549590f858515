/**
 * What "ignore this phrase everywhere" stores: the flagged words without quotation marks or other
 * punctuation (a scare-quoted `"fine"` is stored as `fine`), so the allow-list stays valid.
 */
export function allowPhraseFor(match: string): string {
  return match
    .replace(/[^\p{L}\p{N}\p{M}\s'’-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
