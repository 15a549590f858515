import { contextPhrase, expandPhrase } from '../lexicon/expand-phrase.ts';
import type { ContextRules } from '../lexicon/schema.ts';
import { hashWord, normAt, type Tokens } from '../text/tokenize.ts';
import { CHECK_SEED, checkWord, phraseCheck } from './phrase-check.ts';

/** Trie keys and context keys are word hashes cut to 30 bits (small integers in V8). */
export const KEY_MASK = 0x3fffffff;
export const wordKey = (word: string) => hashWord(word) & KEY_MASK;

/**
 * Context phrases of one rule, packed: `data` holds, for each phrase, its length, then its
 * check hash and its words' keys; `byFirst` maps a first word's key to where its phrases start.
 * Words are compared by key and a match confirmed by the check hash, so no strings are kept.
 */
interface Sequences {
  data: Int32Array;
  byFirst: Map<number, number[]>;
  /**
   * Offsets of phrases that reach across a colon: a label before the match (`outcome:`,
   * `age 4:`) or one after it (`: 3 year old`). They match only across the colon, the others
   * only within the clause.
   */
  acrossColon: Set<number>;
  /** `"^"` / `"$"` given: the match starting or ending its clause counts as the phrase. */
  clauseStart: boolean;
  clauseEnd: boolean;
}

/**
 * Compiled lists by their phrases: entries copy the same context list (the words that make
 * "self-management" relational, say) into many rules, and expanding a list is most of what
 * compiling a context costs.
 */
export type ListCache = Map<string, Sequences>;

function sequences(phrases: string[] | undefined, cache?: ListCache): Sequences | undefined {
  if (!phrases) return undefined;
  const key = phrases.join('\u0001');
  const known = cache?.get(key);
  if (known) return known;
  const built = buildSequences(phrases);
  cache?.set(key, built);
  return built;
}

function buildSequences(phrases: string[]): Sequences {
  let clauseStart = false;
  let clauseEnd = false;
  const seqs = phrases.flatMap((phrase) => {
    const { words, colon, anchor } = contextPhrase(phrase);
    if (anchor === 'start') clauseStart = true;
    if (anchor === 'end') clauseEnd = true;
    if (anchor) return [];
    return expandPhrase(words).map((seq) => ({ seq, colon: colon !== undefined }));
  });
  const data = new Int32Array(seqs.reduce((n, { seq }) => n + seq.length + 2, 0));
  const byFirst = new Map<number, number[]>();
  const acrossColon = new Set<number>();
  let at = 0;
  seqs.forEach(({ seq, colon }) => {
    const key = wordKey(seq[0]!);
    (byFirst.get(key) ?? byFirst.set(key, []).get(key)!).push(at);
    if (colon) acrossColon.add(at);
    data[at] = seq.length;
    data[at + 1] = phraseCheck(seq);
    seq.forEach((word, k) => (data[at + 2 + k] = wordKey(word)));
    at += seq.length + 2;
  });
  return { data, byFirst, acrossColon, clauseStart, clauseEnd };
}

/** Is the clause break before token `k` a colon (a label and what it labels)? */
function colonBefore(tokens: Tokens, k: number): boolean {
  return tokens.text.slice(tokens.end[k - 1], tokens.start[k]).includes(':');
}

type Rule = 'notPrecededBy' | 'notFollowedBy' | 'onlyPrecededBy' | 'onlyFollowedBy';

export interface CompiledContext {
  /** How far each rule looks, in words. */
  window: Record<Rule, number>;
  /** Upper bound of words compared in one check, for the matcher's work count. */
  cost: number;
  notPrecededBy?: Sequences;
  notFollowedBy?: Sequences;
  onlyPrecededBy?: Sequences;
  onlyFollowedBy?: Sequences;
}

export function compileContext(
  rules: ContextRules | undefined,
  cache?: ListCache,
): CompiledContext | undefined {
  if (!rules) return undefined;
  const given = rules.window ?? 1;
  const reach = (rule: Rule) => (typeof given === 'number' ? given : (given[rule] ?? 1));
  const window = {
    notPrecededBy: reach('notPrecededBy'),
    notFollowedBy: reach('notFollowedBy'),
    onlyPrecededBy: reach('onlyPrecededBy'),
    onlyFollowedBy: reach('onlyFollowedBy'),
  };
  const compiled = {
    notPrecededBy: sequences(rules.notPrecededBy, cache),
    notFollowedBy: sequences(rules.notFollowedBy, cache),
    onlyPrecededBy: sequences(rules.onlyPrecededBy, cache),
    onlyFollowedBy: sequences(rules.onlyFollowedBy, cache),
  };
  let longest = 1;
  for (const seqs of Object.values(compiled)) {
    for (let at = 0; seqs && at < seqs.data.length; at += seqs.data[at]! + 2) {
      longest = Math.max(longest, seqs.data[at]!);
    }
  }
  return { window, cost: 4 * Math.max(...Object.values(window)) * longest, ...compiled };
}

/** Does the phrase at `offset` occupy tokens [at, at + length) with no clause break inside? */
function sequenceAt(tokens: Tokens, at: number, seqs: Sequences, offset: number): boolean {
  const { data } = seqs;
  const length = data[offset]!;
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
  for (const offset of offsets) {
    if (seqs.acrossColon.has(offset) !== colon) continue;
    if (sequenceAt(tokens, at, seqs, offset)) return true;
  }
  return false;
}

function anyEndsAt(tokens: Tokens, last: number, seqs: Sequences, colon: boolean): boolean {
  // A sequence of n words ending at `last` starts at last - n + 1: try each start that could.
  for (let startAt = last; startAt >= 0 && startAt >= last - 7; startAt--) {
    const offsets = seqs.byFirst.get(tokens.hash[startAt]! & KEY_MASK);
    for (const offset of offsets ?? []) {
      if (seqs.acrossColon.has(offset) !== colon) continue;
      const ends = startAt + seqs.data[offset]! - 1 === last;
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
      return (
        seqs.acrossColon.size > 0 && colonBefore(tokens, at) && anyStartsAt(tokens, at, seqs, true)
      );
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
      return (
        seqs.acrossColon.size > 0 &&
        colonBefore(tokens, last + 1) &&
        anyEndsAt(tokens, last, seqs, true)
      );
    }
    if (anyEndsAt(tokens, last, seqs, false)) return true;
  }
  return false;
}

/** Whether a match over tokens [first, last] counts under its entry's context rules. */
export function contextAllows(
  ctx: CompiledContext,
  tokens: Tokens,
  first: number,
  last: number,
): boolean {
  const w = ctx.window;
  if (ctx.notPrecededBy && precededBy(tokens, first, ctx.notPrecededBy, w.notPrecededBy))
    return false;
  if (ctx.notFollowedBy && followedBy(tokens, last + 1, ctx.notFollowedBy, w.notFollowedBy))
    return false;
  if (!ctx.onlyPrecededBy && !ctx.onlyFollowedBy) return true;
  // With both kinds of "only" rule, either one is enough.
  return (
    (ctx.onlyPrecededBy !== undefined &&
      precededBy(tokens, first, ctx.onlyPrecededBy, w.onlyPrecededBy)) ||
    (ctx.onlyFollowedBy !== undefined &&
      followedBy(tokens, last + 1, ctx.onlyFollowedBy, w.onlyFollowedBy))
  );
}
