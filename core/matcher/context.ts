import { expandPhrase } from '../lexicon/expand-phrase.ts';
import type { ContextRules } from '../lexicon/schema.ts';
import type { Tokens } from '../text/tokenize.ts';

type Sequences = string[][];

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
  return phrases?.flatMap((phrase) => expandPhrase(phrase));
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
  let words = 0;
  for (const seqs of Object.values(compiled)) for (const seq of seqs ?? []) words += seq.length;
  return { window, cost: window * words, ...compiled };
}

/** Does `seq` occupy tokens [at, at + seq.length) with no clause break inside it? */
function sequenceAt(tokens: Tokens, at: number, seq: string[]): boolean {
  if (at < 0 || at + seq.length > tokens.count) return false;
  for (let k = 0; k < seq.length; k++) {
    if (tokens.norm[at + k] !== seq[k]) return false;
    if (k > 0 && tokens.clause[at + k]) return false;
  }
  return true;
}

/** A sequence starts within `window` words after token `after` (exclusive), same clause. */
function followedBy(tokens: Tokens, after: number, seqs: Sequences, window: number): boolean {
  for (let k = 0; k < window; k++) {
    const at = after + k;
    if (at >= tokens.count || tokens.clause[at]) return false;
    for (const seq of seqs) if (sequenceAt(tokens, at, seq)) return true;
  }
  return false;
}

/** A sequence ends within `window` words before token `before` (exclusive), same clause. */
function precededBy(tokens: Tokens, before: number, seqs: Sequences, window: number): boolean {
  for (let k = 0; k < window; k++) {
    const last = before - 1 - k;
    if (last < 0 || tokens.clause[last + 1]) return false;
    for (const seq of seqs) if (sequenceAt(tokens, last - seq.length + 1, seq)) return true;
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
