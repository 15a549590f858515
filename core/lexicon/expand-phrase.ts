import { createTokens, normaliseWord, tokenize, words } from '../text/tokenize.ts';
import { isApostrophe, isJoiner, isWordCode } from '../text/word-chars.ts';
import { inflections } from './inflect.ts';

const MAX_VARIANTS = 2048;
/** Up to this many joinable gaps, every hyphen/space/no-space combination is matched. */
const MAX_JOINABLE_GAPS = 3;

export class PhraseError extends Error {}

function checkCharacters(phrase: string): void {
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase.charCodeAt(i);
    if (isWordCode(c) || isJoiner(c) || isApostrophe(c)) continue;
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (c === 38) {
      // "A&E" is one word in text; a lone "&" is read as "and", which is how to write it here.
      const inWord =
        i > 0 && isWordCode(phrase.charCodeAt(i - 1)) && isWordCode(phrase.charCodeAt(i + 1));
      if (inWord) continue;
      throw new PhraseError(
        `"${phrase}" has a lone "&": write "and", which also matches "&" in text`,
      );
    }
    throw new PhraseError(
      `"${phrase}" contains "${phrase[i]}", which never joins words in text; use only words, spaces, hyphens and apostrophes`,
    );
  }
}

/**
 * Every way of joining a phrase's words: for each result, the runs of word indices written as
 * one word. Hyphenated words may also be written solid ("non-compliant" → "noncompliant"), and
 * so may a two-word compound ("bed blocker" → "bedblocker"); longer phrases are not run together
 * at their spaces ("was aggressive" is never written "wasaggressive"), which keeps the trie small.
 * Context words in [brackets] never join the words they surround.
 */
function joinings(count: number, joinable: boolean[], core: [number, number]): number[][][] {
  const coreLength = core[1] - core[0];
  const gaps: number[] = [];
  for (let g = 0; g < count - 1; g++) {
    const inCore = g >= core[0] && g + 1 < core[1];
    if (inCore && (coreLength === 2 || joinable[g])) gaps.push(g);
  }
  const single = () => Array.from({ length: count }, (_, k) => [k]);
  if (gaps.length === 0 || gaps.length > MAX_JOINABLE_GAPS) return [single()];
  const out: number[][][] = [];
  for (let mask = 0; mask < 1 << gaps.length; mask++) {
    const runs: number[][] = [[0]];
    for (let g = 0; g < count - 1; g++) {
      const k = gaps.indexOf(g);
      if (k >= 0 && mask & (1 << k)) runs[runs.length - 1]!.push(g + 1);
      else runs.push([g + 1]);
    }
    out.push(runs);
  }
  return out;
}

/** Which gaps between a phrase's words are hyphens, and where each word starts. */
const scratch = createTokens(16);

function wordsOf(variant: string, preserveCase: boolean) {
  const t = tokenize(variant, 0, variant.length, scratch);
  const base: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  /** The text between word k and word k + 1. */
  const gaps: string[] = [];
  for (let k = 0; k < t.count; k++) {
    const word = variant.slice(t.start[k], t.end[k]);
    base.push(preserveCase ? word.replace(/[’‘ʼ]/g, "'") : normaliseWord(word));
    starts.push(t.start[k]!);
    ends.push(t.end[k]!);
    if (k > 0) gaps.push(variant.slice(t.end[k - 1], t.start[k]));
  }
  return { base, starts, ends, gaps, count: t.count };
}

/** One way a phrase can be written, word by word, with where its groups and context fall. */
export interface PhraseForm {
  /** Normalised words as the trie holds them. */
  words: string[];
  /** The group (1-based, in order of "(" in the phrase) each word came from; 0 outside groups. */
  groups: number[];
  /** For each group, the index of the option this form took. */
  choices: number[];
  /** Words of a leading and a trailing [context]: matched and replaced, not flagged. */
  lead: number;
  trail: number;
}

export interface PhrasePattern {
  /** Each group's options, normalised ("has been"; "" for an empty option). */
  options: string[][];
  forms: PhraseForm[];
}

interface Piece {
  text: string;
  group: number;
}

/** "(his|her)" groups (as their options) and literal text, in order. */
function pieces(part: string, phrase: string): (Piece | string[])[] {
  const out: (Piece | string[])[] = [];
  let rest = part;
  for (;;) {
    const open = rest.indexOf('(');
    if (open < 0) {
      if (rest.includes(')') || rest.includes('|')) {
        throw new PhraseError(`unbalanced "|" or ")" in "${phrase}"; write groups as (a|b)`);
      }
      if (rest) out.push({ text: rest, group: 0 });
      return out;
    }
    const close = rest.indexOf(')', open);
    if (close < 0) throw new PhraseError(`missing ")" in "${phrase}"`);
    const options = rest.slice(open + 1, close).split('|');
    if (options.some((o) => o.includes('('))) {
      throw new PhraseError(`groups cannot nest in "${phrase}"`);
    }
    if (rest.slice(0, open).includes(')') || rest.slice(0, open).includes('|')) {
      throw new PhraseError(`unbalanced "|" or ")" in "${phrase}"; write groups as (a|b)`);
    }
    if (open > 0) out.push({ text: rest.slice(0, open), group: 0 });
    out.push(options);
    rest = rest.slice(close + 1);
  }
}

/** Splits "[lead] core [trail]" into its three parts. */
function zones(phrase: string): [string, string, string] {
  let lead = '';
  let trail = '';
  let core = phrase.trim();
  if (core.startsWith('[')) {
    const close = core.indexOf(']');
    if (close < 0) throw new PhraseError(`missing "]" in "${phrase}"`);
    lead = core.slice(1, close);
    core = core.slice(close + 1);
  }
  if (core.trimEnd().endsWith(']')) {
    const open = core.lastIndexOf('[');
    if (open < 0) throw new PhraseError(`missing "[" in "${phrase}"`);
    trail = core.slice(open + 1, core.trimEnd().length - 1);
    core = core.slice(0, open);
  }
  if (/[[\]]/.test(lead + core + trail)) {
    throw new PhraseError(
      `"${phrase}": [context] words go only at the start or the end of a phrase, e.g. "[is] non-compliant"`,
    );
  }
  if (!core.trim())
    throw new PhraseError(`"${phrase}" has only [context] words; give the words to flag`);
  // Keep the spaces around the core, so "[is] aggressive" tokenises as two words.
  return [lead ? lead + ' ' : '', core, trail ? ' ' + trail : ''];
}

const NO_GROUPS: ReadonlySet<number> = new Set();

/** The word a collapsed group leaves in a form: no text can hold it. */
export const classMarker = (group: number) => `\u0000${group}`;

interface Zoned {
  zone: number;
  piece: Piece | string[];
  /** For a group: its number, 1-based across the whole phrase. */
  group: number;
}

function parse(phrase: string): { zoned: Zoned[]; options: string[][] } {
  const zoned: Zoned[] = [];
  let group = 0;
  zones(phrase).forEach((part, zone) => {
    for (const piece of pieces(part, phrase)) {
      zoned.push({ zone, piece, group: Array.isArray(piece) ? ++group : 0 });
    }
  });
  const options = zoned.flatMap((z) =>
    Array.isArray(z.piece) ? [z.piece.map((o) => words(o).join(' '))] : [],
  );
  return { zoned, options };
}

/**
 * Expands the pieces of the zones in `include` (0 lead, 1 core, 2 trail). Choices are indexed by
 * the group's number across the whole phrase; groups outside these zones are -1.
 */
function expandZones(
  phrase: string,
  zoned: readonly Zoned[],
  groups: number,
  include: readonly number[],
  inflect: 'noun' | 'verb' | undefined,
  preserveCase: boolean,
  join: boolean,
  collapse: ReadonlySet<number> = NO_GROUPS,
): PhraseForm[] {
  const withCore = include.includes(1);
  let combos: { runs: { text: string; group: number; zone: number }[]; choices: number[] }[] = [
    { runs: [], choices: new Array<number>(groups).fill(-1) },
  ];
  for (const { zone, piece, group } of zoned) {
    if (!include.includes(zone)) continue;
    if (!Array.isArray(piece)) {
      for (const c of combos) c.runs.push({ text: piece.text, group: 0, zone });
      continue;
    }
    const next: typeof combos = [];
    for (const c of combos) {
      piece.forEach((option, i) => {
        // A collapsed group is expanded once (and once empty, if it may be): its word becomes
        // a marker the matcher reads as "any of the group's words".
        if (collapse.has(group) && option !== '' && i !== piece.findIndex((o) => o !== '')) return;
        const choices = c.choices.slice();
        choices[group - 1] = i;
        next.push({ runs: [...c.runs, { text: option, group, zone }], choices });
      });
      if (next.length > MAX_VARIANTS) {
        throw new PhraseError(`"${phrase}" expands to more than ${MAX_VARIANTS} variants`);
      }
    }
    combos = next;
  }

  const seen = new Set<string>();
  const forms: PhraseForm[] = [];
  // Each run's text is tokenised once, and a combination's words are the runs' words put
  // together: tokenising every combination afresh made compiling a large lexicon slow.
  const pieceWords = new Map<
    string,
    ReturnType<typeof wordsOf> & {
      glueStart: boolean;
      glueEnd: boolean;
      head: string;
      tail: string;
    }
  >();
  const wordsOfRun = (text: string) => {
    let w = pieceWords.get(text);
    if (!w) {
      checkCharacters(text);
      const t = wordsOf(text, preserveCase);
      const last = t.count - 1;
      w = {
        ...t,
        glueStart: t.count > 0 && t.starts[0] === 0,
        glueEnd: t.count > 0 && t.ends[last] === text.length,
        head: t.count > 0 ? text.slice(0, t.starts[0]) : text,
        tail: t.count > 0 ? text.slice(t.ends[last]) : '',
      };
      pieceWords.set(text, w);
    }
    return w;
  };
  for (const { runs, choices } of combos) {
    const base: string[] = [];
    const gaps: string[] = [];
    const wordGroups: number[] = [];
    const wordZones: number[] = [];
    let pending = '';
    let glued = false;
    let previousGlues = false;
    for (const r of runs) {
      const w = wordsOfRun(r.text);
      if (w.base.length === 0) {
        pending += r.text;
        continue;
      }
      if (previousGlues && w.glueStart && pending === '') glued = true;
      w.base.forEach((word, k) => {
        if (base.length > 0) gaps.push(k === 0 ? pending + w.head : w.gaps[k - 1]!);
        base.push(word);
        wordGroups.push(r.group);
        wordZones.push(r.zone);
      });
      pending = w.tail;
      previousGlues = w.glueEnd;
    }
    if (glued) {
      // A word runs across a group's edge ("(non|)compliant"): read the combination whole.
      const variant = runs.map((r) => r.text).join('');
      const t = wordsOf(variant, preserveCase);
      const runOf = (at: number) => {
        let from = 0;
        for (const r of runs) {
          if (at < from + r.text.length) return r;
          from += r.text.length;
        }
        return runs[runs.length - 1]!;
      };
      base.splice(0, base.length, ...t.base);
      gaps.splice(0, gaps.length, ...t.gaps);
      wordGroups.splice(0, wordGroups.length, ...t.starts.map((at) => runOf(at).group));
      wordZones.splice(0, wordZones.length, ...t.starts.map((at) => runOf(at).zone));
    }
    if (collapse.size) {
      base.forEach((word, k) => {
        if (collapse.has(wordGroups[k]!)) base[k] = classMarker(wordGroups[k]!);
      });
    }
    const hyphens = gaps.map((g) => g.includes('-'));
    if (base.length === 0 && withCore) {
      if (combos.length === 1) throw new PhraseError(`"${phrase}" has no words to match`);
      continue;
    }
    const lead = withCore ? wordZones.filter((z) => z === 0).length : 0;
    const trail = withCore ? wordZones.filter((z) => z === 2).length : 0;
    if (withCore && lead + trail === base.length) continue;
    const coreStart = lead;
    const coreEnd = withCore ? base.length - trail : 0;

    const inflected: string[][] = [];
    if (!inflect || !withCore) inflected.push(base);
    else {
      // A verb phrase inflects its first word; in "self-manage" that word is the compound's end.
      // The first word as written runs to the first gap with a space in it.
      let firstWordEnd = coreStart;
      while (firstWordEnd + 1 < coreEnd && !/\s/.test(gaps[firstWordEnd]!)) firstWordEnd++;
      const at = inflect === 'verb' ? firstWordEnd : coreEnd - 1;
      for (const form of inflections(base[at]!, inflect)) {
        const copy = base.slice();
        copy[at] = form;
        inflected.push(copy);
      }
    }
    for (const form of inflected) {
      const ways =
        join && withCore
          ? joinings(form.length, hyphens, [coreStart, coreEnd])
          : [form.map((_, k) => [k])];
      for (const runsOfWords of ways) {
        const joined = runsOfWords.map((run) => run.map((k) => form[k]).join(''));
        const key = joined.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        forms.push({
          words: joined,
          groups: runsOfWords.map((run) => wordGroups[run[0]!]!),
          choices,
          lead: withCore ? runsOfWords.filter((run) => run[0]! < coreStart).length : 0,
          trail: withCore ? runsOfWords.filter((run) => run[0]! >= coreEnd).length : 0,
        });
      }
    }
  }
  return forms;
}

/**
 * All word sequences a phrase matches, with the group and context of each word. Throws
 * PhraseError with a fix-it message for a phrase that could never match.
 */
export function expandPattern(
  phrase: string,
  inflect?: 'noun' | 'verb',
  preserveCase = false,
  join = true,
): PhrasePattern {
  const { zoned, options } = parse(phrase);
  const forms = expandZones(phrase, zoned, options.length, [0, 1, 2], inflect, preserveCase, join);
  return { options, forms };
}

/**
 * A phrase as the matcher holds it: the flagged words' forms for the trie, and the [context]
 * words before and after as separate lists, checked around a match. Keeping them out of the trie
 * stops "[(he|she|they) (is|was|has been)]" multiplying every form of the words it precedes.
 */
export interface SplitPattern {
  options: string[][];
  core: PhraseForm[];
  /** Undefined when the phrase has no [context] there; a form with no words makes it optional. */
  readonly lead: PhraseForm[] | undefined;
  readonly trail: PhraseForm[] | undefined;
  /** Whether there is a [context] zone before or after the core, without expanding it. */
  hasLead: boolean;
  hasTrail: boolean;
  /** Groups matched as word classes: their word in `core` forms is `classMarker(group)`. */
  classes: ReadonlySet<number>;
}

export function splitPattern(
  phrase: string,
  inflect?: 'noun' | 'verb',
  collapsible = false,
): SplitPattern {
  const { zoned, options } = parse(phrase);
  const has = (zone: number) => zoned.some((z) => z.zone === zone);
  const collapse = collapsible && !inflect ? collapsibleGroups(zoned, options) : NO_GROUPS;
  const zone = (include: number[]) =>
    expandZones(
      phrase,
      zoned,
      options.length,
      include,
      inflect,
      false,
      true,
      include[0] === 1 ? collapse : NO_GROUPS,
    );
  // The [context] zones are expanded only when read: a compiler that has met the same zone in
  // another phrase (most share a list of auxiliaries) never needs them again.
  let lead: PhraseForm[] | undefined | null = null;
  let trail: PhraseForm[] | undefined | null = null;
  return {
    options,
    core: zone([1]),
    get lead() {
      if (lead === null) lead = has(0) ? zone([0]) : undefined;
      return lead;
    },
    get trail() {
      if (trail === null) trail = has(2) ? zone([2]) : undefined;
      return trail;
    },
    hasLead: has(0),
    hasTrail: has(2),
    classes: collapse,
  };
}

/**
 * Core groups that can be matched as "any of these words" instead of one form per option:
 * every option one word (or empty), and spaces on both sides, so no option joins a neighbour.
 */
function collapsibleGroups(zoned: readonly Zoned[], options: readonly string[][]): Set<number> {
  const out = new Set<number>();
  // A two-word phrase may be written solid ("over react" → "overreact"): keep every form.
  const sample = zoned
    .filter((z) => z.zone === 1)
    .map((z) => (Array.isArray(z.piece) ? (z.piece.find((o) => o !== '') ?? '') : z.piece.text))
    .join('');
  if (words(sample).length <= 2) return out;
  zoned.forEach((z, k) => {
    if (z.zone !== 1 || !Array.isArray(z.piece)) return;
    const words = options[z.group - 1]!;
    if (words.filter(Boolean).length < 2) return;
    const raw = z.piece;
    if (raw.some((o) => o.includes('-') || o !== o.trim())) return;
    if (words.some((w) => w.includes(' '))) return;
    const before = zoned[k - 1];
    const after = zoned[k + 1];
    const beforeOk =
      !before ||
      before.zone !== 1 ||
      (!Array.isArray(before.piece) && /\s$/.test(before.piece.text));
    const afterOk =
      !after || after.zone !== 1 || (!Array.isArray(after.piece) && /^\s/.test(after.piece.text));
    if (beforeOk && afterOk) out.add(z.group);
  });
  return out;
}

/** All normalised word sequences a phrase matches, [context] words included. */
export function expandPhrase(
  phrase: string,
  inflect?: 'noun' | 'verb',
  preserveCase = false,
): string[][] {
  return expandPattern(phrase, inflect, preserveCase).forms.map((f) => f.words);
}

/**
 * A context phrase and which side of it a colon is on: `"outcome:"` is a label just before a
 * colon that starts the match (`Outcome: self-management`), `": 3 year old"` one just after a
 * colon that ends it; `"^"` and `"$"` stand for the start and the end of the clause. Other
 * context phrases stay within the clause.
 */
export function contextPhrase(phrase: string): {
  words: string;
  colon?: 'after' | 'before';
  anchor?: 'start' | 'end';
} {
  const trimmed = phrase.trim();
  // "^" and "$": the start or end of the clause ("Anxious lady, …", "… for her usual.").
  if (trimmed === '^') return { words: '', anchor: 'start' };
  if (trimmed === '$') return { words: '', anchor: 'end' };
  if (trimmed.endsWith(':')) return { words: trimmed.slice(0, -1).trim(), colon: 'after' };
  if (trimmed.startsWith(':')) return { words: trimmed.slice(1).trim(), colon: 'before' };
  return { words: trimmed };
}
