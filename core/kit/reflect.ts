import type { DocumentKindGuess } from '../document-kind/detect-document-kind.ts';
import type { Finding } from '../finding.ts';
import { sourcesFor } from '../lexicon/localise.ts';
import type {
  Bibliography,
  DocumentKind,
  Locale,
  Reflection,
  ReflectionId,
  Source,
} from '../lexicon/schema.ts';
import { toUsSpelling } from '../lexicon/spelling.ts';
import { resolveRefs } from '../lexicon/merge-layers.ts';
import { kitWords } from './kit-words.ts';
import { containmentTest } from '../matcher/spans.ts';
import { paragraphRanges } from '../text/paragraphs.ts';
import { pairQuotes } from '../text/quotations.ts';
import { createTokens, hashWord, normAt, tokenize, type Tokens } from '../text/tokenize.ts';
import { compileCues, findCues, type CompiledCues, type CueList, type CueMatch } from './cues.ts';
import type { MergedKit } from './merge-kit.ts';

/**
 * The whole-letter reflections: gentle, optional observations on a letter as a whole, each
 * explaining itself (`why`), shown only for the document kinds it lists, never blocking
 * anything. The engine knows how each is worked out; its words and cue phrases are data (the
 * lexicon's `prompts.reflections`). Only types come from the zod schema: nothing here loads zod.
 *
 * - `way-back-in`: no route back in is mentioned. A route is a cue of any list but `negations`
 *   and `ignore` ("contact us", "you can ask your GP to refer you back", "PIFU"), unless it is
 *   negated: a `negations` phrase ("not", "unable") ends at most NEGATION_BEFORE words before it
 *   in the same clause with no comma or clause-starting word ("but", "please", "can", "she",
 *   "you are"…) between ("we will not offer appointments or accept a re-referral"), or starts
 *   right after it past auxiliaries only
 *   ("re-referral is not possible"); "if things do not improve, please contact us" stays a route.
 * - `social-context`: none of the areas is mentioned. Every list but `ignore` is an area, and
 *   `{areas}` names them all; a negative mention ("no money worries") still counts, as the area
 *   was thought about.
 * - `written-to-person`: the letter opens "Dear Ms …" and then talks about the person rather
 *   than to them; the rule is on `WrittenToPerson` below.
 * - `flag-summary`: how many findings of each category, each finding's offsets kept so a UI can
 *   jump to it.
 *
 * Messages and reasons may hold `{count}` (findings, areas looked for, or third-person
 * references), `{areas}` (social-context) and `{categories}` ("credibility 2, door-closing 1").
 *
 * Any reflection's `ignore` list holds phrases that look like its cues but are not ("work-up",
 * "family history", "caring team"): a cue overlapping one of them does not count. The first
 * three speak only on a text of at least MIN_WORDS words: a line or two is not yet a letter.
 */

/** The order results come in, whatever order the layers give the reflections. */
export const REFLECTION_ORDER = [
  'way-back-in',
  'social-context',
  'written-to-person',
  'flag-summary',
] as const satisfies readonly ReflectionId[];

/** A text shorter than this many words gets no reflection on what it leaves out. */
export const MIN_WORDS = 20;
/** How many words before a route a negation may end and still negate it. */
const NEGATION_BEFORE = 8;
/** How many words after a route a negation may start (only auxiliaries between). */
const NEGATION_AFTER = 3;

/**
 * Words that start a new clause or turn: a negation before one of them does not reach past it.
 * Not "or": "we will not offer further appointments or accept a re-referral" negates both.
 * "You" starts a clause only as a subject, before an auxiliary ("…weeks you are welcome to").
 */
const CLAUSE_STARTERS = new Set(
  'but please if unless until when whenever although though however so then and can could may should i we she he they because since as while whereas'.split(
    ' ',
  ),
);
/** Words that may stand between a route and a negation after it ("re-referral would not be"). */
const AUXILIARIES = new Set(
  'is are was were will would can could be been being has have had should shall may might must do does did need currently also'.split(
    ' ',
  ),
);

/** What a cue list does, by reflection and name; lists with other names are areas or routes. */
const ROUTE = 0;
const NEGATION = 1;
const IGNORE = 2;
const AREA = 3;
const SALUTATION = 4;
const NOT_TO_PERSON = 5;
const THIRD = 6;
const SECOND = 7;
const SOMEONE_ELSE = 8;
const UNUSED = 9;

function roleOf(id: ReflectionId, name: string): number {
  if (name === 'ignore') return IGNORE;
  if (id === 'way-back-in') return name === 'negations' ? NEGATION : ROUTE;
  if (id === 'social-context') return AREA;
  if (id === 'written-to-person') {
    const roles: Record<string, number> = {
      salutation: SALUTATION,
      'not-to-person': NOT_TO_PERSON,
      'third-person': THIRD,
      'second-person': SECOND,
      'about-someone-else': SOMEONE_ELSE,
    };
    return roles[name] ?? UNUSED;
  }
  return UNUSED;
}

/** The default areas' names in words; any other list's name is read with spaces for hyphens. */
const AREA_LABELS: Record<string, string> = {
  housing: 'housing',
  money: 'money and benefits',
  work: 'work',
  caring: 'caring',
  relationships: 'relationships and support',
  community: 'community and faith',
  'past-experiences': 'past experiences the person chooses to share',
};

/** A `social-context` area, in words, for the locale. */
export function areaLabel(name: string, locale: Locale = 'en-GB'): string {
  const label = AREA_LABELS[name] ?? name.replace(/-/g, ' ');
  return locale === 'en-US' ? toUsSpelling(label) : label;
}

/** "a", "a or b", "a, b, or c": areas are listed as alternatives ("does not mention …"). */
function listOr(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return `${items.slice(0, -1).join(', ')}, or ${items.at(-1)!}`;
}

/** Findings of one category, as `flag-summary` gives them. */
export interface FlagCategory {
  category: string;
  count: number;
  /** Where each is, in text order (empty when the tally keeps no offsets). */
  findings: { start: number; end: number }[];
}

/**
 * Counts findings by category as they arrive, so a caller that streams them (the CLI) need not
 * keep them. Categories come most first, then in the order they first appear.
 */
export class FlagTally {
  private readonly byCategory = new Map<string, FlagCategory>();
  private total = 0;

  /** `offsets: false` keeps only the counts: memory stays one entry per category. */
  constructor(private readonly offsets = true) {}

  add(finding: Pick<Finding, 'category' | 'start' | 'end'>): void {
    this.total++;
    let known = this.byCategory.get(finding.category);
    if (!known) {
      known = { category: finding.category, count: 0, findings: [] };
      this.byCategory.set(finding.category, known);
    }
    known.count++;
    if (this.offsets) known.findings.push({ start: finding.start, end: finding.end });
  }

  get count(): number {
    return this.total;
  }

  get categories(): FlagCategory[] {
    // A stable sort: categories with as many stay in order of first appearance.
    return [...this.byCategory.values()]
      .map((c) => ({ ...c, findings: c.findings.slice() }))
      .sort((a, b) => b.count - a.count);
  }
}

/** One reflection on a text. */
export interface ReflectionResult {
  id: ReflectionId;
  /** The observation, its {placeholders} filled in, in the locale asked for. */
  message: string;
  why: string;
  /** Its sources, keys resolved through the bibliography given; the locale's own first. */
  sources: Source[];
  /**
   * `{count}` as filled in: findings (flag-summary), areas looked for (social-context), or
   * references to the person in the third person (written-to-person).
   */
  count?: number;
  /** social-context: the names of the areas looked for, none of which was found. */
  areas?: string[];
  /** flag-summary: counts by category, with the offsets of each finding. */
  categories?: FlagCategory[];
}

interface ListMeta {
  reflection: ReflectionId;
  role: number;
  name: string;
}

/** A kit's reflections made ready to run: their cue lists in one trie, compiled once. */
export interface CompiledReflections {
  readonly compiled: true;
  /** The reflections in force, in REFLECTION_ORDER. */
  readonly reflections: readonly Reflection[];
  /** Cue phrases that can never match, as "way-back-in cues.contact: …"; they are left out. */
  readonly problems: readonly string[];
  readonly cues: CompiledCues;
  readonly meta: readonly ListMeta[];
}

const cache = new WeakMap<object, CompiledReflections>();

/** Compiles a kit's reflections (remembered per kit object, so a kit is compiled once). */
export function compileReflections(kit: Pick<MergedKit, 'reflections'>): CompiledReflections {
  const known = cache.get(kit);
  if (known) return known;
  const byId = new Map(kit.reflections.filter((r) => r.enabled !== false).map((r) => [r.id, r]));
  const reflections = REFLECTION_ORDER.flatMap((id) => byId.get(id) ?? []);
  const lists: CueList[] = [];
  const meta: ListMeta[] = [];
  for (const r of reflections) {
    for (const [name, phrases] of Object.entries(r.cues ?? {})) {
      const role = roleOf(r.id, name);
      // An emptied list ("housing": [] in a service layer) is no longer looked for, or named.
      if (role === UNUSED || phrases.length === 0) continue;
      lists.push({ name: `${r.id} cues.${name}`, phrases });
      meta.push({ reflection: r.id, role, name });
    }
  }
  const cues = compileCues(lists);
  const compiled: CompiledReflections = {
    compiled: true,
    reflections,
    problems: cues.problems,
    cues,
    meta,
  };
  cache.set(kit, compiled);
  return compiled;
}

export interface ReflectOptions {
  /** What the text is; "unsure" is read as a clinical note, as the engine reads it. */
  kind: DocumentKindGuess;
  /** The kit in force (mergeKits), or its reflections compiled. */
  kit: Pick<MergedKit, 'reflections'> | CompiledReflections;
  /** The findings shown for the text, for `flag-summary`. */
  findings?: Iterable<Pick<Finding, 'category' | 'start' | 'end'>>;
  /** Or the findings already counted (instead of `findings`). */
  tally?: FlagTally;
  locale?: Locale;
  /** To resolve source keys; a key it lacks is left out. */
  bibliography?: Readonly<Bibliography>;
}

/** `written-to-person` speaks from this many third-person references (see WrittenToPerson). */
const MIN_THIRD = 3;
const DEAR = hashWord('dear');

/**
 * `written-to-person`: the letter opens by addressing the person and then talks about them
 * rather than to them. The salutation is the first line starting with a `salutation` or
 * `not-to-person` cue, or with "Dear": a `not-to-person` cue ("Dear Dr", "Dear Parent") means it
 * is written to someone else; a `salutation` cue ("Dear Ms") or "Dear" and a name in capitals
 * ("Dear Amira,") means it addresses the person. After that line, outside quotation marks (the
 * person's own words may say "she" of someone else), references in the third person ("she",
 * "his", "the patient", or the name the salutation gave: "Mrs Jones attended…") and in the
 * second ("you", "your"; not the sign-off "Yours sincerely", an `ignore` phrase) are counted,
 * each stretch once. It
 * speaks when there are at least MIN_THIRD third-person references and more than twice as many
 * as second-person ones: a letter to the person that names their physiotherapist as "she" once
 * or twice, among many "you"s, is written to them. A letter that talks to the reader about
 * someone else (`about-someone-else`: "your son", "your mother") is left alone, as its "he" and
 * "she" may be that person.
 */
interface WrittenToPerson {
  /** Undefined until the salutation is found. */
  addressed: boolean | undefined;
  /** Counting starts here: the end of the salutation's line. */
  from: number;
  third: number;
  second: number;
  thirdEnd: number;
  secondEnd: number;
  someoneElse: boolean;
  /** The words after "Dear", as the tokeniser reads them ("mrs", "jones"): the person's name. */
  name: string[];
}

const effectiveKind = (kind: DocumentKindGuess): DocumentKind =>
  kind === 'unsure' ? 'clinical-note' : kind;

/** Whether token k is the first on its line. */
function atLineStart(text: string, tokens: Tokens, k: number, from: number): boolean {
  if (k === 0) return /^\s*$/.test(text.slice(from, tokens.start[0]));
  return text.slice(tokens.end[k - 1], tokens.start[k]).includes('\n');
}

/** Offset of the end of the line holding `at`, within the paragraph ending at `to`. */
function lineEnd(text: string, at: number, to: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 || nl > to ? to : nl;
}

/** "Dear" at token k followed, to the end of its line, by one to four names in capitals. */
function dearAndName(text: string, tokens: Tokens, k: number, to: number): boolean {
  const end = lineEnd(text, tokens.start[k]!, to);
  let names = 0;
  let j = k + 1;
  for (; j < tokens.count && tokens.start[j]! < end; j++) {
    const c = text[tokens.start[j]!]!;
    if (c === c.toLowerCase() || c !== c.toUpperCase()) return false;
    names++;
  }
  if (names === 0 || names > 4) return false;
  return /^[\s,.;:!]*$/.test(text.slice(tokens.end[j - 1], end));
}

/** The reflections on `text`, in REFLECTION_ORDER, each only for the kinds it lists. */
export function reflect(text: string, options: ReflectOptions): ReflectionResult[] {
  const compiled = 'compiled' in options.kit ? options.kit : compileReflections(options.kit);
  const kind = effectiveKind(options.kind);
  const locale = options.locale ?? 'en-GB';
  const active = new Map(
    compiled.reflections.filter((r) => r.kinds.includes(kind)).map((r) => [r.id, r]),
  );
  if (active.size === 0) return [];
  const { meta } = compiled;
  const hasRole = (id: ReflectionId, role: number) =>
    meta.some((m) => m.reflection === id && m.role === role);

  const wantsWay = active.has('way-back-in') && hasRole('way-back-in', ROUTE);
  const areaNames = active.has('social-context')
    ? meta.filter((m) => m.reflection === 'social-context' && m.role === AREA).map((m) => m.name)
    : [];
  const wantsAreas = areaNames.length > 0;
  const wantsPerson = active.has('written-to-person') && hasRole('written-to-person', THIRD);

  let words = 0;
  let routeFound = false;
  let areaFound = false;
  const person: WrittenToPerson = {
    addressed: undefined,
    from: 0,
    third: 0,
    second: 0,
    thirdEnd: 0,
    secondEnd: 0,
    someoneElse: false,
    name: [],
  };

  if (wantsWay || wantsAreas || wantsPerson) {
    const tokens = createTokens();
    const matches: CueMatch[] = [];
    for (const [from, to] of paragraphRanges(text)) {
      tokenize(text, from, to, tokens);
      words += tokens.count;
      matches.length = 0;
      findCues(compiled.cues, tokens, matches);
      matches.sort((a, b) => a.start - b.start || b.end - a.end);
      const of = (m: CueMatch) => meta[m.list]!;
      const ignoredBy = new Map<ReflectionId, (m: CueMatch) => boolean>();
      const ignored = (m: CueMatch) => {
        const id = of(m).reflection;
        let test = ignoredBy.get(id);
        if (!test) {
          test = overlapTest(
            matches.filter((n) => of(n).role === IGNORE && of(n).reflection === id),
          );
          ignoredBy.set(id, test);
        }
        return test(m);
      };

      if (wantsWay && !routeFound) {
        const negation = negationsOf(
          tokens.count,
          matches.filter((m) => of(m).reflection === 'way-back-in' && of(m).role === NEGATION),
        );
        routeFound = matches.some(
          (m) =>
            of(m).reflection === 'way-back-in' &&
            of(m).role === ROUTE &&
            !ignored(m) &&
            !negated(text, tokens, negation, m),
        );
      }
      if (wantsAreas && !areaFound) {
        areaFound = matches.some(
          (m) => of(m).reflection === 'social-context' && of(m).role === AREA && !ignored(m),
        );
      }
      if (wantsPerson) {
        const mine = matches.filter((m) => of(m).reflection === 'written-to-person' && !ignored(m));
        readPerson(text, tokens, from, to, mine, of, person);
      }
    }
  }

  const results: ReflectionResult[] = [];
  const long = words >= MIN_WORDS;
  for (const r of compiled.reflections) {
    if (!active.has(r.id)) continue;
    if (r.id === 'way-back-in' && wantsWay && long && !routeFound) {
      results.push(result(r, locale, options.bibliography, {}));
    } else if (r.id === 'social-context' && wantsAreas && long && !areaFound) {
      const areas = listOr(areaNames.map((name) => areaLabel(name, locale)));
      results.push({
        ...result(r, locale, options.bibliography, { areas, count: areaNames.length }),
        count: areaNames.length,
        areas: areaNames,
      });
    } else if (
      r.id === 'written-to-person' &&
      wantsPerson &&
      long &&
      person.addressed === true &&
      !person.someoneElse &&
      person.third >= MIN_THIRD &&
      person.third > 2 * person.second
    ) {
      results.push({
        ...result(r, locale, options.bibliography, { count: person.third }),
        count: person.third,
      });
    } else if (r.id === 'flag-summary') {
      const tally = options.tally ?? new FlagTally();
      if (!options.tally) for (const f of options.findings ?? []) tally.add(f);
      if (tally.count === 0) continue;
      const categories = tally.categories;
      const list = categories.map((c) => `${c.category} ${c.count}`).join(', ');
      results.push({
        ...result(r, locale, options.bibliography, { count: tally.count, categories: list }),
        count: tally.count,
        categories,
      });
    }
  }
  return results;
}

/** Whether [start, end) overlaps any of `spans`: their union, then a binary search. */
function overlapTest(spans: readonly CueMatch[]): (m: CueMatch) => boolean {
  if (spans.length === 0) return () => false;
  const merged: [number, number][] = [];
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return ({ start, end }) => {
    // The last union span starting before `end`: only it can overlap.
    let lo = 0;
    let hi = merged.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (merged[mid]![0] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && merged[lo - 1]![1] > start;
  };
}

/** Where negations end and start, by token, for a look a few words either side of a route. */
function negationsOf(count: number, negations: readonly CueMatch[]) {
  const endsAt = new Uint8Array(count);
  const startsAt = new Uint8Array(count);
  for (const n of negations) {
    endsAt[n.last] = 1;
    startsAt[n.first] = 1;
  }
  return { endsAt, startsAt, any: negations.length > 0 };
}

/** Whether a negation negates route `m` (see the rule at the top of this file). */
function negated(
  text: string,
  tokens: Tokens,
  negation: ReturnType<typeof negationsOf>,
  m: CueMatch,
): boolean {
  if (!negation.any) return false;
  /** Tokens from..to joined with no comma, bracket, dash or clause break; those between allowed. */
  const clear = (from: number, to: number, allowed: (word: string, k: number) => boolean) => {
    for (let k = from; k <= to; k++) {
      if (tokens.clause[k] || /[,()–—]/.test(text.slice(tokens.end[k - 1], tokens.start[k]))) {
        return false;
      }
      if (k < to && !allowed(normAt(tokens, k), k)) return false;
    }
    return true;
  };
  const opensClause = (word: string, k: number) =>
    CLAUSE_STARTERS.has(word) ||
    (word === 'you' && k + 1 < tokens.count && AUXILIARIES.has(normAt(tokens, k + 1)));
  for (let last = m.first - 1; last >= 0 && last >= m.first - NEGATION_BEFORE; last--) {
    if (negation.endsAt[last] && clear(last + 1, m.first, (w, k) => !opensClause(w, k))) {
      return true;
    }
  }
  for (let first = m.last + 1; first < tokens.count && first <= m.last + NEGATION_AFTER; first++) {
    if (negation.startsAt[first] && clear(m.last + 1, first, (w) => AUXILIARIES.has(w))) {
      return true;
    }
  }
  return false;
}

/** One paragraph's part in `written-to-person`: the salutation, then the counts. */
function readPerson(
  text: string,
  tokens: Tokens,
  from: number,
  to: number,
  matches: readonly CueMatch[],
  of: (m: CueMatch) => ListMeta,
  person: WrittenToPerson,
): void {
  if (person.addressed === undefined) {
    // The first line that opens with a salutation cue or with "Dear".
    const openings = new Map<number, CueMatch[]>();
    for (const m of matches) {
      if (of(m).role !== SALUTATION && of(m).role !== NOT_TO_PERSON) continue;
      (openings.get(m.first) ?? openings.set(m.first, []).get(m.first)!).push(m);
    }
    let at = -1;
    let found: CueMatch | undefined;
    for (let k = 0; k < tokens.count && at < 0; k++) {
      const here = openings.get(k) ?? [];
      const dear = (tokens.hash[k]! === DEAR && normAt(tokens, k) === 'dear') || here.length > 0;
      if (!dear || !atLineStart(text, tokens, k, from)) continue;
      at = k;
      found = here.find((m) => of(m).role === NOT_TO_PERSON) ?? here[0];
    }
    if (at < 0) return;
    person.addressed = found ? of(found).role === SALUTATION : dearAndName(text, tokens, at, to);
    person.from = lineEnd(text, tokens.start[at]!, to);
    for (let k = at + 1; k < tokens.count && tokens.start[k]! < person.from; k++) {
      person.name.push(normAt(tokens, k));
    }
    if (person.name.length > 4) person.name.length = 0;
  }
  let inQuotes: ((start: number, end: number) => boolean) | undefined;
  const quoted = (m: CueMatch) => {
    if (tokens.quoteMarks === 0) return false;
    inQuotes ??= containmentTest(
      pairQuotes(text, from, to).map(([start, end]) => ({ start, end })),
    );
    return inQuotes(m.start, m.end);
  };
  for (const m of matches) {
    if (m.start < person.from) continue;
    const role = of(m).role;
    if (role === SOMEONE_ELSE) person.someoneElse = true;
    else if (role === THIRD && m.start >= person.thirdEnd && !quoted(m)) {
      person.third++;
      person.thirdEnd = m.end;
    } else if (role === SECOND && m.start >= person.secondEnd && !quoted(m)) {
      person.second++;
      person.secondEnd = m.end;
    }
  }
  if (person.addressed) countName(text, tokens, person, quoted);
}

/** "Mrs Jones attended…" in a letter to "Dear Mrs Jones": the person named, in the third person. */
function countName(
  text: string,
  tokens: Tokens,
  person: WrittenToPerson,
  quoted: (m: CueMatch) => boolean,
): void {
  const { name } = person;
  const n = name.length;
  if (n === 0) return;
  for (let k = 0; k + n <= tokens.count; k++) {
    if (tokens.start[k]! < person.from) continue;
    let same = true;
    for (let j = 0; j < n && same; j++) {
      const word = normAt(tokens, k + j);
      // The last word may be possessive: "Mrs Jones's knee".
      same = word === name[j] || (j === n - 1 && word === `${name[j]}'s`);
      if (same && j > 0 && !tokens.joined[k + j]) same = false;
    }
    if (!same) continue;
    const m = {
      list: -1,
      first: k,
      last: k + n - 1,
      start: tokens.start[k]!,
      end: tokens.end[k + n - 1]!,
    };
    if (quoted(m)) continue;
    person.third++;
    k += n - 1;
  }
}

/** A reflection's words in the locale, placeholders filled, and its sources. */
function result(
  r: Reflection,
  locale: Locale,
  bibliography: Readonly<Bibliography> | undefined,
  values: { count?: number; areas?: string; categories?: string },
): ReflectionResult {
  const fill = (s: string) =>
    s.replace(/\{(count|areas|categories)\}/g, (placeholder, key: keyof typeof values) =>
      values[key] === undefined ? placeholder : String(values[key]),
    );
  return {
    id: r.id,
    message: fill(kitWords(r, 'message', locale)!),
    why: fill(kitWords(r, 'why', locale)!),
    sources: sourcesFor(resolveRefs(r.sources, bibliography), locale),
  };
}
