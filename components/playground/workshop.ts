import type { Finding } from '@/core/engine';

/** Words a trainee marked as ones they would change: offsets in the letter, and the words. */
export interface Mark {
  start: number;
  end: number;
  text: string;
}

/** A trainee's marks beside Alongside's flags. */
export interface Comparison {
  /** Flags a trainee's mark overlaps, with the marks that do. */
  both: { finding: Finding; marks: Mark[] }[];
  onlyAlongside: Finding[];
  onlyYou: Mark[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * What both found, what only Alongside flagged and what only the trainee marked: a mark counts
 * as finding a flag when they share a character, so "non-compliant" marked for "is
 * non-compliant with" counts, as a trainer would count it.
 */
export function compareMarks(marks: readonly Mark[], findings: readonly Finding[]): Comparison {
  const both: Comparison['both'] = [];
  const onlyAlongside: Finding[] = [];
  const matched = new Set<Mark>();
  for (const finding of findings) {
    const hits = marks.filter((m) => overlaps(m, finding));
    if (hits.length === 0) onlyAlongside.push(finding);
    else {
      both.push({ finding, marks: hits });
      for (const m of hits) matched.add(m);
    }
  }
  return { both, onlyAlongside, onlyYou: marks.filter((m) => !matched.has(m)) };
}

/**
 * A mark from the selection [start, end) of `text`, trimmed of spaces and punctuation at its
 * edges; undefined when nothing but those is selected.
 */
export function markOf(text: string, start: number, end: number): Mark | undefined {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /[\s.,;:!?"“”'‘’()]/.test(text[s]!)) s++;
  while (e > s && /[\s.,;:!?"“”'‘’()]/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e, text: text.slice(s, e) } : undefined;
}

/** The marks with one added, in text order; a mark overlapping one already there replaces it. */
export function withMark(marks: readonly Mark[], mark: Mark): Mark[] {
  return [...marks.filter((m) => !overlaps(m, mark)), mark].sort((a, b) => a.start - b.start);
}
