import type { Finding } from '../finding.ts';
import { expandPhrase } from '../lexicon/expand-phrase.ts';
import { localise, type LocalisedText } from '../lexicon/localise.ts';
import { mergeLayers } from '../lexicon/merge-layers.ts';
import {
  SEVERITIES,
  type DocumentKind,
  type Entry,
  type Lexicon,
  type Locale,
  type Severity,
} from '../lexicon/schema.ts';
import { paragraphRanges } from '../text/paragraphs.ts';
import { classifyQuotations, type Quotation } from '../text/quotations.ts';
import { createTokens, tokenize, type Tokens } from '../text/tokenize.ts';
import { compileContext, contextAllows, type CompiledContext } from './context.ts';
import { matchCase } from './match-case.ts';
import { resolveOverlaps, type Candidate } from './resolve-overlaps.ts';
import { containmentTest, type Span } from './spans.ts';
import { createNode, insert } from './trie.ts';

export interface CompileOptions {
  /** Which locale's wording to use for messages and suggestions. Matching covers all spellings. */
  locale?: Locale;
  /** Extra phrases never to flag (a personal allow-list). */
  allow?: string[];
  /** Extra entry ids to switch off. */
  disable?: string[];
}

export interface FindOptions {
  /** Entries with `appliesTo` only fire for these kinds; unknown kind means all apply. */
  documentKind?: DocumentKind;
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
  /** The phrase's forms as written (words run together), for case-sensitive entries only. */
  surface: Set<string> | undefined;
}

interface PhraseCandidate extends Candidate {
  compiled: CompiledEntry;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, suggest: 1, warn: 2 };
const QUOTE_MARKS = /["“”«»„‘’']/g;

function severityAllowed(rank: number, options: FindOptions | undefined): boolean {
  return !options?.minSeverity || rank >= SEVERITY_RANK[options.minSeverity];
}

function appliesTo(entry: Entry, options: FindOptions | undefined): boolean {
  return (
    !entry.appliesTo || !options?.documentKind || entry.appliesTo.includes(options.documentKind)
  );
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
  const root = createNode<Terminal>();
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
      for (const seq of expandPhrase(phrase, entry.inflect))
        insert(root, seq, { compiled, surface });
    }
  }
  for (const phrase of merged.allow) {
    for (const seq of expandPhrase(phrase))
      insert(root, seq, { compiled: undefined, surface: undefined });
  }

  const tokens = createTokens();
  let work = 0;

  function toFinding(
    text: string,
    c: CompiledEntry,
    start: number,
    end: number,
    lead: string[],
  ): Finding {
    const match = text.slice(start, end);
    const { message, why, alternatives, advice } = c.text;
    const finding: Finding = {
      entryId: c.entry.id,
      category: c.entry.category,
      severity: c.entry.severity,
      start,
      end,
      match,
      message,
      why,
      suggestions: [...lead, ...alternatives.map((a) => matchCase(a, match))],
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
    const { count, norm, joined, start, end } = tokens;
    const top = root.next;
    if (!top) return [];

    for (let i = 0; i < count; i++) {
      let node = top.get(norm[i]!);
      let j = i;
      while (node) {
        work++;
        if (node.terminals) {
          for (const t of node.terminals) {
            work++;
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
        if (!node.next || j + 1 >= count || !joined[j + 1]) break;
        node = node.next.get(norm[j + 1]!);
        j++;
      }
    }

    let quotations: Quotation[] | undefined;
    const hasScare = scareEntries.length > 0;
    if (candidates.length > 0 || hasScare) {
      QUOTE_MARKS.lastIndex = from;
      const q = QUOTE_MARKS.exec(text);
      if (q && q.index < to) {
        quotations = classifyQuotations(text, tokens, from, to);
        work += to - from;
      }
    }

    let kept = candidates;
    if (quotations?.length) {
      const direct = quotations.filter((q) => q.kind === 'direct');
      if (direct.length) {
        const quoted = containmentTest(direct);
        kept = kept.filter((c) => !quoted(c.start, c.end));
      }
    }
    if (allowSpans) {
      const allowed = containmentTest(allowSpans);
      kept = kept.filter((c) => !allowed(c.start, c.end));
    }

    const findings = resolveOverlaps(kept).map((c) =>
      toFinding(text, c.compiled, c.start, c.end, []),
    );
    if (hasScare && quotations) {
      for (const q of quotations) {
        if (q.kind !== 'scare') continue;
        for (const c of scareEntries) {
          if (!severityAllowed(c.severityRank, opts) || !appliesTo(c.entry, opts)) continue;
          const unquoted = text.slice(q.start + 1, q.end - 1).trim();
          findings.push(toFinding(text, c, q.start, q.end, [unquoted]));
        }
      }
      findings.sort((a, b) => a.start - b.start || a.end - b.end);
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

export { SEVERITIES };
