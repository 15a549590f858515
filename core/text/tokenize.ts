import { isApostrophe, isClauseBreak, isJoiner, isWordCode } from './word-chars.ts';

/**
 * Tokens of one paragraph, as parallel arrays so a scan allocates little.
 * `norm[i]` is the lower-cased word with apostrophes made straight. `joined[i]` says the gap
 * before token i holds only whitespace and hyphens (so a phrase may continue across it);
 * `clause[i]` says the gap before token i ends a clause (. ! ? ; :).
 */
export interface Tokens {
  count: number;
  start: number[];
  end: number[];
  norm: string[];
  joined: boolean[];
  clause: boolean[];
}

export function createTokens(): Tokens {
  return { count: 0, start: [], end: [], norm: [], joined: [], clause: [] };
}

const NEEDS_FOLD = /[’‘ʼ]/g;

/** Normalises one word the way tokens are normalised, so phrases and text compare equal. */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  return NEEDS_FOLD.test(lower) ? lower.replace(NEEDS_FOLD, "'") : lower;
}

/** Splits text[from, to) into word tokens, reusing `out`'s arrays. */
export function tokenize(text: string, from = 0, to = text.length, out = createTokens()): Tokens {
  let n = 0;
  let i = from;
  let gapStart = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (!isWordCode(code)) {
      i++;
      continue;
    }
    const start = i;
    let plain = code < 128;
    i++;
    for (;;) {
      if (i >= to) break;
      const c = text.charCodeAt(i);
      if (isWordCode(c)) {
        if (c >= 128) plain = false;
        i++;
      } else if (isApostrophe(c) && i + 1 < to && isWordCode(text.charCodeAt(i + 1))) {
        if (c !== 39) plain = false;
        i += 2;
      } else break;
    }
    let joined = true;
    let clause = false;
    for (let g = gapStart; g < start; g++) {
      const c = text.charCodeAt(g);
      if (!isJoiner(c)) {
        joined = false;
        if (isClauseBreak(c)) clause = true;
      }
    }
    const word = text.slice(start, i);
    out.start[n] = start;
    out.end[n] = i;
    out.norm[n] = plain ? word.toLowerCase() : normaliseWord(word);
    out.joined[n] = joined;
    out.clause[n] = clause;
    n++;
    gapStart = i;
  }
  out.count = n;
  return out;
}

/** Words of a phrase or context string, normalised (or only apostrophe-folded); not for hot paths. */
export function words(phrase: string, preserveCase = false): string[] {
  const tokens = tokenize(phrase);
  if (!preserveCase) return tokens.norm.slice(0, tokens.count);
  const out: string[] = [];
  for (let k = 0; k < tokens.count; k++) {
    out.push(phrase.slice(tokens.start[k], tokens.end[k]).replace(/[’‘ʼ]/g, "'"));
  }
  return out;
}
