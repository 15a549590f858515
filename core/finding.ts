import type { Severity } from './lexicon/schema.ts';

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
  /** Alternatives in the chosen locale, first letter cased like the match. May hold {placeholders}. */
  suggestions: string[];
  advice?: string;
  /** Citations of the entry's sources, for the card and the CLI's JSON. */
  sources: { citation: string; year: number; url?: string }[];
}
