const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const nonAsciiCache = new Map<number, boolean>();

/** True for a UTF-16 code unit (or code point) that belongs to a word. ASCII is decided inline. */
export function isWordCode(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  // Surrogates: treat both halves as word characters when they form a letter; astral letters are
  // rare enough in notes that checking the pair as a whole is not worth the cost here.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  let known = nonAsciiCache.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCharCode(code));
    nonAsciiCache.set(code, known);
  }
  return known;
}

/** Straight, curly and modifier apostrophes all count as one. */
export function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2018 || code === 0x2bc;
}

/**
 * Characters that may join the words of one phrase: whitespace and hyphens (not a blank line).
 * An en dash counts as a hyphen: word processors turn "non-compliant" and "6-8 week" into it.
 */
export function isJoiner(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 45 ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x2010 ||
    code === 0x2011 ||
    code === 0x2013 ||
    code === 0x202f ||
    (code >= 0x2000 && code <= 0x200b)
  );
}

/** Punctuation that ends a clause: context rules never look past it. */
export function isClauseBreak(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 59 || code === 58;
}

/** Straight and curly quotation marks and apostrophes, and guillemets. */
export function isQuoteMark(code: number): boolean {
  return (
    code === 34 ||
    code === 39 ||
    (code >= 0x2018 && code <= 0x201f) ||
    code === 0xab ||
    code === 0xbb ||
    code === 0x2bc
  );
}
