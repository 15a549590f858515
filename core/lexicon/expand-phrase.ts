import { createTokens, tokenize, words } from '../text/tokenize.ts';
import { isApostrophe, isJoiner, isWordCode } from '../text/word-chars.ts';
import { inflections } from './inflect.ts';

const MAX_VARIANTS = 512;
/** Up to this many joinable gaps, every hyphen/space/no-space combination is matched. */
const MAX_JOINABLE_GAPS = 3;

export class PhraseError extends Error {}

/** Expands "(his|her|their)" groups; an empty option makes the slot optional. */
export function expandAlternation(phrase: string): string[] {
  const open = phrase.indexOf('(');
  if (open < 0) {
    if (phrase.includes(')') || phrase.includes('|')) {
      throw new PhraseError(`unbalanced "|" or ")" in "${phrase}"; write groups as (a|b)`);
    }
    return [phrase];
  }
  const close = phrase.indexOf(')', open);
  if (close < 0) throw new PhraseError(`missing ")" in "${phrase}"`);
  const options = phrase.slice(open + 1, close).split('|');
  if (options.some((o) => o.includes('('))) {
    throw new PhraseError(`groups cannot nest in "${phrase}"`);
  }
  const head = phrase.slice(0, open);
  const out: string[] = [];
  for (const rest of expandAlternation(phrase.slice(close + 1))) {
    for (const option of options) {
      out.push(head + option + rest);
      if (out.length > MAX_VARIANTS) {
        throw new PhraseError(`"${phrase}" expands to more than ${MAX_VARIANTS} variants`);
      }
    }
  }
  return out;
}

function checkCharacters(phrase: string): void {
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase.charCodeAt(i);
    if (isWordCode(c) || isJoiner(c) || isApostrophe(c)) continue;
    if (c >= 0xd800 && c <= 0xdfff) continue;
    throw new PhraseError(
      `"${phrase}" contains "${phrase[i]}", which never joins words in text; use only words, spaces, hyphens and apostrophes`,
    );
  }
}

/**
 * Every word-sequence with the words joined in each allowed way. Hyphenated words may also be
 * written solid ("non-compliant" → "noncompliant"), and so may a two-word compound ("bed
 * blocker" → "bedblocker"); longer phrases are not run together at their spaces ("was
 * aggressive" is never written "wasaggressive"), which keeps the trie small.
 */
function joinings(tokens: string[], joinable: boolean[]): string[][] {
  const gaps: number[] = [];
  for (let g = 0; g < tokens.length - 1; g++) if (tokens.length === 2 || joinable[g]) gaps.push(g);
  if (gaps.length === 0 || gaps.length > MAX_JOINABLE_GAPS) return [tokens];
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << gaps.length; mask++) {
    const joined: string[] = [tokens[0]!];
    for (let g = 0; g < tokens.length - 1; g++) {
      const k = gaps.indexOf(g);
      if (k >= 0 && mask & (1 << k)) joined[joined.length - 1] += tokens[g + 1]!;
      else joined.push(tokens[g + 1]!);
    }
    out.push(joined);
  }
  return out;
}

/** Which gaps between a phrase's words are hyphens. */
const scratch = createTokens(16);

function hyphenGaps(variant: string): boolean[] {
  const t = tokenize(variant, 0, variant.length, scratch);
  const out: boolean[] = [];
  for (let k = 1; k < t.count; k++) out.push(variant.slice(t.end[k - 1], t.start[k]).includes('-'));
  return out;
}

/**
 * All normalised word sequences a phrase matches. Throws PhraseError with a fix-it message for
 * a phrase that could never match.
 */
export function expandPhrase(
  phrase: string,
  inflect?: 'noun' | 'verb',
  preserveCase = false,
): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const variant of expandAlternation(phrase)) {
    checkCharacters(variant);
    const base = words(variant, preserveCase);
    const joinable = hyphenGaps(variant);
    if (base.length === 0) {
      if (variant === phrase) throw new PhraseError(`"${phrase}" has no words to match`);
      continue;
    }
    const forms: string[][] = [];
    if (!inflect) forms.push(base);
    else {
      // A verb phrase inflects its first word; in "self-manage" that word is the compound's end.
      const at =
        inflect === 'verb' ? words(variant.trim().split(/\s+/)[0]!).length - 1 : base.length - 1;
      for (const form of inflections(base[at]!, inflect)) {
        const copy = base.slice();
        copy[at] = form;
        forms.push(copy);
      }
    }
    for (const form of forms) {
      for (const seq of joinings(form, joinable)) {
        const key = seq.join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          out.push(seq);
        }
      }
    }
  }
  return out;
}
