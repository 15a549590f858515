import type { Finding } from '../finding.ts';
import { expandPhrase } from '../lexicon/expand-phrase.ts';
import { localise, type LocalisedText } from '../lexicon/localise.ts';
import { mergeLayers } from '../lexicon/merge-layers.ts';
import type { DocumentKindGuess } from '../document-kind/detect-document-kind.ts';
import type { Entry, Lexicon, Locale, Severity } from '../lexicon/schema.ts';
import { paragraphRanges } from '../text/paragraphs.ts';
import { classifyQuotations, type Quotation } from '../text/quotations.ts';
import { createTokens, normAt, tokenize, type Tokens } from '../text/tokenize.ts';
import { createKeyFilter, pairKey } from './word-filter.ts';
import {
  compileContext,
  contextAllows,
  KEY_MASK,
  wordKey,
  type CompiledContext,
} from './context.ts';
import { matchCase } from './match-case.ts';
import { resolveOverlaps, type Candidate } from './resolve-overlaps.ts';
import { containmentTest, type Span } from './spans.ts';
import { CHECK_SEED, checkWord, phraseCheck } from './phrase-check.ts';
import { TrieBuilder } from './trie.ts';

export interface CompileOptions {
  /** Which locale's wording to use for messages and suggestions. Matching covers all spellings. */
  locale?: Locale;
  /** Extra phrases never to flag (a personal allow-list). */
  allow?: string[];
  /** Extra entry ids to switch off. */
  disable?: string[];
}

export interface FindOptions {
  /**
   * Entries with `appliesTo` only fire in those kinds of document; "unsure" reads as a clinical
   * note. Left out, every entry applies (the lexicon's own examples are checked that way).
   */
  documentKind?: DocumentKindGuess;
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

interface CompiledEntry {
  entry: Entry;
  layer: number;
  severityRank: number;
  text: LocalisedText;
  context: CompiledContext | undefined;
}

interface Terminal {
  /** Undefined for an allow-list phrase. */
  compiled: CompiledEntry | undefined;
  /**
   * A second, independent hash of the whole phrase, checked on a match: the trie is keyed by
   * 30-bit word hashes, and two different phrases agreeing on both is vanishingly unlikely.
   * Storing a number, not the words, keeps the compiled lexicon small in every frame.
   */
  check: number;
  length: number;
  /** The phrase's forms as written (words run together), for case-sensitive entries only. */
  surface: Set<string> | undefined;
}

interface PhraseCandidate extends Candidate {
  compiled: CompiledEntry;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, suggest: 1, warn: 2 };

function severityAllowed(rank: number, options: FindOptions | undefined): boolean {
  return !options?.minSeverity || rank >= SEVERITY_RANK[options.minSeverity];
}

function appliesTo(entry: Entry, options: FindOptions | undefined): boolean {
  const kind = options?.documentKind;
  if (!entry.appliesTo || !kind) return true;
  return entry.appliesTo.includes(kind === 'unsure' ? 'clinical-note' : kind);
}

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end;

/**
 * Plain index loops on purpose: spreading arrays of differing element kinds here sent V8 into a
 * deoptimisation loop costing about a millisecond per finding.
 */
function suggestionsFor(
  lead: string | undefined,
  alternatives: readonly string[],
  match: string,
): string[] {
  const out: string[] = [];
  if (lead !== undefined) out.push(lead);
  for (let k = 0; k < alternatives.length; k++) out.push(matchCase(alternatives[k]!, match));
  return out;
}

/** Case-sensitive entries: the matched words, as written, must spell one of the phrase's forms. */
function surfaceMatches(
  text: string,
  tokens: Tokens,
  first: number,
  last: number,
  forms: Set<string>,
): boolean {
  let spelled = '';
  for (let k = first; k <= last; k++) spelled += text.slice(tokens.start[k], tokens.end[k]);
  return forms.has(spelled.replace(/[’‘ʼ]/g, "'"));
}

export function compile(lexicons: readonly Lexicon[], options: CompileOptions = {}): Matcher {
  const locale = options.locale ?? 'en-GB';
  const merged = mergeLayers(lexicons, options);
  const builder = new TrieBuilder<Terminal>();

  const scareEntries: CompiledEntry[] = [];

  for (const { entry, layer } of merged.entries) {
    const compiled: CompiledEntry = {
      entry,
      layer,
      severityRank: SEVERITY_RANK[entry.severity],
      text: localise(entry, locale),
      context: compileContext(entry.context),
    };
    if (entry.detect === 'scare-quotes') scareEntries.push(compiled);
    for (const phrase of entry.phrases ?? []) {
      const surface = entry.caseSensitive
        ? new Set(expandPhrase(phrase, entry.inflect, true).map((seq) => seq.join('')))
        : undefined;
      for (const seq of expandPhrase(phrase, entry.inflect)) {
        builder.insert(seq.map(wordKey), {
          compiled,
          check: phraseCheck(seq),
          length: seq.length,
          surface,
        });
      }
    }
  }
  for (const phrase of merged.allow) {
    // A stored allow-list phrase that could never match is skipped, not fatal.
    let forms: string[][];
    try {
      forms = expandPhrase(phrase);
    } catch {
      continue;
    }
    for (const seq of forms) {
      builder.insert(seq.map(wordKey), {
        compiled: undefined,
        check: phraseCheck(seq),
        length: seq.length,
        surface: undefined,
      });
    }
  }

  const tokens = createTokens();
  let work = 0;
  // Most words start no phrase, and most that do ("the", "was") are not followed by the phrase's
  // second word: two bit tests rule both out before any map lookup or string is built.
  const singles: number[] = [];
  const pairs: number[] = [];
  const trie = builder.build();
  const firstKeys = trie.firstKeys;
  for (const first of firstKeys) {
    const node = trie.child(0, first);
    if (trie.terminals(node)) singles.push(first);
    for (const second of trie.secondKeys(node)) pairs.push(pairKey(first, second));
  }
  const firstWords = createKeyFilter(firstKeys);
  const singleWords = createKeyFilter(singles);
  const wordPairs = createKeyFilter(pairs);

  /** Guards against two words sharing a hash: the matched words must spell the phrase. */
  function spells(first: number, t: Terminal): boolean {
    let h = CHECK_SEED;
    for (let k = 0; k < t.length; k++) h = checkWord(h, normAt(tokens, first + k));
    return h === t.check;
  }

  function toFinding(
    text: string,
    c: CompiledEntry,
    start: number,
    end: number,
    lead: string | undefined,
  ): Finding {
    const match = text.slice(start, end);
    const { message, why, alternatives, advice } = c.text;
    const suggestions = suggestionsFor(lead, alternatives, match);
    const finding: Finding = {
      entryId: c.entry.id,
      category: c.entry.category,
      severity: c.entry.severity,
      start,
      end,
      match,
      message,
      why,
      suggestions,
      replacements: suggestions.map((s) => ({ start, end, text: s })),
      sources: c.entry.sources,
    };
    if (advice) finding.advice = advice;
    return finding;
  }

  function findInParagraph(text: string, from: number, to: number, opts?: FindOptions): Finding[] {
    tokenize(text, from, to, tokens);
    work += to - from;
    const candidates: PhraseCandidate[] = [];
    let allowSpans: Span[] | undefined;
    const { count, joined, start, end, hash } = tokens;
    if (firstKeys.length === 0 && scareEntries.length === 0) return [];

    for (let i = 0; i < count; i++) {
      const key = hash[i]! & KEY_MASK;
      if (!firstWords.mayContain(key)) continue;
      if (
        !singleWords.mayContain(key) &&
        !(
          i + 1 < count &&
          joined[i + 1] &&
          wordPairs.mayContain(pairKey(key, hash[i + 1]! & KEY_MASK))
        )
      ) {
        continue;
      }
      let node = trie.child(0, key);
      let j = i;
      while (node >= 0) {
        work++;
        const terminals = trie.terminals(node);
        if (terminals) {
          for (const t of terminals) {
            work += t.length;
            if (!spells(i, t)) continue;
            const c = t.compiled;
            if (!c) {
              (allowSpans ??= []).push({ start: start[i]!, end: end[j]! });
              continue;
            }
            if (!severityAllowed(c.severityRank, opts) || !appliesTo(c.entry, opts)) continue;
            if (t.surface && !surfaceMatches(text, tokens, i, j, t.surface)) continue;
            if (c.context) {
              work += c.context.cost;
              if (!contextAllows(c.context, tokens, i, j)) continue;
            }
            candidates.push({
              start: start[i]!,
              end: end[j]!,
              layer: c.layer,
              severityRank: c.severityRank,
              compiled: c,
            });
          }
        }
        if (!trie.hasChildren(node) || j + 1 >= count || !joined[j + 1]) break;
        node = trie.child(node, hash[j + 1]! & KEY_MASK);
        j++;
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

    // A literal array filled by push: V8 tracks its element kind, where an empty .map() result
    // would deoptimise on every later push.
    const findings: Finding[] = [];
    const resolved = resolveOverlaps(kept);
    for (let k = 0; k < resolved.length; k++) {
      const c = resolved[k]!;
      findings.push(toFinding(text, c.compiled, c.start, c.end, undefined));
    }
    if (hasScare && quotations && quotations.length > 0) {
      let added = false;
      for (let q = 0; q < quotations.length; q++) {
        const { kind, start: qStart, end: qEnd } = quotations[q]!;
        if (kind !== 'scare') continue;
        // Quoted words on the allow-list ("ignore this phrase everywhere") are left alone too.
        if (allowed && allowed(qStart + 1, qEnd - 1)) continue;
        for (let e = 0; e < scareEntries.length; e++) {
          const c = scareEntries[e]!;
          if (!severityAllowed(c.severityRank, opts) || !appliesTo(c.entry, opts)) continue;
          const unquoted = text.slice(qStart + 1, qEnd - 1).trim();
          findings.push(toFinding(text, c, qStart, qEnd, unquoted));
          added = true;
        }
      }
      if (added) findings.sort(byPosition);
    }
    return findings;
  }

  return {
    entries: merged.entries.map((e) => e.entry),
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
