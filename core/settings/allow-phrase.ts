/**
 * What "ignore this phrase everywhere" stores: the flagged words as the engine reads them, lower
 * case, without quotation marks or other punctuation (a scare-quoted `"fine"` is stored as `fine`),
 * curly apostrophes made straight and a lone "&" written as "and" (the tokeniser reads it so), so
 * the phrase stays valid, silences what was flagged, and is listed once however it was typed.
 * Hyphens and a word's own "&" ("A&E") stay: they are part of the words.
 */
export function allowPhraseFor(match: string): string {
  return match
    .replace(/[’‘ʼ]/g, "'")
    .replace(/(^|[^\p{L}\p{N}])&(?![\p{L}\p{N}])/gu, '$1 and ')
    .replace(/[^\p{L}\p{N}\p{M}\s'&-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** An allow-list with every phrase as `allowPhraseFor` stores it, each once, none empty. */
export function normaliseAllowList(phrases: readonly string[]): string[] {
  return [...new Set(phrases.map(allowPhraseFor).filter(Boolean))];
}
