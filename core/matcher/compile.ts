import type { Finding, Replacement } from '../finding.ts';
import { classMarker, expandPhrase, splitPattern } from '../lexicon/expand-phrase.ts';
import { compileZone, formCodes, indexZone, matchZone, type ContextZone } from './context-zone.ts';
import { localise, type LocalisedText } from '../lexicon/localise.ts';
import { mergeLayers } from '../lexicon/merge-layers.ts';
import type { DocumentKindGuess } from '../document-kind/detect-document-kind.ts';
import {
  saysWhereItApplies,
  type Entry,
  type Lexicon,
  type Locale,
  type ResolvedEntry,
  type Severity,
  type Source,
} from '../lexicon/schema.ts';
import { DOCUMENT_KINDS } from '../lexicon/constants.ts';
import { paragraphRanges } from '../text/paragraphs.ts';
import { classifyQuotations, type Quotation } from '../text/quotations.ts';
import { createTokens, normAt, tokenize, type Tokens } from '../text/tokenize.ts';
import { buildKeyFilter, keyFilter, pairKey } from './word-filter.ts';
import { compileContext, contextReader, createListCache, KEY_MASK, wordKey } from './context.ts';
import {
  COMPILED_FORMAT,
  SEVERITY_RANK,
  packedReader,
  packJson,
  type CompiledLexicon,
  type ContextData,
  type ZoneData,
} from './compiled-lexicon.ts';
import { renderReplacement, type MatchedPhrase } from '../suggestions/render-replacement.ts';
import { isFillerKey, MAX_FILLERS } from './fillers.ts';
import { resolveOverlaps, type Candidate } from './resolve-overlaps.ts';
import { containmentTest, type Span } from './spans.ts';
import { CHECK_SEED, checkWord, phraseCheck } from './phrase-check.ts';
import { readTrie, TrieBuilder } from './trie.ts';
import { isQuoteDetector, quotationFix, quoteDetectorFor, unfilledGaps } from './detectors.ts';
import { isWordCode } from '../text/word-chars.ts';

// Local copies of hot imported bindings: a module's live bindings cost a getter call per use
// where the code runs unbundled (the CLI and the benchmark through tsx).
const MASK = KEY_MASK;
const LET_THROUGH = MAX_FILLERS;
const isFiller = isFillerKey;

export interface CompileOptions {
  /** Which locale's wording to use for messages and suggestions. Matching covers all spellings. */
  locale?: Locale;
  /** Extra phrases never to flag (a personal allow-list). */
  allow?: string[];
  /**
   * When set, `allow` silences only entries of layers below this index (a trust that does not
   * allow personal changes: the personal allow-list cannot silence its service entries).
   */
  allowBelowLayer?: number;
  /** Extra entry ids to switch off. */
  disable?: string[];
  /**
   * Keep in each entry only what findings show (`matcher.entries` then lacks their phrases,
   * context rules and examples, which are compiled): for a lexicon sent to every frame.
   */
  lean?: boolean;
}

export interface FindOptions {
  /**
   * Entries with `appliesTo` only fire in those kinds of document; "unsure" reads as a clinical
   * note. Left out, every entry applies (the lexicon's own examples are checked that way). A
   * function is called only when an entry that depends on the kind is about to fire (the CLI
   * detects a file's kind only then), and should remember its answer.
   */
  documentKind?: DocumentKindGuess | (() => DocumentKindGuess);
  minSeverity?: Severity;
}

export interface Matcher {
  /** Findings in text order, offsets into `text` exactly as given. */
  find(text: string, options?: FindOptions): Finding[];
  /** Findings in one paragraph `text[from, to)`; `find` is this over `paragraphRanges`. */
  findInParagraph(text: string, from: number, to: number, options?: FindOptions): Finding[];
  /** The entries in force after layering, in layer order. */
  readonly entries: readonly Entry[];
  /**
   * Units of work done so far (characters read, trie steps, context words compared): a
   * deterministic measure that lets tests prove matching stays linear without timing anything.
   */
  readonly work: number;
}

/** One match of a phrase's flagged words: its entry, terminal and the words around it. */
interface PhraseCandidate extends Candidate {
  /** Index of the entry, and of the phrase form (terminal) that matched. */
  entry: number;
  terminal: number;
  /** Token index of each matched word, [context] included (words let through are skipped). */
  path: Int32Array;
  /** The group of each of those words, and the option each group took (-1: none). */
  groups: Uint8Array | undefined;
  choices: Int8Array | undefined;
  /** How many of those words are [context] before and after the flagged ones. */
  lead: number;
  trail: number;
}

function severityAllowed(rank: number, options: FindOptions | undefined): boolean {
  return !options?.minSeverity || rank >= SEVERITY_RANK[options.minSeverity];
}

/** A bit per document kind, in DOCUMENT_KINDS order; "unsure" reads as a clinical note. */
const kindBit = (kind: string) =>
  1 << DOCUMENT_KINDS.indexOf((kind === 'unsure' ? 'clinical-note' : kind) as never);

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end;

/** Case-sensitive entries: the matched words, as written, must spell one of the phrase's forms. */
function surfaceMatches(
  text: string,
  tokens: Tokens,
  path: Int32Array,
  forms: Set<string>,
): boolean {
  let spelled = '';
  for (const k of path) spelled += text.slice(tokens.start[k], tokens.end[k]);
  return forms.has(spelled.replace(/[’‘ʼ]/g, "'"));
}

/** Categories whose findings say the sentence doubts the person or disapproves of them. */
const DOUBTING_CATEGORIES = new Set(['credibility', 'blame-adherence', 'dismissal']);

/**
 * Whether the sentence holding a quotation (within its paragraph) also holds a suggest or warn
 * finding that doubts or disapproves: then the marks are not the person's words kept faithfully
 * but part of the same doubt (Beach et al. 2021 describe quotation marks used alongside other
 * doubt markers).
 */
function inDoubtingSentence(
  text: string,
  findings: readonly Finding[],
  q: { start: number; end: number },
  from: number,
  to: number,
): boolean {
  let start = q.start;
  while (start > from && !sentenceEndsBefore(text, start)) start--;
  let end = q.end;
  while (end < to && !sentenceEndsBefore(text, end + 1)) end++;
  return findings.some(
    (f) =>
      f.severity !== 'info' &&
      DOUBTING_CATEGORIES.has(f.category) &&
      f.start >= start &&
      f.end <= end &&
      (f.end <= q.start || f.start >= q.end),
  );
}

/** A full stop, "!" or "?" not followed by a word character ends the sentence before `at`. */
function sentenceEndsBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 2);
  return (c === 46 || c === 33 || c === 63) && !isWordCode(text.charCodeAt(at - 1));
}

/**
 * Compiles layered lexicons into plain data (see compiled-lexicon.ts): every phrase expanded into
 * its forms in a trie, every context list and [context] zone packed. This is the slow part (most
 * of a second for the default lexicon), done once: `matcherFrom` turns the result into a matcher
 * in a few milliseconds, in any frame or process it is sent to.
 */
export function compileLexicon(
  lexicons: readonly Lexicon[],
  options: Omit<CompileOptions, 'locale'> = {},
): CompiledLexicon {
  // A personal allow-list limited to the layers below is kept apart, as phrases of its own.
  const limited = options.allowBelowLayer !== undefined;
  const merged = mergeLayers(lexicons, limited ? { ...options, allow: [] } : options);
  const builder = new TrieBuilder();

  // Entries often share the same context rules (a family of twins with one list of telling
  // verbs): compile each set of rules once. And entries whose rules differ still share lists:
  // each list is expanded once.
  const contexts: ContextData[] = [];
  const contextIndex = new Map<string, number>();
  const lists = createListCache();
  const contextFor = (rules: Entry['context']): number => {
    if (!rules) return -1;
    const key = JSON.stringify(rules);
    let index = contextIndex.get(key);
    if (index === undefined) {
      index = contexts.push(compileContext(rules, lists)) - 1;
      contextIndex.set(key, index);
    }
    return index;
  };
  const zones: ZoneData[] = [];
  const zoneIndex = new Map<string, number>();
  const zoneFor = (
    side: 'lead' | 'trail',
    phrase: string,
    groups: number,
    forms: () => Parameters<typeof compileZone>[1],
  ): number => {
    // Same [context] text and the same number of groups in the phrase: the same zone (the lead's
    // groups are numbered first, the trail's last). Its forms are expanded only the first time.
    const text =
      side === 'lead'
        ? phrase.slice(0, phrase.indexOf(']') + 1)
        : phrase.slice(phrase.lastIndexOf('['));
    const key = `${side}\u0000${text}\u0000${groups}`;
    let index = zoneIndex.get(key);
    if (index === undefined) {
      index = zones.push(compileZone(side, forms())) - 1;
      zoneIndex.set(key, index);
    }
    return index;
  };
  /**
   * A group whose options are single words is one trie edge, keyed by its word class, instead
   * of one path per option: "(his|her|their) (tablets|medication|inhalers)" is one path, not
   * nine. `classMembers` says which words each class holds.
   */
  const classMembers = new Map<number, number[]>();
  const classKeyFor = (options: readonly string[]) => {
    const words = options.filter(Boolean);
    const key = wordKey(`\u0000class\u0000${words.join('|')}`);
    if (!classMembers.has(key)) classMembers.set(key, [...new Set(words.map(wordKey))]);
    return key;
  };

  // Entries cite the same few sources again and again: each is kept once, entries by index.
  const entryList: unknown[] = [];
  const sources: Source[] = [];
  const sourceIndex = new Map<string, number>();
  const sourceOf = (source: Source) => {
    const key = JSON.stringify(source);
    let index = sourceIndex.get(key);
    if (index === undefined) {
      index = sources.push(source) - 1;
      sourceIndex.set(key, index);
    }
    return index;
  };
  const entryLayer: number[] = [];
  const entrySeverity: number[] = [];
  const entryKinds: number[] = [];
  const entrySpecific: number[] = [];
  const entryCaseSensitive: number[] = [];
  const entryContext: number[] = [];
  const entryDetect: string[] = [];
  const phraseEntry: number[] = [];
  const phraseLead: number[] = [];
  const phraseTrail: number[] = [];
  const phraseOptions: (string[][] | null)[] = [];
  const phraseSurface: (string[] | null)[] = [];
  const termPhrase: number[] = [];
  const termCheck: number[] = [];
  const termLength: number[] = [];
  const termClassMask: number[] = [];
  const termForm: (number[] | undefined)[] = [];
  const addTerminal = (
    keys: number[],
    phrase: number,
    words: readonly string[],
    form: number[] | undefined,
    classMask: number,
  ) => {
    builder.insert(keys, termPhrase.length);
    termPhrase.push(phrase);
    termCheck.push(phraseCheck(words));
    termLength.push(words.length);
    termForm.push(form);
    termClassMask.push(classMask);
  };
  const addPhrase = (
    entry: number,
    lead: number,
    trail: number,
    options: string[][] | null,
    surface: string[] | null,
  ) => {
    phraseEntry.push(entry);
    phraseLead.push(lead);
    phraseTrail.push(trail);
    phraseOptions.push(options);
    phraseSurface.push(surface);
    return phraseEntry.length - 1;
  };

  merged.entries.forEach(({ entry, layer }, e) => {
    const { phrases: _p, context: _c, examples: _e, ...lean } = entry;
    entryList.push({ ...(options.lean ? lean : entry), sources: entry.sources.map(sourceOf) });
    entryLayer.push(layer);
    entrySeverity.push(SEVERITY_RANK[entry.severity]);
    entryKinds.push((entry.appliesTo ?? []).reduce((bits, kind) => bits | kindBit(kind), 0));
    entrySpecific.push(saysWhereItApplies(entry.context) ? 1 : 0);
    entryCaseSensitive.push(entry.caseSensitive ? 1 : 0);
    entryContext.push(contextFor(entry.context));
    entryDetect.push(entry.detect ?? '');
    for (const phrase of entry.phrases ?? []) {
      const surface = entry.caseSensitive
        ? [...new Set(expandPhrase(phrase, entry.inflect, true).map((seq) => seq.join('')))]
        : null;
      const split = splitPattern(phrase, entry.inflect, !entry.caseSensitive);
      const { options, core, classes } = split;
      const classKeys = new Map<number, number>();
      for (const g of classes) classKeys.set(g, classKeyFor(options[g - 1]!));
      // Zones are shared by every phrase with the same [context] text.
      const lead = split.hasLead ? zoneFor('lead', phrase, options.length, () => split.lead!) : -1;
      const trail = split.hasTrail
        ? zoneFor('trail', phrase, options.length, () => split.trail!)
        : -1;
      // Plain phrases (no groups) keep no per-form detail: most of the lexicon.
      const plain = options.length === 0;
      const p = addPhrase(e, lead, trail, plain ? null : options, surface);
      for (const f of core) {
        let classMask = 0;
        const keys = f.words.map((w, k) => {
          const g = f.groups[k]!;
          if (k > 30 || !classes.has(g) || w !== classMarker(g)) return wordKey(w);
          classMask |= 1 << k;
          return classKeys.get(g)!;
        });
        addTerminal(
          keys,
          p,
          f.words,
          plain ? undefined : formCodes(f.groups, f.choices),
          classMask,
        );
      }
    }
  });
  // Allow-list phrases are phrases of no entry: -1 silences every entry, -2 only those below
  // `allowBelowLayer`.
  const addAllowed = (phrases: readonly string[], marker: number) => {
    let allowed = -1;
    for (const phrase of phrases) {
      // A stored allow-list phrase that could never match is skipped, not fatal.
      let forms: string[][];
      try {
        forms = expandPhrase(phrase);
      } catch {
        continue;
      }
      if (allowed < 0) allowed = addPhrase(marker, -1, -1, null, null);
      for (const seq of forms) addTerminal(seq.map(wordKey), allowed, seq, undefined, 0);
    }
  };
  addAllowed(merged.allow, -1);
  if (limited) addAllowed(options.allow ?? [], -2);

  const built = builder.build();
  // Terminals side by side in node order: node n's are [termAt[n], termAt[n + 1]).
  const nodes = built.ends.length;
  const termAt = new Int32Array(nodes + 1);
  const order: number[] = [];
  for (let n = 0; n < nodes; n++) {
    termAt[n] = order.length;
    for (const t of built.ends[n] ?? []) order.push(t);
  }
  termAt[nodes] = order.length;
  const termFormAt = new Int32Array(order.length);
  const codes: number[] = [];
  order.forEach((t, k) => {
    const form = termForm[t];
    termFormAt[k] = form === undefined ? -1 : codes.length;
    if (form !== undefined) for (const code of form) codes.push(code);
  });
  const column = (values: number[]) => Int32Array.from(order, (t) => values[t]!);

  // Most words start no phrase, and most that do ("the", "was") are not followed by the phrase's
  // second word: two bit tests rule both out before any map lookup or string is built.
  // The filters hold words: a class edge stands for each of its members.
  const members = (key: number) => classMembers.get(key) ?? [key];
  const singles: number[] = [];
  const pairs: number[] = [];
  for (const first of built.firstKeys) {
    const node = built.child(0, first);
    if (built.ends[node]) singles.push(...members(first));
    for (const second of built.secondKeys(node)) {
      for (const a of members(first)) for (const b of members(second)) pairs.push(pairKey(a, b));
    }
  }
  const classes: number[] = [];
  for (const [key, words] of classMembers) classes.push(key, words.length, ...words);

  return {
    format: COMPILED_FORMAT,
    allowBelowLayer: options.allowBelowLayer ?? -1,
    entries: packJson(entryList),
    sources: packJson(sources),
    entryLayer: Int32Array.from(entryLayer),
    entrySeverity: Int8Array.from(entrySeverity),
    entryKinds: Int8Array.from(entryKinds),
    entrySpecific: Uint8Array.from(entrySpecific),
    entryCaseSensitive: Uint8Array.from(entryCaseSensitive),
    entryContext: Int32Array.from(entryContext),
    entryDetect,
    contexts,
    sequences: lists.lists,
    zones,
    phraseEntry: Int32Array.from(phraseEntry),
    phraseLead: Int32Array.from(phraseLead),
    phraseTrail: Int32Array.from(phraseTrail),
    phraseOptions: packJson(phraseOptions),
    phraseSurface: packJson(phraseSurface),
    trie: { ...built.data, termAt, firstKeyCount: built.firstKeys.length },
    termPhrase: column(termPhrase),
    termCheck: column(termCheck),
    termLength: Uint8Array.from(order, (t) => termLength[t]!),
    termClassMask: column(termClassMask),
    termFormAt,
    termFormCodes: Uint8Array.from(codes),
    classes: Int32Array.from(classes),
    firstWords: buildKeyFilter(built.firstKeys.flatMap(members)),
    singleWords: buildKeyFilter(singles),
    wordPairs: buildKeyFilter(pairs),
  };
}

/** Compiles the lexicons and returns their matcher: `matcherFrom(compileLexicon(…))`. */
export function compile(lexicons: readonly Lexicon[], options: CompileOptions = {}): Matcher {
  return matcherFrom(compileLexicon(lexicons, options), options);
}

/** A matcher over a compiled lexicon; `locale` picks the wording of its findings. */
export function matcherFrom(
  compiled: CompiledLexicon,
  options: Pick<CompileOptions, 'locale'> = {},
): Matcher {
  if (compiled.format !== COMPILED_FORMAT) throw new Error('compiled lexicon of another version');
  const locale = options.locale ?? 'en-GB';
  const {
    allowBelowLayer,
    entryLayer,
    entrySeverity,
    entryKinds,
    entrySpecific,
    entryCaseSensitive,
    entryContext,
    phraseEntry,
    phraseLead,
    phraseTrail,
    termPhrase,
    termCheck,
    termLength,
    termClassMask,
    termFormAt,
    termFormCodes,
  } = compiled;
  const termAt = compiled.trie.termAt;
  const trie = readTrie(compiled.trie);
  const contexts = contextReader(compiled.contexts, compiled.sequences);
  // Entries are parsed, and their wording localised, only when they make a finding; a phrase's
  // options only when it matches.
  const packedEntry = packedReader<Omit<ResolvedEntry, 'sources'> & { sources: number[] }>(
    compiled.entries,
  );
  const sourceAt = packedReader<Source>(compiled.sources);
  const resolved: ResolvedEntry[] = [];
  const entryAt = (e: number): ResolvedEntry => {
    if (resolved[e]) return resolved[e];
    const packed = packedEntry(e)!;
    return (resolved[e] = { ...packed, sources: packed.sources.map((k) => sourceAt(k)!) });
  };
  const optionsOf = packedReader<string[][]>(compiled.phraseOptions);
  const surfaceWords = packedReader<string[]>(compiled.phraseSurface);
  const caseSensitivePhrase = (p: number) =>
    compiled.phraseSurface.at[p] !== compiled.phraseSurface.at[p + 1];
  const entryCount = compiled.entryLayer.length;
  const texts: (LocalisedText | undefined)[] = [];
  const textOf = (e: number) => (texts[e] ??= localise(entryAt(e), locale));
  const zoneCache: (ContextZone | undefined)[] = [];
  const zoneAt = (z: number) => (zoneCache[z] ??= indexZone(compiled.zones[z]!));
  const surfaces: (Set<string> | undefined)[] = [];
  const surfaceOf = (p: number) => (surfaces[p] ??= new Set(surfaceWords(p)!));
  const scareEntries: number[] = [];
  const quoteDetectors = new Set<string>();
  const gapEntries: number[] = [];
  compiled.entryDetect.forEach((detect, e) => {
    if (detect && isQuoteDetector(detect)) {
      scareEntries.push(e);
      quoteDetectors.add(detect);
    }
    if (detect === 'unfilled-placeholder') gapEntries.push(e);
  });
  /** Which word classes each word belongs to (a class is a group's words, one trie edge). */
  const wordClasses = new Map<number, number[]>();
  const packed = compiled.classes;
  for (let at = 0; at < packed.length; at += packed[at + 1]! + 2) {
    for (let k = 0; k < packed[at + 1]!; k++) {
      const m = packed[at + 2 + k]!;
      (wordClasses.get(m) ?? wordClasses.set(m, []).get(m)!).push(packed[at]!);
    }
  }
  const firstWords = keyFilter(compiled.firstWords);
  const singleWords = keyFilter(compiled.singleWords);
  const wordPairs = keyFilter(compiled.wordPairs);
  const hasPhrases = compiled.trie.firstKeyCount > 0;

  const appliesTo = (e: number, opts: FindOptions | undefined) => {
    const kinds = entryKinds[e]!;
    if (kinds === 0) return true;
    const given = opts?.documentKind;
    const kind = typeof given === 'function' ? given() : given;
    return !kind || (kinds & kindBit(kind)) !== 0;
  };

  const tokens = createTokens();
  /** Token index of each phrase word on the current trie walk. */
  let path = new Int32Array(16);
  const grow = (depth: number) => {
    if (depth < path.length) return;
    const wider = new Int32Array(path.length * 2);
    wider.set(path);
    path = wider;
  };
  let work = 0;
  /** Guards against two words sharing a hash: the matched words must spell the phrase. */
  function spells(t: number): boolean {
    let h = CHECK_SEED;
    const length = termLength[t]!;
    const classMask = termClassMask[t]!;
    for (let k = 0; k < length; k++) {
      const word = normAt(tokens, path[k]!);
      if (classMask & (1 << k)) {
        // A word-class slot: the word must be one of the group's own options.
        const g = termFormCodes[termFormAt[t]! + k]!;
        if (!optionsOf(termPhrase[t]!)![g - 1]!.includes(word)) return false;
        h = checkWord(h, classMarker(g));
      } else h = checkWord(h, word);
    }
    return h === termCheck[t];
  }

  /** Trie nodes reached from `node` through the word classes the word keyed `k` is in. */
  const classChildren = (node: number, k: number, out: number[]): number => {
    const classes = wordClasses.get(k);
    if (!classes) return 0;
    let found = 0;
    for (const c of classes) {
      const child = trie.child(node, c);
      if (child >= 0) {
        out.push(child);
        found++;
      }
    }
    return found;
  };
  const scratchChildren: number[] = [];
  /** The class roots of the word the main loop is at (walks never touch it). */
  const rootScratch: number[] = [];
  const later: number[] = [];
  const byClass: number[] = [];

  /** The edits a phrase's alternatives make, with the words and groups the phrase matched. */
  function replacementsFor(text: string, from: number, c: PhraseCandidate): Replacement[] {
    const { path: at, choices } = c;
    const options = optionsOf(termPhrase[c.terminal]!);
    const n = at.length;
    let flagged = '';
    for (let k = c.lead; k < n - c.trail; k++)
      flagged += (k > c.lead ? ' ' : '') + normAt(tokens, at[k]!);
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      starts[k] = tokens.start[at[k]!]!;
      ends[k] = tokens.end[at[k]!]!;
    }
    const matched: MatchedPhrase = {
      text,
      from,
      starts,
      ends,
      groups: c.groups ?? new Uint8Array(n),
      option: (g) => (choices ? (options?.[g - 1]?.[choices[g - 1]!] ?? '') : ''),
      flagged,
      lead: c.lead,
      caseSensitive: entryCaseSensitive[c.entry] === 1,
    };
    const out: Replacement[] = [];
    for (const alt of textOf(c.entry).alternatives) {
      const r = renderReplacement(alt, matched);
      if (r) out.push(r);
    }
    return out;
  }

  /**
   * A match of the flagged words, with the phrase's [context] words found around it: the whole
   * path, its groups and the options they took. Undefined when required context is missing.
   */
  function withContext(terminal: number, core: Int32Array) {
    const p = termPhrase[terminal]!;
    const options = optionsOf(p);
    const formAt = termFormAt[terminal]!;
    const form = formAt >= 0;
    const classMask = termClassMask[terminal]!;
    const leadZone = phraseLead[p]! >= 0 ? zoneAt(phraseLead[p]!) : undefined;
    const trailZone = phraseTrail[p]! >= 0 ? zoneAt(phraseTrail[p]!) : undefined;
    const lead = leadZone && matchZone(leadZone, tokens, core[0]!);
    const trail = trailZone && matchZone(trailZone, tokens, core[core.length - 1]!);
    if ((leadZone && !lead) || (trailZone && !trail)) return undefined;
    const leadLength = lead ? lead.tokens.length : 0;
    const trailLength = trail ? trail.tokens.length : 0;
    if (!form && leadLength === 0 && trailLength === 0) {
      return { path: core, groups: undefined, choices: undefined, lead: 0, trail: 0 };
    }
    const n = leadLength + core.length + trailLength;
    const path = new Int32Array(n);
    const groups = new Uint8Array(n);
    const groupCount = options?.length ?? 0;
    const choices = new Int8Array(groupCount).fill(-1);
    const words = core.length;
    if (form) {
      for (let g = 0; g < groupCount; g++) {
        choices[g] = termFormCodes[formAt + words + g]! - 1;
      }
    }
    for (let k = 0; classMask && k < words; k++) {
      if (!(classMask & (1 << k))) continue;
      const g = termFormCodes[formAt + k]!;
      choices[g - 1] = options![g - 1]!.indexOf(normAt(tokens, core[k]!));
    }
    if (lead) path.set(lead.tokens, 0);
    path.set(core, leadLength);
    if (trail) path.set(trail.tokens, leadLength + core.length);
    if (form) {
      for (let k = 0; k < words; k++) groups[leadLength + k] = termFormCodes[formAt + k]!;
    }
    for (const [zone, match, at] of [
      [leadZone, lead, 0],
      [trailZone, trail, leadLength + core.length],
    ] as const) {
      if (!zone || !match) continue;
      const o = zone.formAt[match.form]!;
      const n = match.tokens.length;
      for (let k = 0; k < n; k++) groups[at + k] = zone.formCodes[o + k]!;
      for (let g = 0; g < groupCount; g++) {
        const choice = zone.formCodes[o + n + g]! - 1;
        if (choice >= 0) choices[g] = choice;
      }
    }
    return { path, groups, choices, lead: leadLength, trail: trailLength };
  }

  function toFinding(
    text: string,
    e: number,
    start: number,
    end: number,
    replacements: Replacement[],
  ): Finding {
    const { message, why, advice, rewrite, sources } = textOf(e);
    const entry = entryAt(e);
    const finding: Finding = {
      entryId: entry.id,
      category: entry.category,
      severity: entry.severity,
      start,
      end,
      match: text.slice(start, end),
      message,
      why,
      suggestions: replacements.map((r) => r.text),
      replacements,
      sources,
    };
    if (advice) finding.advice = advice;
    if (rewrite) finding.rewrite = rewrite;
    return finding;
  }

  /** Could a phrase go on from token i: its next word, or one after a word or two let through? */
  function mayContinue(i: number, key: number): boolean {
    const { count, joined, hash } = tokens;
    for (let k = i + 1; k < count && k <= i + 1 + LET_THROUGH && joined[k]; k++) {
      if (wordPairs.mayContain(pairKey(key, hash[k]! & MASK))) return true;
      if (!isFiller(hash[k]! & MASK)) return false;
    }
    return false;
  }

  function findInParagraph(text: string, from: number, to: number, opts?: FindOptions): Finding[] {
    tokenize(text, from, to, tokens);
    work += to - from;
    const candidates: PhraseCandidate[] = [];
    let allowSpans: Span[] | undefined;
    /** Allowed by the personal list where it may silence only the layers below a limit. */
    let limitedSpans: Span[] | undefined;
    const { count, joined, start, end, hash } = tokens;
    if (!hasPhrases && scareEntries.length === 0 && gapEntries.length === 0) return [];

    /** Token the current match starts at. */
    let i = 0;

    /** Follows the trie from `node` (phrase word `depth` at token `j`), reporting every phrase. */
    const walk = (node: number, j: number, depth: number, letThrough: number): void => {
      // Readings that let a word through are followed after the plain one, so where both find
      // the same words the plain reading (the phrase's own word, a group's option) comes first.
      // The readings left for later go on two stacks shared by every walk rather than a new pair
      // of arrays per walk; each walk reads its own stretch and pops it.
      const laterFrom = later.length;
      const classFrom = byClass.length;
      follow(node, j, depth, letThrough, later, byClass);
      const laterTo = later.length;
      const classTo = byClass.length;
      // Then the readings through word classes, then those letting a word through.
      for (let b = classFrom; b < classTo; b += 4) {
        grow(byClass[b + 2]!);
        path[byClass[b + 2]!] = byClass[b + 1]!;
        walk(byClass[b]!, byClass[b + 1]!, byClass[b + 2]!, byClass[b + 3]!);
      }
      for (let b = laterFrom; b < laterTo; b += 4) {
        skipFrom(later[b]!, later[b + 1]!, later[b + 2]!, later[b + 3]!);
      }
      // Setting an array's length costs a call even when it does not change.
      if (laterTo !== laterFrom) later.length = laterFrom;
      if (classTo !== classFrom) byClass.length = classFrom;
    };

    const follow = (
      node: number,
      j: number,
      depth: number,
      letThrough: number,
      later: number[],
      byClass: number[],
    ): void => {
      for (;;) {
        work++;
        const lastTerminal = termAt[node + 1]!;
        for (let t = termAt[node]!; t < lastTerminal; t++) {
          work += termLength[t]!;
          if (!spells(t)) continue;
          const p = termPhrase[t]!;
          const e = phraseEntry[p]!;
          if (e < 0) {
            const span = { start: start[i]!, end: end[j]! };
            if (e === -1) (allowSpans ??= []).push(span);
            else (limitedSpans ??= []).push(span);
            continue;
          }
          if (!severityAllowed(entrySeverity[e]!, opts) || !appliesTo(e, opts)) continue;
          const core = path.slice(0, depth + 1);
          if (caseSensitivePhrase(p) && !surfaceMatches(text, tokens, core, surfaceOf(p))) continue;
          if (phraseLead[p]! >= 0 || phraseTrail[p]! >= 0) work += 4;
          const whole = withContext(t, core);
          if (!whole) continue;
          const first = whole.path[0]!;
          const last = whole.path[whole.path.length - 1]!;
          const context = entryContext[e]!;
          if (context >= 0) {
            work += contexts.cost(context);
            if (!contexts.allows(context, tokens, first, last)) continue;
          }
          candidates.push({
            start: start[i]!,
            end: end[j]!,
            extent: end[last]! - start[first]!,
            layer: entryLayer[e]!,
            severityRank: entrySeverity[e]!,
            specific: entrySpecific[e] === 1,
            entry: e,
            terminal: t,
            ...whole,
          });
        }
        if (!trie.hasChildren(node)) return;
        // The next phrase word, letting through up to LET_THROUGH words people put inside a
        // phrase ("resistant to all attempts", "not really for us"). Where a word could be both
        // the phrase's own next word and one let through ("very" when another phrase goes on
        // "is very …"), both readings are followed.
        let next = j + 1;
        let child = -1;
        for (; next < count && joined[next]; next++) {
          const k = hash[next]! & MASK;
          child = trie.child(node, k);
          // At most LET_THROUGH words are let through in a whole match, which bounds the
          // readings followed to a few per start however the words repeat.
          const canSkip = letThrough < LET_THROUGH && isFiller(k);
          let viaClass = 0;
          if (wordClasses.has(k)) {
            scratchChildren.length = 0;
            viaClass = classChildren(node, k, scratchChildren);
            for (const c of scratchChildren) byClass.push(c, next, depth + 1, letThrough);
          }
          if (child >= 0 || viaClass) {
            // Letting it through only pays if the word after it differs ("a a a" would just
            // find the same match again one word on) and continues the phrase.
            if (canSkip && mayFollow(node, next + 1, k))
              later.push(node, next + 1, depth, letThrough + 1);
            break;
          }
          if (!canSkip) break;
          letThrough++;
          work++;
        }
        if (child < 0) return;
        node = child;
        j = next;
        depth++;
        grow(depth);
        path[depth] = j;
      }
    };

    /** Whether token `at` could be the phrase's next word after letting through a word keyed `k`. */
    const mayFollow = (node: number, at: number, k: number) =>
      at < count &&
      joined[at] === 1 &&
      (hash[at]! & MASK) !== k &&
      (trie.child(node, hash[at]! & MASK) >= 0 ||
        wordClasses.has(hash[at]! & MASK) ||
        isFiller(hash[at]! & MASK));

    /** The reading that lets a word through: look for the phrase's next word from `from` on. */
    const skipFrom = (node: number, from: number, depth: number, letThrough: number): void => {
      for (let next = from; next < count && joined[next]; next++) {
        const k = hash[next]! & MASK;
        const child = trie.child(node, k);
        const canSkip = letThrough < LET_THROUGH && isFiller(k);
        work++;
        // A new array only for a word in a class: this runs for every word let through.
        let viaClass: number[] | undefined;
        if (wordClasses.has(k)) classChildren(node, k, (viaClass = []));
        if (child >= 0 || viaClass?.length) {
          if (child >= 0) {
            grow(depth + 1);
            path[depth + 1] = next;
            walk(child, next, depth + 1, letThrough);
          }
          for (const c of viaClass ?? []) {
            grow(depth + 1);
            path[depth + 1] = next;
            walk(c, next, depth + 1, letThrough);
          }
          if (canSkip && mayFollow(node, next + 1, k))
            skipFrom(node, next + 1, depth, letThrough + 1);
          return;
        }
        if (!canSkip) return;
        letThrough++;
      }
    };

    for (i = 0; i < count; i++) {
      const key = hash[i]! & MASK;
      if (!firstWords.mayContain(key)) continue;
      if (!singleWords.mayContain(key) && !mayContinue(i, key)) continue;
      const node = trie.child(0, key);
      if (node >= 0) {
        path[0] = i;
        walk(node, i, 0, 0);
      }
      // Phrases whose first word is a word class (rare: only most words are in none).
      if (!wordClasses.has(key)) continue;
      const roots = rootScratch;
      roots.length = 0;
      classChildren(0, key, roots);
      for (const root of roots) {
        path[0] = i;
        walk(root, i, 0, 0);
      }
    }

    let quotations: Quotation[] | undefined;
    const hasScare = scareEntries.length > 0;
    if ((candidates.length > 0 || hasScare) && tokens.quoteMarks > 0) {
      quotations = classifyQuotations(text, tokens, from, to);
      work += quotations.length;
    }

    let kept = candidates;
    if (quotations?.length) {
      const direct = quotations.filter((q) => q.kind === 'direct');
      if (direct.length) {
        const quoted = containmentTest(direct);
        kept = kept.filter((c) => !quoted(c.start, c.end));
      }
    }
    const allowed = allowSpans && containmentTest(allowSpans);
    if (allowed) kept = kept.filter((c) => !allowed(c.start, c.end));
    const limitedAllowed = limitedSpans && containmentTest(limitedSpans);
    if (limitedAllowed) {
      kept = kept.filter((c) => c.layer >= allowBelowLayer || !limitedAllowed(c.start, c.end));
    }

    // A literal array filled by push: V8 tracks its element kind, where an empty .map() result
    // would deoptimise on every later push.
    const findings: Finding[] = [];
    const resolved = resolveOverlaps(kept);
    for (let k = 0; k < resolved.length; k++) {
      const c = resolved[k]!;
      findings.push(toFinding(text, c.entry, c.start, c.end, replacementsFor(text, from, c)));
    }
    if (hasScare && quotations && quotations.length > 0) {
      // The phrases' findings only: one quotation's doubt does not spread to the next.
      const phraseFindings = findings.slice();
      let added = false;
      for (let q = 0; q < quotations.length; q++) {
        const quotation = quotations[q]!;
        let detector = quoteDetectorFor(quotation, quoteDetectors);
        if (!detector) continue;
        // Quotation marks in a sentence that already doubts or disapproves of the person
        // ("Supposedly allergic to codeine; only morphine 'works'") join in the doubt.
        if (
          detector === 'scare-quotes' &&
          quoteDetectors.has('doubting-quotes') &&
          inDoubtingSentence(text, phraseFindings, quotation, from, to)
        ) {
          detector = 'doubting-quotes';
        }
        // Quoted words on the allow-list ("ignore this phrase everywhere") are left alone too.
        if (allowed && allowed(quotation.start + 1, quotation.end - 1)) continue;
        for (let e = 0; e < scareEntries.length; e++) {
          const c = scareEntries[e]!;
          if (compiled.entryDetect[c] !== detector) continue;
          if (!severityAllowed(entrySeverity[c]!, opts) || !appliesTo(c, opts)) continue;
          const fix = quotationFix(text, quotation, detector);
          findings.push(toFinding(text, c, quotation.start, quotation.end, fix));
          added = true;
        }
      }
      if (added) findings.sort(byPosition);
    }
    // Only this paragraph is searched: indexOf from `from` would read to the end of the text.
    if (gapEntries.length > 0 && text.slice(from, to).includes('{')) {
      const before = findings.length;
      for (const c of gapEntries) {
        if (!severityAllowed(entrySeverity[c]!, opts)) continue;
        for (const gap of unfilledGaps(text, from, to)) {
          findings.push(toFinding(text, c, gap.start, gap.end, []));
        }
      }
      if (findings.length > before) findings.sort(byPosition);
    }
    return findings;
  }

  let entries: Entry[] | undefined;
  return {
    get entries() {
      return (entries ??= Array.from(
        { length: entryCount },
        (_, e) => entryAt(e) as unknown as Entry,
      ));
    },
    get work() {
      return work;
    },
    findInParagraph,
    find(text, opts) {
      const out: Finding[] = [];
      for (const [from, to] of paragraphRanges(text)) {
        for (const f of findInParagraph(text, from, to, opts)) out.push(f);
      }
      return out;
    },
  };
}
