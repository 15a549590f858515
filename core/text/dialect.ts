import { normAt, type Tokens } from './tokenize.ts';

/**
 * Does a quotation render the person's speech as non-standard English? Park et al. (2021) found
 * that notes stereotype people by quoting their dialect word for word ("he ain't been taking no
 * pills"). The cues are grammatical, not a list of sayings, so new quotations are caught too:
 * non-standard words (ain't, dunno), dropped g's written out (hurtin'), habitual "be" (she be
 * working), "been" with no auxiliary (sugar been high), a double negative (don't need no) and
 * "he don't". Colloquial but standard speech ("kind of", "a bit rough") is not dialect.
 */
const NON_STANDARD = new Set(
  (
    "ain't aint dunno gonna wanna gotta tryna finna innit y'all ya 'em nothin nothin' somethin " +
    "somethin' nuthin lil cuz swole growed brung knowed"
  ).split(' '),
);
/** Words written with their last letters dropped and an apostrophe: "an'" for "and". */
const CLIPPED = new Set(['an', 'ol']);
const NEGATIVE_AUX = /n't$|^(?:not|never|aint)$/;
const SECOND_NEGATIVE = new Set(['no', 'nothing', 'nothin', 'nobody', 'none', 'nowhere', 'never']);
/** Before "be": the standard future, infinitive or imperative ("will be seeing", "to be honest"). */
const BEFORE_STANDARD_BE = new Set(
  (
    "to will would can could should must might may shall 'll won't wouldn't can't cannot couldn't " +
    "shouldn't mustn't don't not never always just"
  ).split(' '),
);
const HAVE = new Set(
  "has have had having 've 's 'd i've he's she's they've we've you've it's i'd he'd she'd they'd".split(
    ' ',
  ),
);
const REAL_BEFORE = new Set(
  (
    'bad good big sick sore soggy tired rough hard quick fast slow nice hot cold painful ' +
    'swollen heavy weak dizzy low high mad angry scared sad loud tight'
  ).split(' '),
);
const SAYING = new Set(['say', 'said', 'says', 'saying', 'take', 'takes']);
const THIRD_PERSON = new Set(['he', 'she', 'it']);

const ADVERB = /ly$|^(?:also|always|never|not|just|still|ever|only|now|since|then|all|both)$/;
function haveBefore(tokens: Tokens, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const w = normAt(tokens, j);
    if (HAVE.has(w)) return true;
    if (!ADVERB.test(w)) return false;
  }
  return false;
}

function isProgressive(word: string): boolean {
  return word.length > 4 && (word.endsWith('ing') || word.endsWith('in') || word.endsWith("in'"));
}

export function soundsLikeDialect(tokens: Tokens, first: number, last: number): boolean {
  const { text } = tokens;
  // From the word before the quotation: `he "be trippin"`, `his sugar been "actin up"`.
  for (let k = Math.max(first - 1, 0); k <= last; k++) {
    const word = normAt(tokens, k);
    const prev = k > 0 ? normAt(tokens, k - 1) : undefined;
    const next = k < last ? normAt(tokens, k + 1) : undefined;
    // "be trippin", "be hurtin all over": habitual be, not "will be seeing".
    if (word === 'be' && prev && !BEFORE_STANDARD_BE.has(prev) && next && isProgressive(next))
      return true;
    // "sugar been actin up", "I been taking": no has/have before "been" (or before the adverb
    // in "had also been").
    if (word === 'been' && prev && next && isProgressive(next) && !haveBefore(tokens, k))
      return true;
    if (k < first) continue;
    if (NON_STANDARD.has(word)) return true;
    // hurtin', actin': a g dropped and marked as dropped; an' and ol' ("and", "old") too.
    const clipped = (word.endsWith('in') && word.length > 4) || CLIPPED.has(word);
    if (clipped && text[tokens.end[k]!] === "'") {
      const after = text.charCodeAt(tokens.end[k]! + 1);
      if (!(after >= 97 && after <= 122)) return true;
    }
    if (word === "don't" && prev && THIRD_PERSON.has(prev)) return true;
    // "real soggy", "swole up real big": "real" for "really" before an adjective.
    if (word === 'real' && next && REAL_BEFORE.has(next)) return true;
    // "don't need no doctor", "ain't got no money": a second negative in the same clause, with
    // no comma between ("don't know, no" is two answers), and not "can't say no".
    if (NEGATIVE_AUX.test(word)) {
      for (let j = k + 1; j <= last && j <= k + 4 && tokens.joined[j]; j++) {
        const w = normAt(tokens, j);
        if (
          SECOND_NEGATIVE.has(w) &&
          j < last &&
          tokens.joined[j + 1] &&
          !SAYING.has(normAt(tokens, j - 1))
        )
          return true;
      }
    }
  }
  return false;
}
