// Types for `indefinite` (it ships none): the article a word takes, "a" or "an".
declare module 'indefinite' {
  interface Options {
    articleOnly?: boolean;
    capitalize?: boolean;
    caseInsensitive?: boolean;
    numbers?: 'colloquial' | 'formal';
  }
  export default function indefinite(word: string | number, options?: Options): string;
}
