import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
// Papa Parse without @types/papaparse: its `/// <reference types="node" />` would give the whole
// engine Node's globals, and core/tsconfig.json's check would no longer catch a Node call.
// @ts-expect-error -- untyped on purpose; the PapaParse interface below says what is used.
import untypedPapa from 'papaparse/papaparse.js';
import { MAX_LEXICON_CHARS } from './constants.ts';
import { closest, formatPath } from './format-issue.ts';
import type { Entry, EntryPatch, Lexicon } from './schema.ts';
import { JSON_PROBLEMS, treeValue, validateLexicon, type ValidateOptions } from './validate.ts';

/** The part of Papa Parse used here. */
interface PapaParse {
  parse(
    text: string,
    config: { delimiter: string; skipEmptyLines: false },
  ): { data: string[][]; errors: { code: string; message: string; row?: number }[] };
  unparse(
    table: { fields: string[]; data: string[][] },
    config: { newline: string; escapeFormulae: RegExp },
  ): string;
}
const Papa = untypedPapa as PapaParse;

/**
 * A lexicon as a spreadsheet (CSV), for services that keep theirs in one. DOM-free and
 * Node-free: the options page uses it too. Row 1 holds the headings, the first of them `id`;
 * then one row per entry. A row with only an `id` and some cells is a patch, as in JSON: an
 * empty cell means "not given".
 *
 * - A list (phrases, sources, examples…) is one item per line inside its cell (Alt+Enter in a
 *   spreadsheet), not `|`, which already means "or" inside a phrase. In `alternatives` a line
 *   `""` is the alternative that takes the words out.
 * - Any column may instead be headed `NAME (JSON)` and hold the field's value as JSON text.
 *   `context (JSON)` and `locales (JSON)` are JSON only; export uses the JSON column where plain
 *   cells cannot carry a value (a structured alternative, a flag example with corrections, a
 *   source written out, an empty list, a line break inside a list item), so nothing is lost.
 * - The lexicon's own fields are rows whose first cell names them and whose second cell holds
 *   the value: `#name`, `#version`, `#locale`, `#description`, `#$schema`, `#disable` and
 *   `#allow` (lists), `#prompts (JSON)`, and one `#bibliography.KEY (JSON)` row per source.
 * - A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 *   return) is written with a `'` in front, and one such `'` is taken off on reading.
 *
 * Comments in a JSONC file are all that a CSV cannot carry.
 */

type CellKind = 'text' | 'boolean' | 'list' | 'alternatives' | 'json';

interface Field {
  /** The column heading (plain; the JSON column adds " (JSON)"). */
  name: string;
  path: readonly [string] | readonly [string, string];
  kind: CellKind;
}

const field = (name: string, kind: CellKind): Field => {
  const [first, second] = name.split('.') as [string, string | undefined];
  return { name, path: second === undefined ? [first] : [first, second], kind };
};

/** Entry columns, in the order export writes them: how a reader meets an entry. */
const ENTRY_FIELDS: readonly Field[] = [
  field('id', 'text'),
  field('category', 'text'),
  field('severity', 'text'),
  field('enabled', 'boolean'),
  field('phrases', 'list'),
  field('detect', 'text'),
  field('inflect', 'text'),
  field('caseSensitive', 'boolean'),
  field('context', 'json'),
  field('appliesTo', 'list'),
  field('message', 'text'),
  field('why', 'text'),
  field('alternatives', 'alternatives'),
  field('advice', 'text'),
  field('rewrite.before', 'text'),
  field('rewrite.after', 'text'),
  field('sources', 'list'),
  field('examples.flag', 'list'),
  field('examples.pass', 'list'),
  field('locales', 'json'),
  field('tags', 'list'),
];

/** Lexicon-level fields, each a row of its own, in the order export writes them. */
const LEXICON_FIELDS: readonly Field[] = [
  field('$schema', 'text'),
  field('name', 'text'),
  field('version', 'text'),
  field('locale', 'text'),
  field('description', 'text'),
  field('disable', 'list'),
  field('allow', 'list'),
  field('prompts', 'json'),
];
/** A source of the bibliography: `#bibliography.KEY (JSON)`. */
const SOURCE_ROW = 'bibliography';

const JSON_SUFFIX = ' (JSON)';
/** The line in an `alternatives` cell that stands for "" (take the matched words out). */
const EMPTY_ALTERNATIVE = '""';

/** A layer as a file holds it: whole entries and patches together, in the file's order. */
export type LexiconFile = Omit<Lexicon, 'entries' | 'patches'> & {
  entries: (Entry | EntryPatch)[];
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The layer as its file would list it: entries in the order of `ids` (the file's), whole ones and
 * patches alike, and the lexicon's fields in the order the README shows them.
 */
export function lexiconAsWritten(layer: Lexicon, ids?: readonly string[]): LexiconFile {
  const byId = new Map<string, Entry | EntryPatch>();
  for (const entry of [...layer.entries, ...(layer.patches ?? [])]) byId.set(entry.id, entry);
  const entries: (Entry | EntryPatch)[] = [];
  for (const id of ids ?? []) {
    const entry = byId.get(id);
    if (entry) entries.push(entry);
    byId.delete(id);
  }
  // Anything `ids` did not name is kept, after the rest.
  entries.push(...byId.values());
  const { $schema, name, version, locale, description, disable, allow, bibliography, prompts } =
    layer;
  const out: Record<string, unknown> = { $schema, name, version, locale, description };
  Object.assign(out, { disable, allow, bibliography, entries, prompts });
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as LexiconFile;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A list item that a line of a cell carries as it is. */
const plainItem = (item: unknown): item is string =>
  typeof item === 'string' && item !== '' && item.trim() === item && !/[\r\n]/.test(item);

/** The value as a plain cell, or undefined where only JSON can carry it. */
function plainCell(kind: CellKind, value: unknown): string | undefined {
  const list = Array.isArray(value) && value.length > 0 ? (value as unknown[]) : undefined;
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'list':
      return list?.every(plainItem) ? list.join('\n') : undefined;
    case 'alternatives':
      return list?.every((a) => a === '' || (plainItem(a) && a !== EMPTY_ALTERNATIVE))
        ? list.map((a) => (a === '' ? EMPTY_ALTERNATIVE : a)).join('\n')
        : undefined;
    case 'json':
      return undefined;
  }
}

const valueAt = (object: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, key) => (isPlainObject(value) ? value[key] : undefined), object);

interface Cell {
  text: string;
  json: boolean;
}

function cellFor(kind: CellKind, value: unknown): Cell | undefined {
  if (value === undefined) return undefined;
  const plain = plainCell(kind, value);
  return plain === undefined
    ? { text: JSON.stringify(value), json: true }
    : { text: plain, json: false };
}

/**
 * Starts a spreadsheet would run as a formula, and a `'` already in front of one, which must gain
 * another so that reading takes exactly one off.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * The lexicon as CSV: headings, then the lexicon's own rows (`#name`…), then one row per entry,
 * whole entries first and patches after (a validated layer keeps them apart; `lexiconAsWritten`
 * puts them back in the file's order). Written with a byte-order mark, so Excel reads accents
 * and curly quotes as UTF-8, and with CRLF between rows, as RFC 4180 and Excel do.
 */
export function lexiconToCsv(lexicon: LexiconFile | Lexicon): string {
  const entries: readonly (Entry | EntryPatch)[] = [
    ...lexicon.entries,
    ...('patches' in lexicon ? (lexicon.patches ?? []) : []),
  ];
  const cells = entries.map((entry) =>
    ENTRY_FIELDS.map((f) => cellFor(f.kind, valueAt(entry, f.path))),
  );
  // Every plain column, so the sheet is a template; a JSON column only where a row needs it.
  const columns: { field: number; json: boolean }[] = [];
  ENTRY_FIELDS.forEach((f, i) => {
    if (f.kind !== 'json') columns.push({ field: i, json: false });
    if (cells.some((row) => row[i]?.json)) columns.push({ field: i, json: true });
  });
  const header = columns.map(
    ({ field: i, json }) => ENTRY_FIELDS[i]!.name + (json ? JSON_SUFFIX : ''),
  );

  const rows: string[][] = [];
  for (const f of LEXICON_FIELDS) {
    const cell = cellFor(f.kind, (lexicon as Record<string, unknown>)[f.name]);
    if (cell) rows.push([`#${f.name}${cell.json ? JSON_SUFFIX : ''}`, cell.text]);
  }
  for (const [key, source] of Object.entries(lexicon.bibliography ?? {})) {
    rows.push([`#${SOURCE_ROW}.${key}${JSON_SUFFIX}`, JSON.stringify(source)]);
  }
  for (const row of cells) {
    rows.push(columns.map(({ field: i, json }) => (row[i]?.json === json ? row[i]!.text : '')));
  }
  const csv = Papa.unparse(
    { fields: header, data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `\uFEFF${csv}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Takes off the `'` that writing put before a formula-looking cell. */
const unguard = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** "A", "B" … "Z", "AA": a column as a spreadsheet names it. */
function columnLetter(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

/** A value shown in a message: one line, cut when long. */
function shown(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 37)}…` : line;
}

/** A cell's value, and for a plain list the line of the cell each item came from. */
interface Decoded {
  value: unknown;
  lines?: number[];
}

/**
 * A JSON cell's value. Fields are defined, not assigned, so "__proto__" stays an ordinary
 * (unknown) field; a field given twice is refused rather than one of them silently dropped.
 */
function parseJsonCell(text: string): Decoded | { problem: string } {
  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false });
  const first = syntax[0];
  if (first || !tree) {
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    const at = first ? ` at character ${first.offset + 1}` : '';
    return { problem: `not valid JSON${at}: ${JSON_PROBLEMS[code] ?? code}` };
  }
  const twice: string[] = [];
  const value = treeValue(tree, (name) => twice.push(name));
  if (twice.length) return { problem: `"${twice[0]}" is given twice in one object; keep one` };
  return { value };
}

/** Where a value came from, so a validation error can point back at its cell. */
interface Given {
  row: number;
  /** The heading as it names the column: `phrases` or `phrases (JSON)`. */
  column: string;
  json: boolean;
  /** The cell as read (formula guard taken off). */
  cell: string;
  /** For a plain list: the line of the cell each item came from, 1-based. */
  lines?: number[];
}

/** A plain cell's value, or a problem to report. The cell is known not to be blank. */
function decodePlain(kind: CellKind, cell: string): Decoded | { problem: string } {
  if (kind === 'text') return { value: cell };
  if (kind === 'boolean') {
    const word = cell.trim().toLowerCase();
    if (word === 'true' || word === 'false') return { value: word === 'true' };
    return { problem: `expected true or false, not "${shown(cell)}"` };
  }
  const items: string[] = [];
  const lines: number[] = [];
  cell.split(/\r\n|\r|\n/).forEach((line, n) => {
    const item = line.trim();
    if (item === '') return;
    items.push(kind === 'alternatives' && item === EMPTY_ALTERNATIVE ? '' : item);
    lines.push(n + 1);
  });
  return { value: items, lines };
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    Object.defineProperty(target, head, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return;
  }
  const inner = isPlainObject(target[head]) ? (target[head] as Record<string, unknown>) : {};
  setAt(inner, rest, value);
  if (target[head] !== inner) setAt(target, [head], inner);
}

interface Heading {
  field: Field;
  json: boolean;
}

const headingName = ({ field: f, json }: Heading) => f.name + (json ? JSON_SUFFIX : '');

/** Field and form a heading (or a `#` row's first cell) names, matched ignoring case. */
function matchHeading(text: string, fields: readonly Field[]): Heading | undefined {
  const words = text.trim().replace(/\s+/g, ' ');
  const json = /\s*\(json\)$/i.exec(words);
  const name = (json ? words.slice(0, json.index) : words).toLowerCase();
  const found = fields.find((f) => f.name.toLowerCase() === name);
  return found && { field: found, json: Boolean(json) };
}

const allHeadings = (fields: readonly Field[]) =>
  fields.flatMap((f) =>
    f.kind === 'json' ? [f.name + JSON_SUFFIX] : [f.name, f.name + JSON_SUFFIX],
  );

/** A heading or `#` row name that is not known: say what is, with the nearest. */
function unknownName(text: string, known: readonly string[]): string {
  const hint = closest(text.trim(), known);
  return hint
    ? `did you mean "${hint}"?`
    : `the names are ${known.map((k) => `"${k}"`).join(', ')}`;
}

interface Sheet {
  raw: Record<string, unknown>;
  /** Per entry (in row order), where each of its fields came from, by field name. */
  entries: { row: number; given: Map<string, Given> }[];
  /** Lexicon-level rows by field name ("name", "bibliography.KEY"). */
  top: Map<string, Given>;
}

/** What each column holds, from the headings in row 1. */
function readHeadings(headRow: readonly string[], errors: string[]): (Heading | undefined)[] {
  const seen = new Map<string, string>();
  const first = unguard(headRow[0] ?? '').trim();
  if (first.toLowerCase() !== 'id') {
    errors.push(
      `row 1, column A: the first heading must be "id"${first ? `, not "${shown(first)}"` : ''}`,
    );
  }
  return headRow.map((raw, i) => {
    const text = unguard(raw);
    const where = `row 1, column ${columnLetter(i)}`;
    // A blank heading is fine over an empty column; column A's was checked above.
    if (text.trim() === '' || (i === 0 && first.toLowerCase() !== 'id')) return undefined;
    const heading = matchHeading(text, ENTRY_FIELDS);
    if (!heading) {
      errors.push(
        `${where}: unknown heading "${shown(text)}"; ${unknownName(text, allHeadings(ENTRY_FIELDS))}`,
      );
      return undefined;
    }
    if (heading.field.kind === 'json' && !heading.json) {
      errors.push(
        `${where}: "${heading.field.name}" is written as JSON; head the column "${heading.field.name}${JSON_SUFFIX}"`,
      );
      return undefined;
    }
    const name = headingName(heading);
    const again = seen.get(name);
    if (again) errors.push(`${where}: "${name}" also heads column ${again}; keep one`);
    else seen.set(name, columnLetter(i));
    return heading;
  });
}

const LEXICON_ROW_NAMES = [...allHeadings(LEXICON_FIELDS), `${SOURCE_ROW}.KEY${JSON_SUFFIX}`].map(
  (k) => `#${k}`,
);

/** A `#name`-style row: one of the lexicon's own fields, its value in column B. */
function readLexiconRow(
  row: number,
  values: readonly string[],
  sheet: Sheet,
  errors: string[],
): void {
  const first = values[0]!.trim();
  const name = first.slice(1).trim();
  const source = /^bibliography\.([^\s(]+)(\s*\(json\))?$/i.exec(name);
  const heading = source ? undefined : matchHeading(name, LEXICON_FIELDS);
  if (!source && !heading) {
    errors.push(
      `row ${row}: "${shown(first)}" is not a lexicon field; ${unknownName(first, LEXICON_ROW_NAMES)}`,
    );
    return;
  }
  const f = heading?.field;
  if ((source && !source[2]) || (f?.kind === 'json' && !heading!.json)) {
    const what = source ? `${SOURCE_ROW}.${source[1]}` : f!.name;
    errors.push(`row ${row}: "#${what}" is written as JSON; name the row "#${what}${JSON_SUFFIX}"`);
    return;
  }
  const key = source ? `${SOURCE_ROW}.${source[1]}` : f!.name;
  const label = source ? `#${key}${JSON_SUFFIX}` : `#${headingName(heading!)}`;
  const extra = values.findIndex((v, i) => i > 1 && v.trim() !== '');
  if (extra > 0) {
    errors.push(
      `row ${row}, ${label}: the value goes in column B alone; column ${columnLetter(extra)} should be empty`,
    );
    return;
  }
  const again = sheet.top.get(key);
  if (again) {
    errors.push(`row ${row}, ${label}: also given in row ${again.row}; keep one`);
    return;
  }
  const cell = values[1] ?? '';
  if (cell.trim() === '') return;
  const json = Boolean(source) || heading!.json;
  const decoded = json ? parseJsonCell(cell) : decodePlain(f!.kind, cell);
  if ('problem' in decoded) {
    errors.push(`row ${row}, ${label}: ${decoded.problem}`);
    return;
  }
  sheet.top.set(key, { row, column: label, json, cell, lines: decoded.lines });
  if (source) {
    const bibliography = isPlainObject(sheet.raw.bibliography) ? sheet.raw.bibliography : {};
    setAt(bibliography, [source[1]!], decoded.value);
    sheet.raw.bibliography = bibliography;
  } else setAt(sheet.raw, [f!.name], decoded.value);
}

/** An entry's row: each cell that is not empty gives the field its heading names. */
function readEntryRow(
  row: number,
  values: readonly string[],
  headings: readonly (Heading | undefined)[],
  errors: string[],
): { entry: Record<string, unknown>; given: Map<string, Given> } {
  const entry: Record<string, unknown> = {};
  const given = new Map<string, Given>();
  values.forEach((cell, i) => {
    if (cell.trim() === '') return;
    const heading = headings[i];
    if (!heading) {
      errors.push(
        `row ${row}, column ${columnLetter(i)}: this cell has no heading in row 1; give the column one, or empty the cell`,
      );
      return;
    }
    const { field: f, json } = heading;
    const column = headingName(heading);
    const other = given.get(f.name);
    if (other) {
      errors.push(`row ${row}, ${f.name}: given in "${other.column}" and in "${column}"; keep one`);
      return;
    }
    const decoded = json ? parseJsonCell(cell) : decodePlain(f.kind, cell);
    if ('problem' in decoded) {
      errors.push(`row ${row}, ${column}: ${decoded.problem}`);
      return;
    }
    given.set(f.name, { row, column, json, cell, lines: decoded.lines });
    setAt(entry, f.path, decoded.value);
  });
  return { entry, given };
}

/** Reads the rows into a lexicon as JSON would hold it, noting where each value came from. */
function readSheet(rows: readonly string[][]): { sheet: Sheet } | { errors: string[] } {
  const errors: string[] = [];
  const headings = readHeadings(rows[0] ?? [], errors);
  if (errors.length) return { errors };
  const sheet: Sheet = { raw: {}, entries: [], top: new Map() };
  const rawEntries: Record<string, unknown>[] = [];
  rows.slice(1).forEach((cells, r) => {
    const row = r + 2;
    const values = cells.map(unguard);
    if (values.every((v) => v.trim() === '')) return;
    // An id never starts with "#" (ids are lower-case letters, digits and hyphens).
    if (values[0]!.trim().startsWith('#')) return readLexiconRow(row, values, sheet, errors);
    const { entry, given } = readEntryRow(row, values, headings, errors);
    rawEntries.push(entry);
    sheet.entries.push({ row, given });
  });
  if (errors.length) return { errors };
  sheet.raw.entries = rawEntries;
  return { sheet };
}

/** Splits "entries[3].phrases[0]: problem" into its path and problem. */
function splitError(line: string): { path: (string | number)[]; problem: string } | undefined {
  const match = /^((?:[^\s.[\]:"]+|\[\d+\])(?:\.[^\s.[\]:"]+|\[\d+\])*): ([\s\S]*)$/.exec(line);
  if (!match) return undefined;
  const path = [...match[1]!.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) =>
    m[1] !== undefined ? Number(m[1]) : m[2]!,
  );
  return { path, problem: match[2]! };
}

/** Where in the sheet a path inside one entry or the lexicon points, and the problem there. */
function placeIn(
  given: Map<string, Given>,
  fields: readonly Field[],
  path: readonly (string | number)[],
  problem: string,
): string {
  const two = path.slice(0, 2).join('.');
  const f = fields.find((x) => x.name === two) ?? fields.find((x) => x.name === path[0]);
  if (!f) {
    // A group of columns ("examples" is examples.flag and examples.pass).
    const group = fields.filter((x) => x.path.length === 2 && x.path[0] === path[0]);
    if (group.length && path.length === 1)
      return `${group.map((x) => x.name).join(' and ')}: ${problem}`;
    return `${formatPath(path)}: ${problem}`;
  }
  const rest = path.slice(f.path.length);
  const from = given.get(f.name);
  if (!from) return `${f.name}${rest.length ? ` at ${formatPath(rest)}` : ''}: ${problem}`;
  if (from.json) return `${from.column}${rest.length ? ` at ${formatPath(rest)}` : ''}: ${problem}`;
  let place = from.column;
  let value = from.cell;
  const [item, ...inner] = rest;
  if (typeof item === 'number' && from.lines) {
    place += ` (line ${from.lines[item] ?? item + 1})`;
    value = from.cell.split(/\r\n|\r|\n/)[(from.lines[item] ?? 1) - 1] ?? '';
  }
  if (inner.length) place += ` at ${formatPath(inner)}`;
  // zod says what it expected; the sheet says what it found.
  const found = problem.startsWith('expected ') && !inner.length ? `, not "${shown(value)}"` : '';
  return `${place}: ${problem}${found}`;
}

/** What a problem written for JSON files means in a sheet, where that is not plain. */
function sheetHint(given: Map<string, Given>, problem: string): string {
  const flag = given.get('examples.flag');
  if (flag && !flag.json && problem.startsWith('give the sentence each alternative leaves')) {
    return `; in a sheet, flag examples with their corrections go in "examples.flag${JSON_SUFFIX}"`;
  }
  if (/missing\b.*(?:"alternatives"|an array of alternatives)/.test(problem)) {
    return `; an entry with advice only gives [] in "alternatives${JSON_SUFFIX}"`;
  }
  return '';
}

/** A validation error, with entries[N] paths turned into rows and columns of the sheet. */
function locate(sheet: Sheet, line: string): string {
  const rowOf = (k: number) => sheet.entries[k]?.row;
  const rows = (text: string) =>
    text.replace(/entries\[(\d+)\]/g, (all, k: string) => {
      const row = rowOf(Number(k));
      return row === undefined ? all : `row ${row}`;
    });
  const split = splitError(line);
  if (!split) return rows(line);
  const { path, problem } = split;
  const [head, k, ...rest] = path;
  if (head === 'entries' && typeof k === 'number' && sheet.entries[k]) {
    const { row, given } = sheet.entries[k];
    if (rest.length === 0) return `row ${row}: ${rows(problem)}${sheetHint(given, problem)}`;
    return `row ${row}, ${placeIn(given, ENTRY_FIELDS, rest, rows(problem))}${sheetHint(given, problem)}`;
  }
  if (head === SOURCE_ROW && typeof k === 'string') {
    const from = sheet.top.get(`${SOURCE_ROW}.${k}`);
    const place = `#${SOURCE_ROW}.${k}${JSON_SUFFIX}${rest.length ? ` at ${formatPath(rest)}` : ''}`;
    return from ? `row ${from.row}, ${place}: ${problem}` : `${place}: ${problem}`;
  }
  const f = LEXICON_FIELDS.find((x) => x.name === head);
  if (f) {
    const from = sheet.top.get(f.name);
    const placed = placeIn(sheet.top, LEXICON_FIELDS, path, problem);
    if (from) return `row ${from.row}, ${placed.startsWith('#') ? '' : '#'}${placed}`;
    return `#${placed}; add a row with "#${f.name}" in its first cell and the value in the second`;
  }
  return rows(line);
}

/** Rows as the CSV has them, or its syntax problems by row. */
function parseRows(text: string): { rows: string[][] } | { errors: string[] } {
  // The first heading is "id"; what follows it is the delimiter (a ";" from Excel in much of
  // Europe, a tab from a pasted range). Papa Parse's own guess misreads short files.
  const delimiter = /^"?id"? *([,;\t])/i.exec(text)?.[1] ?? ',';
  const parsed = Papa.parse(text, { delimiter, skipEmptyLines: false });
  const errors = parsed.errors.map((e) => {
    const row = e.row === undefined ? '' : `row ${e.row + 1}: `;
    if (e.code === 'MissingQuotes') {
      return `${row}a quoted cell is not closed: a cell that starts with " needs a " at its end`;
    }
    if (e.code === 'InvalidQuotes') {
      return `${row}a quoted cell goes on after its closing "; write a " inside a cell as ""`;
    }
    return `${row}${e.message}`;
  });
  return errors.length ? { errors } : { rows: parsed.data };
}

/** A lexicon read from CSV, as its file would hold it, and as validated for the engine. */
export type CsvImport = { lexicon: LexiconFile; layer: Lexicon } | { errors: string[] };

/**
 * Reads a lexicon from CSV and validates it as `validateLexicon` does (with `options.below`,
 * rows may patch the layers below). Each error is one line naming the row (as a spreadsheet
 * numbers it: the headings are row 1) and the column, prefixed with `name` when given.
 */
export function lexiconFromCsv(
  text: string,
  name?: string,
  options: ValidateOptions = {},
): CsvImport {
  const prefixed = (errors: string[]) => ({
    errors: name === undefined ? errors : errors.map((e) => `${name}: ${e}`),
  });
  if (text.length > MAX_LEXICON_CHARS) {
    return prefixed([
      `is ${text.length.toLocaleString('en-GB')} characters; a lexicon file may have at most ${MAX_LEXICON_CHARS.toLocaleString('en-GB')} (about 2 MB): split it into layers`,
    ]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '')
    return prefixed(['the file is empty; row 1 needs the headings, starting with "id"']);
  const parsed = parseRows(body);
  if ('errors' in parsed) return prefixed(parsed.errors);
  const read = readSheet(parsed.rows);
  if ('errors' in read) return prefixed(read.errors);
  const { sheet } = read;
  const result = validateLexicon(sheet.raw, options);
  if (!result.ok) {
    return prefixed(result.errors.flatMap((e) => e.split('\n')).map((e) => locate(sheet, e)));
  }
  const ids = (sheet.raw.entries as Record<string, unknown>[]).map((e) => String(e.id));
  return { lexicon: lexiconAsWritten(result.lexicon, ids), layer: result.lexicon };
}
