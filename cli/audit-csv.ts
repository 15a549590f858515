import Papa from 'papaparse';

/** One CSV row: a finding, with the sentence as its first suggestion leaves it. */
export interface CsvFinding {
  file: string;
  line: number;
  column: number;
  entryId: string;
  category: string;
  severity: string;
  match: string;
  message: string;
  /** Empty where the entry gives advice rather than wording. */
  firstSuggestion: string;
  correctedSentence: string;
}

/** The columns, in order: the names match `check --format json` where both have the field. */
export const CSV_FIELDS = [
  'file',
  'line',
  'column',
  'entryId',
  'category',
  'severity',
  'match',
  'message',
  'firstSuggestion',
  'correctedSentence',
] as const satisfies readonly (keyof CsvFinding)[];

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a tab or carriage return before
 * one) gets a leading ' so it is shown as text, never run. Papaparse's own default pattern
 * misses a formula followed by a line break, so the pattern is ours.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The findings as CSV (RFC 4180, CRLF line ends), with a byte-order mark so Excel reads the
 * UTF-8 correctly (curly quotes, names with accents).
 */
export function findingsCsv(rows: readonly CsvFinding[]): string {
  const data = rows.map((row) => CSV_FIELDS.map((field) => row[field]));
  return `\uFEFF${Papa.unparse({ fields: [...CSV_FIELDS], data }, { escapeFormulae: FORMULA_START })}\r\n`;
}
