import { contextPhrase, expandPhrase } from '../lexicon/expand-phrase.ts';
import type { ContextRules } from '../lexicon/schema.ts';
import {
  ACROSS_COLON,
  LENGTH_MASK,
  type ContextData,
  type SequenceList,
} from './compiled-lexicon.ts';
import { hashWord, normAt, type Tokens } from '../text/tokenize.ts';
import { CHECK_SEED, checkWord, phraseCheck } from './phrase-check.ts';

/** Trie keys and context keys are word hashes cut to 30 bits (small integers in V8). */
export const KEY_MASK = 0x3fffffff;
export const wordKey = (word: string) => hashWord(word) & KEY_MASK;

/** Compiled lists by their phrases: entries copy the same context list (the words that make
 * "self-management" relational, say) into many rules, and expanding a list is most of what
 * compiling a context costs. Values are indices into `lists`. */
export interface ListCache {
  byPhrases: Map<string, number>;
  lists: SequenceList[];
}

export const createListCache = (): ListCache => ({ byPhrases: new Map(), lists: [] });

function sequences(phrases: string[] | undefined, cache: ListCache): number {
  if (!phrases) return -1;
  const key = phrases.join('\u0001');
  const known = cache.byPhrases.get(key);
  if (known !== undefined) return known;
  cache.lists.push(buildSequences(phrases));
  cache.byPhrases.set(key, cache.lists.length - 1);
  return cache.lists.length - 1;
}

function buildSequences(phrases: string[]): SequenceList {
  let clauseStart = false;
  let clauseEnd = false;
  let anyColon = false;
  const seqs = phrases.flatMap((phrase) => {
    const { words, colon, anchor } = contextPhrase(phrase);
    if (anchor === 'start') clauseStart = true;
    if (anchor === 'end') clauseEnd = true;
    if (anchor) return [];
    if (colon !== undefined) anyColon = true;
    return expandPhrase(words).map((seq) => ({ seq, colon: colon !== undefined }));
  });
  const data = new Int32Array(seqs.reduce((n, { seq }) => n + seq.length + 2, 0));
  let at = 0;
  seqs.forEach(({ seq, colon }) => {
    data[at] = seq.length | (colon ? ACROSS_COLON : 0);
    data[at + 1] = phraseCheck(seq);
    seq.forEach((word, k) => (data[at + 2 + k] = wordKey(word)));
    at += seq.length + 2;
  });
  return { data, clauseStart, clauseEnd, colon: anyColon };
}

/**
 * A list as the matcher reads it: the packed phrases, and where the phrases with each first
 * word start, indexed only when an entry using the list first matches.
 */
interface Sequences {
  data: Int32Array;
  byFirst: Map<number, number[]>;
  clauseStart: boolean;
  clauseEnd: boolean;
  colon: boolean;
}

function indexList(list: SequenceList): Sequences {
  const byFirst = new Map<number, number[]>();
  const { data } = list;
  for (let at = 0; at < data.length; at += (data[at]! & LENGTH_MASK) + 2) {
    const key = data[at + 2]!;
    (byFirst.get(key) ?? byFirst.set(key, []).get(key)!).push(at);
  }
  return { ...list, byFirst };
}

/** Is the clause break before token `k` a colon (a label and what it labels)? */
function colonBefore(tokens: Tokens, k: number): boolean {
  return tokens.text.slice(tokens.end[k - 1], tokens.start[k]).includes(':');
}

const RULES = ['notPrecededBy', 'notFollowedBy', 'onlyPrecededBy', 'onlyFollowedBy'] as const;
type Rule = (typeof RULES)[number];

export function compileContext(rules: ContextRules, cache: ListCache): ContextData {
  const given = rules.window ?? 1;
  const reach = (rule: Rule) => (typeof given === 'number' ? given : (given[rule] ?? 1));
  const window = RULES.map(reach) as ContextData['window'];
  const lists = RULES.map((rule) => sequences(rules[rule], cache)) as ContextData['lists'];
  let longest = 1;
  for (const index of lists) {
    const data = index >= 0 ? cache.lists[index]!.data : undefined;
    for (let at = 0; data && at < data.length; at += (data[at]! & LENGTH_MASK) + 2) {
      longest = Math.max(longest, data[at]! & LENGTH_MASK);
    }
  }
  return { window, cost: 4 * Math.max(...window) * longest, lists };
}

/** Context rules as the matcher reads them: each list indexed the first time it is needed. */
export interface ContextReader {
  allows(context: number, tokens: Tokens, first: number, last: number): boolean;
  cost(context: number): number;
}

export function contextReader(contexts: readonly ContextData[], lists: readonly SequenceList[]) {
  const indexed: (Sequences | undefined)[] = [];
  const list = (k: number) => (k < 0 ? undefined : (indexed[k] ??= indexList(lists[k]!)));
  return {
    cost: (context: number) => contexts[context]!.cost,
    allows(context: number, tokens: Tokens, first: number, last: number): boolean {
      const { window: w, lists: l } = contexts[context]!;
      const notPreceded = list(l[0]);
      if (notPreceded && precededBy(tokens, first, notPreceded, w[0])) return false;
      const notFollowed = list(l[1]);
      if (notFollowed && followedBy(tokens, last + 1, notFollowed, w[1])) return false;
      if (l[2] < 0 && l[3] < 0) return true;
      // With both kinds of "only" rule, either one is enough.
      const onlyPreceded = list(l[2]);
      const onlyFollowed = list(l[3]);
      return (
        (onlyPreceded !== undefined && precededBy(tokens, first, onlyPreceded, w[2])) ||
        (onlyFollowed !== undefined && followedBy(tokens, last + 1, onlyFollowed, w[3]))
      );
    },
  } satisfies ContextReader;
}

/** Does the phrase at `offset` occupy tokens [at, at + length) with no clause break inside? */
function sequenceAt(tokens: Tokens, at: number, seqs: Sequences, offset: number): boolean {
  const { data } = seqs;
  const length = data[offset]! & LENGTH_MASK;
  if (at < 0 || at + length > tokens.count) return false;
  for (let k = 0; k < length; k++) {
    if (k > 0 && tokens.clause[at + k]) return false;
    if ((tokens.hash[at + k]! & KEY_MASK) !== data[offset + 2 + k]) return false;
  }
  // Keys agree: confirm with the phrase's check hash, as two words may share a key.
  let h = CHECK_SEED;
  for (let k = 0; k < length; k++) h = checkWord(h, normAt(tokens, at + k));
  return h === data[offset + 1];
}

function anyStartsAt(tokens: Tokens, at: number, seqs: Sequences, colon: boolean): boolean {
  const offsets = seqs.byFirst.get(tokens.hash[at]! & KEY_MASK);
  if (!offsets) return false;
  const { data } = seqs;
  for (const offset of offsets) {
    if (((data[offset]! & ACROSS_COLON) !== 0) !== colon) continue;
    if (sequenceAt(tokens, at, seqs, offset)) return true;
  }
  return false;
}

function anyEndsAt(tokens: Tokens, last: number, seqs: Sequences, colon: boolean): boolean {
  // A sequence of n words ending at `last` starts at last - n + 1: try each start that could.
  for (let startAt = last; startAt >= 0 && startAt >= last - 7; startAt--) {
    const offsets = seqs.byFirst.get(tokens.hash[startAt]! & KEY_MASK);
    for (const offset of offsets ?? []) {
      const header = seqs.data[offset]!;
      if (((header & ACROSS_COLON) !== 0) !== colon) continue;
      const ends = startAt + (header & LENGTH_MASK) - 1 === last;
      if (ends && sequenceAt(tokens, startAt, seqs, offset)) return true;
    }
    if (tokens.clause[startAt]) break;
  }
  return false;
}

/**
 * A sequence starts within `window` words after token `after` (exclusive), in the same clause,
 * or, for a `": …"` phrase, just across the colon that ends it.
 */
function followedBy(tokens: Tokens, after: number, seqs: Sequences, window: number): boolean {
  if (seqs.clauseEnd && (after >= tokens.count || tokens.clause[after])) return true;
  for (let k = 0; k < window; k++) {
    const at = after + k;
    if (at >= tokens.count) return false;
    if (tokens.clause[at]) {
      return seqs.colon && colonBefore(tokens, at) && anyStartsAt(tokens, at, seqs, true);
    }
    if (anyStartsAt(tokens, at, seqs, false)) return true;
  }
  return false;
}

/**
 * A sequence ends within `window` words before token `before` (exclusive), in the same clause,
 * or, for a `"…:"` phrase, just before the colon that starts it (`Outcome: self-management`).
 */
function precededBy(tokens: Tokens, before: number, seqs: Sequences, window: number): boolean {
  if (seqs.clauseStart && (before === 0 || tokens.clause[before])) return true;
  for (let k = 0; k < window; k++) {
    const last = before - 1 - k;
    if (last < 0) return false;
    if (tokens.clause[last + 1]) {
      return seqs.colon && colonBefore(tokens, last + 1) && anyEndsAt(tokens, last, seqs, true);
    }
    if (anyEndsAt(tokens, last, seqs, false)) return true;
  }
  return false;
}
