import indefinite from 'indefinite';

/** Letters whose names begin with a vowel sound: "an LFT", "an HbA1c", "an X-ray". */
const VOWEL_NAMED = 'AEFHILMNORSX';

/** Read letter by letter: "LFTs", "HbA1c", "eGFR" (the library knows only all-capital ones). */
const SPELLED_OUT = /^(?:[A-Z]{2,}s?|[A-Za-z][a-z]?[A-Z0-9][A-Za-z0-9]*)$/;

/** "a" or "an" for the word that follows, from a library that knows "an MRI" and "a one-off". */
export function articleFor(word: string): 'a' | 'an' {
  if (SPELLED_OUT.test(word))
    return VOWEL_NAMED.includes(word.charAt(0).toUpperCase()) ? 'an' : 'a';
  return indefinite(word, { articleOnly: true }) === 'an' ? 'an' : 'a';
}

/** The article written with the case of the one it replaces ("An" at a sentence start). */
export function caseLike(model: string, article: 'a' | 'an'): string {
  return model.charAt(0) === 'A' ? article.charAt(0).toUpperCase() + article.slice(1) : article;
}

const ARTICLE_BEFORE_WORD = /(^|[^\p{L}\p{N}])(an?|An?)(\s+)([\p{L}\p{N}][\p{L}\p{N}'’-]*)/gu;

/** Makes every "a"/"an" inside a replacement agree with the word after it. */
export function agreeArticles(text: string): string {
  return text.replace(
    ARTICLE_BEFORE_WORD,
    (whole, lead: string, article: string, gap, word: string) => {
      const want = articleFor(word);
      return want === article.toLowerCase() ? whole : lead + caseLike(article, want) + gap + word;
    },
  );
}
