import type { Severity } from './lexicon/schema.ts';

/** One edit a suggestion makes: replace `text.slice(start, end)` (UTF-16 offsets) with `text`. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** One flagged span. `start`/`end` are UTF-16 offsets into the exact string passed to `find`. */
export interface Finding {
  entryId: string;
  category: string;
  severity: Severity;
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  match: string;
  message: string;
  why: string;
  /** What each choice writes, as the card lists it. May hold {placeholders}. */
  suggestions: string[];
  /**
   * For each suggestion, in the same order, the exact edit: its range may be wider than the
   * flagged words ("is non-compliant with" → "has not been taking") or include an article fixed
   * for agreement ("an addict" → "a person who uses drugs"). Never crosses the paragraph.
   */
  replacements: Replacement[];
  /** Guidance when no drop-in wording exists. */
  advice?: string;
  /** For advice-only entries: a whole sentence before and after, to adapt rather than apply. */
  rewrite?: { before: string; after: string };
  /** Citations of the entry's sources, most relevant to the locale first. */
  sources: { citation: string; year: number; url?: string }[];
}
