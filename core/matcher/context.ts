import { expandPhrase } from '../lexicon/expand-phrase.ts';
import type { ContextRules } from '../lexicon/schema.ts';
import { hashWord, normAt, type Tokens } from '../text/tokenize.ts';

/** Trie keys and context keys are word hashes cut to 30 bits (small integers in V8). */
export const KEY_MASK = 0x3fffffff;
export const wordKey = (word: string) => hashWord(word) & KEY_MASK;

/** Context phrases grouped by the key of their first word, so a check looks up, not scans. */
type Sequences = Map<number, string[][]>;

export interface CompiledContext {
  window: number;
  /** Upper bound of words compared in one check, for the matcher's work count. */
  cost: number;
  notPrecededBy?: Sequences;
  notFollowedBy?: Sequences;
  onlyPrecededBy?: Sequences;
  onlyFollowedBy?: Sequences;
}

function sequences(phrases: string[] | undefined): Sequences | undefined {
  if (!phrases) return undefined;
  const byFirst: Sequences = new Map();
  for (const seq of phrases.flatMap((phrase) => expandPhrase(phrase))) {
    const key = wordKey(seq[0]!);
    const list = byFirst.get(key);
    if (list) list.push(seq);
    else byFirst.set(key, [seq]);
  }
  return byFirst;
}

export function compileContext(rules: ContextRules | undefined): CompiledContext | undefined {
  if (!rules) return undefined;
  const window = rules.window ?? 1;
  const compiled = {
    notPrecededBy: sequences(rules.notPrecededBy),
    notFollowedBy: sequences(rules.notFollowedBy),
    onlyPrecededBy: sequences(rules.onlyPrecededBy),
    onlyFollowedBy: sequences(rules.onlyFollowedBy),
  };
  let longest = 1;
  for (const seqs of Object.values(compiled)) {
    for (const list of seqs?.values() ?? [])
      for (const seq of list) longest = Math.max(longest, seq.length);
  }
  return { window, cost: 4 * window * longest, ...compiled };
}

/** Does `seq` occupy tokens [at, at + seq.length) with no clause break inside it? */
function sequenceAt(tokens: Tokens, at: number, seq: string[]): boolean {
  if (at < 0 || at + seq.length > tokens.count) return false;
  for (let k = 0; k < seq.length; k++) {
    if (k > 0 && tokens.clause[at + k]) return false;
    if (normAt(tokens, at + k) !== seq[k]) return false;
  }
  return true;
}

function anyStartsAt(tokens: Tokens, at: number, seqs: Sequences): boolean {
  const list = seqs.get(tokens.hash[at]! & KEY_MASK);
  if (!list) return false;
  for (const seq of list) if (sequenceAt(tokens, at, seq)) return true;
  return false;
}

/** A sequence starts within `window` words after token `after` (exclusive), same clause. */
function followedBy(tokens: Tokens, after: number, seqs: Sequences, window: number): boolean {
  for (let k = 0; k < window; k++) {
    const at = after + k;
    if (at >= tokens.count || tokens.clause[at]) return false;
    if (anyStartsAt(tokens, at, seqs)) return true;
  }
  return false;
}

/** A sequence ends within `window` words before token `before` (exclusive), same clause. */
function precededBy(tokens: Tokens, before: number, seqs: Sequences, window: number): boolean {
  // A sequence of n words ending at `last` starts at last - n + 1: try each start that could.
  for (let k = 0; k < window; k++) {
    const last = before - 1 - k;
    if (last < 0 || tokens.clause[last + 1]) return false;
    for (let startAt = last; startAt >= 0 && startAt >= last - 7; startAt--) {
      const list = seqs.get(tokens.hash[startAt]! & KEY_MASK);
      if (list)
        for (const seq of list)
          if (startAt + seq.length - 1 === last && sequenceAt(tokens, startAt, seq)) return true;
      if (tokens.clause[startAt]) break;
    }
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
  if (ctx.notPrecededBy && precededBy(tokens, first, ctx.notPrecededBy, w)) return false;
  if (ctx.notFollowedBy && followedBy(tokens, last + 1, ctx.notFollowedBy, w)) return false;
  if (!ctx.onlyPrecededBy && !ctx.onlyFollowedBy) return true;
  // With both kinds of "only" rule, either one is enough.
  return (
    (ctx.onlyPrecededBy !== undefined && precededBy(tokens, first, ctx.onlyPrecededBy, w)) ||
    (ctx.onlyFollowedBy !== undefined && followedBy(tokens, last + 1, ctx.onlyFollowedBy, w))
  );
}
