import { wordKey } from './context.ts';
import { createKeyFilter } from './word-filter.ts';

/**
 * Words people put inside a phrase without changing what it says: intensifiers, determiners and
 * a few adverbs ("resistant to all attempts", "not really for us", "is extremely hostile"). The
 * matcher lets up to MAX_FILLERS of them through between two words of a phrase.
 */
export const FILLERS = [
  'very',
  'extremely',
  'really',
  'quite',
  'so',
  'too',
  'rather',
  'highly',
  'particularly',
  'especially',
  'fairly',
  'somewhat',
  'increasingly',
  'completely',
  'totally',
  'entirely',
  'absolutely',
  'utterly',
  'all',
  'every',
  'any',
  'the',
  'a',
  'an',
  'some',
  'always',
  'still',
  'repeatedly',
  'persistently',
  'consistently',
  'frequently',
  'often',
  'again',
  'also',
  'now',
  'clearly',
  'obviously',
  'just',
  'simply',
  'even',
  'ever',
  'further',
  'unfortunately',
  'sadly',
  'currently',
  'previously',
  'generally',
  'largely',
  'quite',
  'most',
  'more',
  'many',
  'multiple',
  'several',
  'numerous',
  'various',
  'recent',
  'our',
  'his',
  'her',
  'their',
] as const;
export const MAX_FILLERS = 2;

const keys = new Set<number>(FILLERS.map(wordKey));
// Asked of nearly every word after a phrase's start, and nearly always no: a bit test answers
// most of those before the set is read.
const fillerBits = createKeyFilter([...keys]);
export const isFillerKey = (key: number) => fillerBits.mayContain(key) && keys.has(key);
