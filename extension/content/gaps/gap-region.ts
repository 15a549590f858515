import { placeholders } from '@/core/suggestions/placeholders';

/**
 * Where an applied suggestion's text sits in a field while its {gaps} are being filled in. The
 * clinician types only inside it (leaving it ends gap mode), so its start stays put and its end
 * moves with every edit: it is kept as a start offset and a distance from the end of the text,
 * which edits inside the region never change.
 */
export interface InsertedRegion {
  start: number;
  /** How many characters of the field's text follow the inserted text. */
  tail: number;
}

/** A "{name}" gap still present in the region, at offsets of the field's whole text. */
export interface Gap {
  name: string;
  start: number;
  end: number;
}

/** The region of `inserted`, just written at `start` of `text` (undefined when it is not there). */
export function regionOf(
  text: string,
  start: number,
  inserted: string,
): InsertedRegion | undefined {
  const end = start + inserted.length;
  if (start < 0 || end > text.length) return undefined;
  // Editors may store a space they were given as a no-break space: the same words to a reader.
  const spaces = (s: string) => s.replace(/\u00a0/g, ' ');
  if (spaces(text.slice(start, end)) !== spaces(inserted)) return undefined;
  return { start, tail: text.length - end };
}

/** The region's [start, end) in the field's current text, or undefined when it is gone. */
export function regionIn(
  region: InsertedRegion,
  text: string,
): { start: number; end: number } | undefined {
  const end = text.length - region.tail;
  return end >= region.start ? { start: region.start, end } : undefined;
}

/** The gaps still present in the region of `text`, in order. */
export function gapsIn(region: InsertedRegion, text: string): Gap[] {
  const at = regionIn(region, text);
  if (!at) return [];
  return placeholders(text.slice(at.start, at.end)).map((p) => ({
    name: p.name,
    start: at.start + p.start,
    end: at.start + p.end,
  }));
}

/**
 * The gap Tab (forward) or Shift+Tab (back) moves to from the selection [from, to]: the first
 * that starts at or after its end, or the last that ends at or before its start. A gap the
 * selection is on or inside is neither.
 */
export function gapFrom(
  gaps: readonly Gap[],
  selection: { start: number; end: number },
  direction: 'forward' | 'back',
): Gap | undefined {
  if (direction === 'forward') return gaps.find((g) => g.start >= selection.end);
  for (let k = gaps.length - 1; k >= 0; k--) if (gaps[k]!.end <= selection.start) return gaps[k];
  return undefined;
}

/**
 * Which of the suggestion's gaps (0-based) each gap still present is, matching names in order:
 * gaps typed over are gone, so the second of two can be the only one left and still be "2 of 2".
 */
export function gapNumbers(original: readonly string[], present: readonly Gap[]): number[] {
  const numbers: number[] = [];
  let next = 0;
  for (const gap of present) {
    let k = next;
    while (k < original.length && original[k] !== gap.name) k++;
    if (k < original.length) {
      numbers.push(k);
      next = k + 1;
    } else {
      // A brace the clinician typed: counted after the last one matched.
      numbers.push(Math.min(next, original.length - 1));
    }
  }
  return numbers;
}
