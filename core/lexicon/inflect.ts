const CONSONANT_Y = /[^aeiou]y$/;
const SIBILANT = /(?:s|x|z|ch|sh)$/;

/** -s form of a verb or plural of a noun. */
export function plural(word: string): string {
  if (CONSONANT_Y.test(word)) return word.slice(0, -1) + 'ies';
  if (SIBILANT.test(word)) return word + 'es';
  return word + 's';
}

export function pastTense(word: string): string {
  if (word.endsWith('e')) return word + 'd';
  if (CONSONANT_Y.test(word)) return word.slice(0, -1) + 'ied';
  return word + 'ed';
}

export function presentParticiple(word: string): string {
  if (word.endsWith('ie')) return word.slice(0, -2) + 'ying';
  if (word.endsWith('e') && !/(?:ee|ye|oe)$/.test(word)) return word.slice(0, -1) + 'ing';
  return word + 'ing';
}

/**
 * Regular inflections only: doubling ("admitted") and irregular forms are listed in the entry,
 * because a wrong guess would silently match nothing.
 */
export function inflections(word: string, kind: 'noun' | 'verb'): string[] {
  if (kind === 'noun') return [word, plural(word)];
  return [word, plural(word), pastTense(word), presentParticiple(word)];
}
