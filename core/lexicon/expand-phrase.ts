import { createTokens, normaliseWord, tokenize, words } from '../text/tokenize.ts';
import { isApostrophe, isJoiner, isWordCode } from '../text/word-chars.ts';
import { inflections } from './inflect.ts';

const MAX_VARIANTS = 2048;
/** Up to this many joinable gaps, every hyphen/space/no-space combination is matched. */
const MAX_JOINABLE_GAPS = 3;

export class PhraseError extends Error {}

/** Expands "(his|her|their)" groups; an empty option makes the slot optional. */
export function expandAlternation(phrase: string): string[] {
  const open = phrase.indexOf('(');
  if (open < 0) {
    if (phrase.includes(')') || phrase.includes('|')) {
      throw new PhraseError(`unbalanced "|" or ")" in "${phrase}"; write groups as (a|b)`);
    }
    return [phrase];
  }
  const close = phrase.indexOf(')', open);
  if (close < 0) throw new PhraseError(`missing ")" in "${phrase}"`);
  const options = phrase.slice(open + 1, close).split('|');
  if (options.some((o) => o.includes('('))) {
    throw new PhraseError(`groups cannot nest in "${phrase}"`);
  }
  const head = phrase.slice(0, open);
  const out: string[] = [];
  for (const rest of expandAlternation(phrase.slice(close + 1))) {
    for (const option of options) {
      out.push(head + option + rest);
      if (out.length > MAX_VARIANTS) {
        throw new PhraseError(`"${phrase}" expands to more than ${MAX_VARIANTS} variants`);
      }
    }
  }
  return out;
}

function checkCharacters(phrase: string): void {
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase.charCodeAt(i);
    if (isWordCode(c) || isJoiner(c) || isApostrophe(c)) continue;
    if (c >= 0xd800 && c <= 0xdfff) continue;
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
  const hyphens: boolean[] = [];
  for (let k = 0; k < t.count; k++) {
    const word = variant.slice(t.start[k], t.end[k]);
    base.push(preserveCase ? word.replace(/[’‘ʼ]/g, "'") : normaliseWord(word));
    starts.push(t.start[k]!);
    if (k > 0) hyphens.push(variant.slice(t.end[k - 1], t.start[k]).includes('-'));
  }
  return { base, starts, hyphens };
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
  const parts = zones(phrase);
  const zoned: { zone: number; piece: Piece | string[] }[] = [];
  parts.forEach((part, zone) => {
    for (const piece of pieces(part, phrase)) zoned.push({ zone, piece });
  });
  const groupOptions = zoned.flatMap((z) => (Array.isArray(z.piece) ? [z.piece] : []));
  const options = groupOptions.map((opts) => opts.map((o) => words(o).join(' ')));

  // Every combination of options, as (text, group, zone) runs.
  let combos: { runs: { text: string; group: number; zone: number }[]; choices: number[] }[] = [
    { runs: [], choices: [] },
  ];
  let group = 0;
  for (const { zone, piece } of zoned) {
    if (!Array.isArray(piece)) {
      for (const c of combos) c.runs.push({ text: piece.text, group: 0, zone });
      continue;
    }
    group++;
    const next: typeof combos = [];
    for (const c of combos) {
      piece.forEach((option, i) => {
        next.push({
          runs: [...c.runs, { text: option, group, zone }],
          choices: [...c.choices, i],
        });
      });
      if (next.length > MAX_VARIANTS) {
        throw new PhraseError(`"${phrase}" expands to more than ${MAX_VARIANTS} variants`);
      }
    }
    combos = next;
  }

  const seen = new Set<string>();
  const forms: PhraseForm[] = [];
  for (const { runs, choices } of combos) {
    const variant = runs.map((r) => r.text).join('');
    checkCharacters(variant);
    const { base, starts, hyphens } = wordsOf(variant, preserveCase);
    if (base.length === 0) {
      if (combos.length === 1) throw new PhraseError(`"${phrase}" has no words to match`);
      continue;
    }
    // Each word belongs to the run its first character falls in.
    const runOf = (at: number) => {
      let from = 0;
      for (const r of runs) {
        if (at < from + r.text.length) return r;
        from += r.text.length;
      }
      return runs[runs.length - 1]!;
    };
    const wordGroups = starts.map((at) => runOf(at).group);
    const wordZones = starts.map((at) => runOf(at).zone);
    const lead = wordZones.filter((z) => z === 0).length;
    const trail = wordZones.filter((z) => z === 2).length;
    if (lead + trail === base.length) continue;
    const coreStart = lead;
    const coreEnd = base.length - trail;

    const inflected: string[][] = [];
    if (!inflect) inflected.push(base);
    else {
      // A verb phrase inflects its first word; in "self-manage" that word is the compound's end.
      const coreText = base.slice(coreStart, coreEnd);
      const firstWord = variant.slice(starts[coreStart]).trim().split(/\s+/)[0]!;
      const at =
        coreStart + (inflect === 'verb' ? words(firstWord).length - 1 : coreText.length - 1);
      for (const form of inflections(base[at]!, inflect)) {
        const copy = base.slice();
        copy[at] = form;
        inflected.push(copy);
      }
    }
    for (const form of inflected) {
      const ways = join
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
          lead: runsOfWords.filter((run) => run[0]! < coreStart).length,
          trail: runsOfWords.filter((run) => run[0]! >= coreEnd).length,
        });
      }
    }
  }
  return { options, forms };
}

/** All normalised word sequences a phrase matches, [context] words included. */
export function expandPhrase(
  phrase: string,
  inflect?: 'noun' | 'verb',
  preserveCase = false,
): string[][] {
  return expandPattern(phrase, inflect, preserveCase).forms.map((f) => f.words);
}
