import { isApostrophe, isClauseBreak, isJoiner, isQuoteMark, isWordCode } from './word-chars.ts';

/**
 * Tokens of one paragraph, in reusable typed arrays so a scan allocates almost nothing.
 * `hash[i]` hashes the normalised word (lower case, straight apostrophes) without building it;
 * `normAt` builds the string only when a caller needs it. `joined[i]` is 1 when the gap before
 * token i holds only whitespace and hyphens (a phrase may continue across it); `clause[i]` is 1
 * when that gap ends a clause (. ! ? ; :).
 */
export interface Tokens {
  text: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  joined: Uint8Array;
  clause: Uint8Array;
  /** 1 when the word is ASCII with straight apostrophes: lower-casing it is all normalising takes. */
  plain: Uint8Array;
  norms: string[];
  /** Quotation-mark-like characters seen between words: none means no quotation to classify. */
  quoteMarks: number;
  /** `norms[i]` is valid only when `normGeneration[i] === generation`. */
  normGeneration: Int32Array;
  generation: number;
}

export function createTokens(capacity = 256): Tokens {
  return {
    text: '',
    count: 0,
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    hash: new Int32Array(capacity),
    joined: new Uint8Array(capacity),
    clause: new Uint8Array(capacity),
    plain: new Uint8Array(capacity),
    norms: [],
    quoteMarks: 0,
    normGeneration: new Int32Array(capacity),
    generation: 0,
  };
}

function grow(t: Tokens): void {
  const size = t.start.length * 2;
  const widen = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
    const b = make(size);
    b.set(a);
    return b;
  };
  t.start = widen(t.start, (n) => new Int32Array(n));
  t.end = widen(t.end, (n) => new Int32Array(n));
  t.hash = widen(t.hash, (n) => new Int32Array(n));
  t.joined = widen(t.joined, (n) => new Uint8Array(n));
  t.clause = widen(t.clause, (n) => new Uint8Array(n));
  t.plain = widen(t.plain, (n) => new Uint8Array(n));
  t.normGeneration = widen(t.normGeneration, (n) => new Int32Array(n));
}

const FOLD_APOSTROPHES = /[’‘ʼ]/g;

/** Normalises one word the way tokens are normalised, so phrases and text compare equal. */
export function normaliseWord(word: string): string {
  if (word === '&') return 'and';
  return word.toLowerCase().replace(FOLD_APOSTROPHES, "'");
}

const AMPERSAND = 38;

/** An ampersand with no word character touching it on either side. */
function standsAlone(text: string, at: number, from: number, to: number): boolean {
  return (
    (at === from || !isWordCode(text.charCodeAt(at - 1))) &&
    (at + 1 >= to || !isWordCode(text.charCodeAt(at + 1)))
  );
}

/** The hash `tokenize` gives a normalised word; the matcher's first-word filter uses it. */
export function hashWord(norm: string): number {
  let h = 0;
  for (let k = 0; k < norm.length; k++) h = (Math.imul(h, 31) + norm.charCodeAt(k)) | 0;
  return h;
}

const AND_HASH = hashWord('and');

/** The normalised word of token k, built on first use. */
export function normAt(t: Tokens, k: number): string {
  if (t.normGeneration[k] === t.generation) return t.norms[k]!;
  const word = t.text.slice(t.start[k], t.end[k]);
  const norm = t.plain[k] ? word.toLowerCase() : normaliseWord(word);
  t.norms[k] = norm;
  t.normGeneration[k] = t.generation;
  return norm;
}

/** Splits text[from, to) into word tokens in one pass, reusing `out`'s arrays. */
export function tokenize(text: string, from = 0, to = text.length, out = createTokens()): Tokens {
  out.text = text;
  out.generation++;
  let {
    start: starts,
    end: ends,
    hash: hashes,
    joined: joins,
    clause: clauses,
    plain: plains,
  } = out;
  let capacity = starts.length;
  let n = 0;
  let i = from;
  let joined = 1;
  let clause = 0;
  let quoteMarks = 0;
  while (i < to) {
    let c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    const ascii = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    const first = i;
    let plain = ascii;
    let h = 0;
    const lone = c === AMPERSAND && standsAlone(text, i, from, to);
    if (lone) {
      // "wear & tear", "bed rest & fluids": a lone ampersand is the word "and" (its hash; its
      // normalised form comes from normaliseWord), so phrases written with "and" match it.
      plain = false;
      h = AND_HASH;
      i++;
    } else {
      if (!ascii && (c < 128 || !isWordCode(c))) {
        if (!isJoiner(c)) {
          joined = 0;
          if (isClauseBreak(c)) clause = 1;
          else if (isQuoteMark(c)) quoteMarks++;
        }
        i++;
        continue;
      }
      for (;;) {
        if (c <= 90 && c >= 65) c += 32;
        else if (c >= 128) plain = false;
        h = (Math.imul(h, 31) + c) | 0;
        if (++i >= to) break;
        c = text.charCodeAt(i);
        if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c >= 48 && c <= 57) continue;
        if (c >= 128 && isWordCode(c)) continue;
        if (isApostrophe(c) && i + 1 < to && isWordCode(text.charCodeAt(i + 1))) {
          if (c !== 39) plain = false;
          continue;
        }
        // "A&E", "B&B", "R&D": one word, as written.
        if (c === AMPERSAND && i + 1 < to && isWordCode(text.charCodeAt(i + 1))) continue;
        break;
      }
    }
    if (n >= capacity) {
      grow(out);
      ({
        start: starts,
        end: ends,
        hash: hashes,
        joined: joins,
        clause: clauses,
        plain: plains,
      } = out);
      capacity = starts.length;
    }
    starts[n] = first;
    ends[n] = i;
    joins[n] = joined;
    clauses[n] = clause;
    if (plain) {
      plains[n] = 1;
      hashes[n] = h;
    } else {
      plains[n] = 0;
      // normAt builds the word; a lone "&" already has its hash.
      hashes[n] = lone ? AND_HASH : hashWord(normAt(out, n));
    }
    n++;
    joined = 1;
    clause = 0;
  }
  out.count = n;
  out.quoteMarks = quoteMarks;
  return out;
}

const scratch = createTokens(16);

/** Words of a phrase or context string, normalised (or only apostrophe-folded); not for hot paths. */
export function words(phrase: string, preserveCase = false): string[] {
  const t = tokenize(phrase, 0, phrase.length, scratch);
  const out: string[] = [];
  for (let k = 0; k < t.count; k++) {
    out.push(
      preserveCase
        ? phrase.slice(t.start[k], t.end[k]).replace(FOLD_APOSTROPHES, "'")
        : normAt(t, k),
    );
  }
  return out;
}
