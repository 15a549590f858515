/**
 * A second hash of a whole phrase, independent of the trie's 30-bit word keys (FNV-1a over the
 * words with a separator). A match whose keys agree is confirmed by this number instead of by
 * stored words, so compiled lexicons keep no strings.
 */
export const CHECK_SEED = 0x2545f491;

export function checkWord(h: number, word: string): number {
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x20, 0x01000193);
}

export function phraseCheck(words: readonly string[]): number {
  let h = CHECK_SEED;
  for (const word of words) h = checkWord(h, word);
  return h;
}
