import type { DocumentKindGuess, Severity } from '@/core/engine';

/** A sentence split around the words a report marks: what was flagged, or what replaces it. */
export interface SentenceParts {
  before: string;
  marked: string;
  after: string;
}

export interface ReportSource {
  citation: string;
  year: number;
  url?: string;
}

/** One suggestion, with everything the report shows about it. */
export interface ReportFinding {
  line: number;
  column: number;
  entryId: string;
  category: string;
  severity: Severity;
  message: string;
  /** The words flagged, as written. */
  match: string;
  /** What each choice writes, in order. */
  suggestions: string[];
  /** The sentence as it reads now, the flagged words marked. */
  flagged: SentenceParts;
  /** The sentence as the first suggestion leaves it, its new words marked; none for advice. */
  corrected?: SentenceParts;
  advice?: string;
  sources: ReportSource[];
}

/** One whole-letter reflection on a letter, as `check --reflect` gives it, with its reasons. */
export interface ReportReflection {
  id: string;
  message: string;
  why: string;
  sources: ReportSource[];
}

export interface ReportLetter {
  file: string;
  /** What the letter was read as, which decides whether letter-only entries apply. */
  kind: DocumentKindGuess;
  findings: ReportFinding[];
  /** The reflections that fit its kind, in their fixed order; none when left out. */
  reflections?: ReportReflection[];
}

/** A file the audit did not read, and why. */
export interface ReportPassedOver {
  file: string;
  problem: string;
}

export interface AuditReportData {
  /** The folder audited, as the user gave it. */
  folder: string;
  /** The day the audit ran, YYYY-MM-DD. */
  date: string;
  version: string;
  /** The lexicon layers in force, lowest first, by name and version. */
  lexicons: string[];
  locale: string;
  /** `auto`, or the kind every letter was read as. */
  kind: string;
  /** Every letter audited, in path order, with or without suggestions. */
  letters: ReportLetter[];
  /** Files that could not be read or converted. */
  unreadable: ReportPassedOver[];
  /** Files deliberately not audited: links out of the folder, earlier audits' reports. */
  passedOver: ReportPassedOver[];
}

export interface EntryTotal {
  entryId: string;
  category: string;
  severity: Severity;
  message: string;
  count: number;
}

export interface LetterTotal {
  file: string;
  /** The id of the letter's section in the report. */
  anchor: string;
  count: number;
}

export interface ReflectionTotal {
  id: string;
  /** How many letters it was given for. */
  count: number;
}

export interface Totals {
  findings: number;
  lettersWithFindings: number;
  /** Reflections given, over every letter, and per reflection (most first). */
  reflections: number;
  byReflection: ReflectionTotal[];
  byCategory: { category: string; count: number }[];
  byEntry: EntryTotal[];
  /** The letters with the most suggestions, most first, at most TOP_LETTERS. */
  topLetters: LetterTotal[];
}

export const TOP_LETTERS = 10;

/** Code-unit order, so ties sort the same on every machine. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The id of a letter's section: by position, as a path may hold any character. */
export const letterAnchor = (index: number) => `letter-${index + 1}`;

/** The order reflections are worked out in: ties in the totals keep it. */
const REFLECTION_ORDER = ['way-back-in', 'social-context', 'written-to-person', 'flag-summary'];
const reflectionRank = (id: string) => {
  const k = REFLECTION_ORDER.indexOf(id);
  return k < 0 ? REFLECTION_ORDER.length : k;
};

/** Whether a letter has anything to show in its own section. */
export const hasSomething = (letter: ReportLetter) =>
  letter.findings.length > 0 || (letter.reflections?.length ?? 0) > 0;

/** Every total the report shows, counted from the findings themselves (the CSV's rows). */
export function totals(letters: readonly ReportLetter[]): Totals {
  const byReflection = new Map<string, number>();
  let reflections = 0;
  for (const letter of letters) {
    for (const r of letter.reflections ?? []) {
      reflections++;
      byReflection.set(r.id, (byReflection.get(r.id) ?? 0) + 1);
    }
  }
  const categories = new Map<string, number>();
  const entries = new Map<string, EntryTotal>();
  const perLetter: LetterTotal[] = [];
  let findings = 0;
  letters.forEach((letter, index) => {
    if (letter.findings.length === 0) return;
    perLetter.push({
      file: letter.file,
      anchor: letterAnchor(index),
      count: letter.findings.length,
    });
    for (const f of letter.findings) {
      findings++;
      categories.set(f.category, (categories.get(f.category) ?? 0) + 1);
      const entry = entries.get(f.entryId);
      if (entry) entry.count++;
      else {
        const { entryId, category, severity, message } = f;
        entries.set(entryId, { entryId, category, severity, message, count: 1 });
      }
    }
  });
  return {
    findings,
    lettersWithFindings: perLetter.length,
    byCategory: [...categories]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || byName(a.category, b.category)),
    byEntry: [...entries.values()].sort(
      (a, b) => b.count - a.count || byName(a.entryId, b.entryId),
    ),
    // Stable sort: letters with the same count stay in path order.
    topLetters: perLetter.sort((a, b) => b.count - a.count).slice(0, TOP_LETTERS),
    reflections,
    byReflection: [...byReflection]
      .map(([id, count]) => ({ id, count }))
      .sort(
        (a, b) =>
          b.count - a.count || reflectionRank(a.id) - reflectionRank(b.id) || byName(a.id, b.id),
      ),
  };
}
