import type { ContextRules, Entry, Lexicon, Severity } from '../core/index.ts';
import { expandPhrase } from '../core/lexicon/expand-phrase.ts';

/**
 * Deterministic synthetic lexicons for measuring how the engine scales with lexicon size.
 *
 * Each lexicon starts with the same handful of real clinical phrases (so every size finds the
 * same real matches and the comparison is about size alone), then fills up with pseudo-word
 * phrases of 1–4 words. Some multi-word phrases start with a common corpus word ("patient",
 * "the", "her") as real entries do, so the trie walk goes a level deeper before it misses; some
 * use `inflect`, some `(a|b)` alternation, some context rules.
 */

type Shape = Pick<Entry, 'phrases' | 'inflect' | 'context' | 'detect'>;

/** Real phrases, frequent enough in MTSamples that matches (and context checks) happen. */
const REAL_SHAPES: Shape[] = [
  { phrases: ['deny'], inflect: 'verb' },
  { phrases: ['complain of'], inflect: 'verb' },
  { phrases: ['refuse'], inflect: 'verb' },
  { phrases: ['tolerate'], inflect: 'verb' },
  { phrases: ['smoke'], inflect: 'verb', context: { notPrecededBy: ['not', 'never'], window: 3 } },
  { phrases: ['non-compliant'] },
  { phrases: ['poor historian'] },
  { phrases: ['no acute distress'] },
  { phrases: ['well developed'] },
  { phrases: ['alcohol abuse'] },
  { phrases: ['obese'] },
  { phrases: ['pleasant'] },
  { phrases: ['anxious'] },
  { phrases: ['(his|her) pain'] },
  { phrases: ['failed'], context: { onlyFollowedBy: ['to'] } },
  { phrases: ['drug seeking'] },
];

/** Common first words of real phrases. */
const LEADS = [
  'patient',
  'the',
  'she',
  'he',
  'was',
  'is',
  'has',
  'no',
  'not',
  'with',
  'her',
  'his',
];

const ONSETS = 'b bl br d dr f fl g gr k kl l m n p pr r s sk sl t tr v z'.split(' ');
const VOWELS = 'a e i o u ai ea ou'.split(' ');
const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 'k', 'x', 'th'];

const CONTEXTS: ContextRules[] = [
  { notPrecededBy: ['no', 'not'] },
  { notFollowedBy: ['today'], window: 2 },
  { onlyPrecededBy: ['patient', 'she', 'he'], window: 3 },
  { onlyFollowedBy: ['pain', 'and'] },
];

const SEVERITY_CYCLE: Severity[] = ['info', 'suggest', 'warn'];

/** mulberry32: a small, fast, seedable PRNG returning [0, 1) (the browser tests' seeded runs too). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function pseudoWord(rand: () => number): string {
  const syllables = rand() < 0.6 ? 2 : 3;
  let word = '';
  for (let s = 0; s < syllables; s++) word += pick(rand, ONSETS) + pick(rand, VOWELS);
  return word + pick(rand, CODAS);
}

/** 1 word 40%, 2 words 30%, 3 words 20%, 4 words 10%. */
function phraseLength(rand: () => number): number {
  const r = rand();
  return r < 0.4 ? 1 : r < 0.7 ? 2 : r < 0.9 ? 3 : 4;
}

function syntheticShape(rand: () => number): Shape {
  const length = phraseLength(rand);
  const words = Array.from({ length }, () => pseudoWord(rand));
  const led = length > 1 && rand() < 0.3;
  if (led) words[0] = pick(rand, LEADS);
  let phrase = words.join(rand() < 0.1 ? '-' : ' ');
  if (!led && rand() < 0.05) phrase = `(his|her|their) ${phrase}`;
  const shape: Shape = { phrases: [phrase] };
  if (rand() < 0.2)
    shape.inflect = length === 1 ? pick(rand, ['noun', 'verb']) : led ? 'noun' : 'verb';
  if (rand() < 0.1) shape.context = pick(rand, CONTEXTS);
  return shape;
}

/** The phrase forms a shape puts in the trie; undefined if one is already taken. */
function claimForms(shape: Shape, taken: Set<string>): number | undefined {
  const keys = (shape.phrases ?? []).flatMap((p) =>
    expandPhrase(p, shape.inflect).map((seq) => seq.join(' ')),
  );
  if (keys.some((k) => taken.has(k)) || new Set(keys).size !== keys.length) return undefined;
  for (const k of keys) taken.add(k);
  return keys.length;
}

function toEntry(shape: Shape, index: number): Entry {
  const id = `synthetic-${index}`;
  return {
    id,
    category: 'synthetic',
    severity: SEVERITY_CYCLE[index % SEVERITY_CYCLE.length]!,
    ...shape,
    message: `Message for ${id}.`,
    why: `Why for ${id}: a synthetic entry that exists only to measure the engine.`,
    sources: [{ citation: 'Synthetic benchmark entry', year: 2024 }],
    alternatives: ['reports'],
    examples: { flag: ['x'], pass: ['y'] },
  };
}

export interface SyntheticLexicon {
  lexicon: Lexicon;
  /** Word sequences the phrases expand to (inflections, joinings, alternations): trie paths. */
  forms: number;
  /** Entries built from real phrases (the rest are pseudo-words). */
  real: number;
}

/**
 * A lexicon of exactly `size` entries; the same arguments always give the same lexicon. With
 * `scareQuotes`, the last entry is the scare-quotes detector instead of a phrase entry.
 */
export function syntheticLexicon(
  size: number,
  { seed = 20240601, scareQuotes = false } = {},
): SyntheticLexicon {
  const rand = random(seed);
  const taken = new Set<string>();
  const entries: Entry[] = [];
  let forms = 0;
  const phraseEntries = scareQuotes ? size - 1 : size;
  const real = Math.min(phraseEntries, REAL_SHAPES.length);
  for (const shape of REAL_SHAPES.slice(0, real)) {
    const claimed = claimForms(shape, taken);
    if (claimed === undefined) throw new Error(`real phrase ${shape.phrases?.[0]} is not unique`);
    forms += claimed;
    entries.push(toEntry(shape, entries.length));
  }
  while (entries.length < phraseEntries) {
    const shape = syntheticShape(rand);
    const claimed = claimForms(shape, taken);
    if (claimed === undefined) continue;
    forms += claimed;
    entries.push(toEntry(shape, entries.length));
  }
  if (scareQuotes) entries.push(toEntry({ detect: 'scare-quotes' }, entries.length));
  return { lexicon: { name: `synthetic-${size}`, version: '1', entries }, forms, real };
}
