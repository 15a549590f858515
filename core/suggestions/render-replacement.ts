import type { Replacement } from '../finding.ts';
import type { Alternative } from '../lexicon/schema.ts';
import { agreeArticles, articleFor, caseLike } from './agree-articles.ts';

/** Where a phrase matched, word by word, and which options of its groups it took. */
export interface MatchedPhrase {
  text: string;
  /** Start of the paragraph: nothing before it counts as context. */
  from: number;
  /** `[start, end)` of each phrase word in `text`, in order (words let through between them are not listed). */
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  /** The group of each phrase word (1-based; 0 outside groups). */
  groups: ArrayLike<number>;
  /** The option text each group matched ("" for an empty option). */
  option(group: number): string;
  /** The flagged words, normalised and joined by spaces: the key of a `group: 0` table. */
  flagged: string;
  /** How many of the words are leading [context]: words let through after them travel with them. */
  lead: number;
  caseSensitive: boolean;
}

const OPENERS = /["'“‘([\s]/;

/** Whether `at` begins a sentence: the paragraph's start, or after . ! ? : a line break or a bullet. */
export function startsSentence(text: string, from: number, at: number): boolean {
  let i = at - 1;
  while (i >= from && OPENERS.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  if (i < from) return true;
  const c = text[i]!;
  if ('.!?:'.includes(c)) return true;
  // "- Claims …" or "• Claims …" at the start of a line.
  return '-•*–'.includes(c) && (i === from || text[i - 1] === '\n');
}

const BACKREF = /\$(\d)/g;

/**
 * Taking words out: one space (and a comma after a sentence-opening word) goes with them, and
 * the next word takes the capital when they began a sentence ("Apparently, he …" → "He …").
 */
function removal(text: string, start: number, end: number, capital: boolean): Replacement {
  const after = /^,?[ \t]+/.exec(text.slice(end, end + 3));
  if (after) end += after[0].length;
  // At a clause end, the space before goes, and a comma that only introduced the words too.
  else if (text.slice(start - 2, start) === ', ') start -= 2;
  else if (text[start - 1] === ' ') start--;
  if (capital && /\p{Ll}/u.test(text.charAt(end))) {
    return { start, end: end + 1, text: text.charAt(end).toUpperCase() };
  }
  // "an awful-looking knee" → "a knee": the article before agrees with the word now after it.
  const article = /(?:^|[^\p{L}\p{N}])(an?|An?)(\s+)$/u.exec(
    text.slice(Math.max(0, start - 8), start),
  );
  const next = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(text.slice(end))?.[0];
  if (article && next && articleFor(next) !== article[1]!.toLowerCase()) {
    const from = start - article[1]!.length - article[2]!.length;
    return { start: from, end, text: caseLike(article[1]!, articleFor(next)) + article[2] };
  }
  return { start, end, text: '' };
}
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The wording an alternative gives for this match, or undefined when its table has none. */
export function chooseTemplate(alt: Alternative, m: MatchedPhrase): string | undefined {
  if (typeof alt === 'string') return alt;
  const key = alt.group === 0 ? m.flagged : m.option(alt.group);
  return Object.hasOwn(alt.cases, key) ? alt.cases[key] : alt.otherwise;
}

/**
 * The edit one alternative makes: it replaces all the matched words ([context] words too) with
 * the template, `$n` filled with what group n matched as written (words let through before it
 * included), spacing tidied, the first letter capitalised at a sentence start, and "a"/"an"
 * agreeing with the word after it, the article just before the match included.
 */
export function renderReplacement(alt: Alternative, m: MatchedPhrase): Replacement | undefined {
  const template = chooseTemplate(alt, m);
  if (template === undefined) return undefined;
  const { text, starts, ends, groups } = m;
  const last = starts.length - 1;
  let start = starts[0]!;
  const end = ends[last]!;
  const atSentenceStart = startsSentence(text, m.from, start);

  let out = template.replace(BACKREF, (_, digit: string, offset: number) => {
    const g = Number(digit);
    let first = -1;
    let final = -1;
    for (let k = 0; k <= last; k++) {
      if (groups[k] !== g) continue;
      if (first < 0) first = k;
      final = k;
    }
    if (first < 0) return '';
    const from = first > 0 ? ends[first - 1]! : starts[first]!;
    // A group ending the leading [context] keeps the words let through after it: "$1" of
    // "is now successfully self-managing" is "is now".
    const to = final === m.lead - 1 && final < last ? starts[final + 1]! : ends[final]!;
    let words = text
      .slice(from, to)
      .replace(/^[\s\-‐‑]+/, '')
      .trimEnd();
    // "His" moved from the start of a sentence to its middle becomes "his".
    const capitalisedByPosition =
      !m.caseSensitive && starts[first] === start && atSentenceStart && offset > 0;
    const head = words.split(/\s/)[0]!;
    // "I" (and I'm, I'll) is a capital anywhere.
    const pronounI = /^I(?:$|['’])/.test(head);
    if (capitalisedByPosition && !pronounI && head.slice(1) === head.slice(1).toLowerCase()) {
      words = words.charAt(0).toLowerCase() + words.slice(1);
    }
    return words;
  });
  out = agreeArticles(
    out
      .replace(/\s{2,}/g, ' ')
      .replace(/\s+([,.;:])/g, '$1')
      .trim(),
  );
  const capital = atSentenceStart && /\p{Lu}/u.test(text.charAt(start));
  if (out === '') return removal(text, start, end, capital);
  if (capital) out = upperFirst(out);

  // "an addict" → "a person who uses drugs": the article before the match agrees too.
  const before = /(?:^|[^\p{L}\p{N}])(an?|An?)(\s+)$/u.exec(
    text.slice(Math.max(m.from, start - 8), start),
  );
  const firstWord = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(out)?.[0];
  if (before && firstWord) {
    const article = before[1]!;
    const want = articleFor(firstWord);
    if (want !== article.toLowerCase()) {
      start -= article.length + before[2]!.length;
      out = caseLike(article, want) + before[2] + out;
    }
  }
  return { start, end, text: out };
}
