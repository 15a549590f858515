import { words } from '../text/tokenize.ts';
import { isApostrophe, isJoiner, isWordCode } from '../text/word-chars.ts';
import { inflections } from './inflect.ts';

const MAX_VARIANTS = 512;
/** Up to this many words, every hyphen/space/no-space combination is matched. */
const MAX_JOINABLE_WORDS = 4;

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

/** Every word-sequence with the words joined in each allowed way ("bed blocker" → also "bedblocker"). */
function joinings(tokens: string[]): string[][] {
  if (tokens.length < 2 || tokens.length > MAX_JOINABLE_WORDS) return [tokens];
  const out: string[][] = [];
  const gaps = tokens.length - 1;
  for (let mask = 0; mask < 1 << gaps; mask++) {
    const joined: string[] = [tokens[0]!];
    for (let g = 0; g < gaps; g++) {
      if (mask & (1 << g)) joined[joined.length - 1] += tokens[g + 1]!;
      else joined.push(tokens[g + 1]!);
    }
    out.push(joined);
  }
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
      for (const seq of joinings(form)) {
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
