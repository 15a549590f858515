import { expandPhrase, PhraseError } from '../lexicon/expand-phrase.ts';
import { MAX_PHRASE_WORDS } from '../lexicon/constants.ts';
import { KEY_MASK, wordKey } from '../matcher/context.ts';
import { isFillerKey, MAX_FILLERS } from '../matcher/fillers.ts';
import { readTrie, TrieBuilder, type Trie } from '../matcher/trie.ts';
import { normAt, type Tokens } from '../text/tokenize.ts';
import { isWordCode } from '../text/word-chars.ts';

/**
 * Named phrase lists (the reflections' cue words) compiled into one trie, and found in a
 * tokenised paragraph. Cues are matched as lexicon phrases are: the engine's tokeniser (case,
 * hyphen, space or no space, curly or straight apostrophes alike), every form expandPhrase gives
 * ("(a|b)" groups), a line break inside a phrase, and up to MAX_FILLERS filler words let through
 * between two of its words ("contact the team" also finds "contact our pain team" only when
 * "pain team" is a cue; "get in touch" finds "get in touch"). Two things differ, because cues
 * answer "is this mentioned?" rather than mark words to change:
 * - every match is kept, overlapping or not (no one-finding-per-stretch rule);
 * - a match that is only part of a hyphenated compound does not count: the cue "her work" does
 *   not find "her work-up", nor "the patient" find "the patient-initiated follow-up".
 */

export interface CueList {
  /** Which list: its name in `cues`, with whatever the caller keeps beside it. */
  name: string;
  phrases: readonly string[];
}

/** One match of a cue: which list, its first and last token, and its character offsets. */
export interface CueMatch {
  list: number;
  first: number;
  last: number;
  start: number;
  end: number;
}

export interface CompiledCues {
  readonly lists: readonly CueList[];
  /** Phrases that could not be matched, as "NAME: problem" (they are left out). */
  readonly problems: readonly string[];
  trie: Trie;
  /** Per trie node, the terminals that end there (a terminal: a list and its form's words). */
  ends: readonly (number[] | undefined)[];
  terminalList: Int32Array;
  terminalWords: readonly (readonly string[])[];
}

export function compileCues(lists: readonly CueList[]): CompiledCues {
  const builder = new TrieBuilder();
  const terminalList: number[] = [];
  const terminalWords: string[][] = [];
  const problems: string[] = [];
  lists.forEach((list, index) => {
    for (const phrase of list.phrases) {
      let forms: string[][];
      try {
        forms = expandPhrase(phrase);
      } catch (error) {
        if (!(error instanceof PhraseError)) throw error;
        problems.push(`${list.name}: ${error.message}`);
        continue;
      }
      if (forms.some((f) => f.length === 0 || f.length > MAX_PHRASE_WORDS)) {
        problems.push(`${list.name}: "${phrase}" has no words, or more than ${MAX_PHRASE_WORDS}`);
        continue;
      }
      for (const words of forms) {
        builder.insert(words.map(wordKey), terminalList.length);
        terminalList.push(index);
        terminalWords.push(words);
      }
    }
  });
  const built = builder.build();
  return {
    lists,
    problems,
    trie: readTrie(built.data),
    ends: built.ends,
    terminalList: Int32Array.from(terminalList),
    terminalWords,
  };
}

const HYPHEN = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;

/** Whether text[start, end) is glued by a hyphen to a word before or after it ("work-up"). */
function partOfCompound(text: string, start: number, end: number): boolean {
  return (
    (start >= 2 && HYPHEN(text.charCodeAt(start - 1)) && isWordCode(text.charCodeAt(start - 2))) ||
    (HYPHEN(text.charCodeAt(end)) && isWordCode(text.charCodeAt(end + 1)))
  );
}

/**
 * Every cue in the tokenised paragraph, pushed onto `out` in order of their first token (a
 * shorter match before a longer one from the same word). Work is linear in the paragraph's words
 * times the longest cue.
 */
export function findCues(cues: CompiledCues, tokens: Tokens, out: CueMatch[]): void {
  const { trie, ends, terminalList, terminalWords } = cues;
  const { count, joined, hash, start, end, text } = tokens;
  const path: number[] = [];

  const report = (node: number, first: number) => {
    for (const t of ends[node] ?? []) {
      const words = terminalWords[t]!;
      if (words.length !== path.length) continue;
      // Keys are hashes: confirm the words themselves.
      let same = true;
      for (let k = 0; k < words.length && same; k++) same = normAt(tokens, path[k]!) === words[k];
      if (!same) continue;
      const last = path[path.length - 1]!;
      if (partOfCompound(text, start[first]!, end[last]!)) continue;
      out.push({ list: terminalList[t]!, first, last, start: start[first]!, end: end[last]! });
    }
  };

  const walk = (node: number, first: number, j: number, letThrough: number): void => {
    report(node, first);
    if (!trie.hasChildren(node)) return;
    let skipped = letThrough;
    for (let k = j + 1; k < count && joined[k]; k++) {
      const key = hash[k]! & KEY_MASK;
      const child = trie.child(node, key);
      if (child >= 0) {
        path.push(k);
        walk(child, first, k, skipped);
        path.pop();
      }
      // A filler may also be let through where it is a cue's own word ("all" in "dear all").
      if (skipped >= MAX_FILLERS || !isFillerKey(key)) return;
      skipped++;
    }
  };

  for (let i = 0; i < count; i++) {
    const node = trie.child(0, hash[i]! & KEY_MASK);
    if (node < 0) continue;
    path.length = 0;
    path.push(i);
    walk(node, i, i, 0);
  }
}
