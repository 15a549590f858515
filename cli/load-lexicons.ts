import { defaultLexicon, parseLexicon, type Lexicon } from '../core/index.ts';
import { lexiconFromCsv } from '../core/lexicon/csv.ts';
import { allOrUsageError, UsageError } from './errors.ts';
import { readInput } from './read-input.ts';

/**
 * Validates one lexicon file as a layer over `below`, so its patches and `disable` ids are
 * checked against the entries they name. Every problem becomes its own `file: path: problem` line.
 */
export function parseLayer(
  name: string,
  text: string,
  below: readonly Lexicon[],
  examples = false,
): Lexicon {
  // A spreadsheet's layer: the same checks, each problem naming its row and column.
  if (/\.csv$/i.test(name)) {
    const read = lexiconFromCsv(text, name, { below, examples });
    if ('errors' in read) throw new UsageError(read.errors);
    return read.layer;
  }
  const result = parseLexicon(text, { below, examples });
  if (result.ok) return result.lexicon;
  // One validation error may span several lines (e.g. one per unknown field); each gets the prefix.
  const lines = result.errors.flatMap((error) => error.split('\n')).map((l) => `${name}: ${l}`);
  throw new UsageError(lines);
}

/** Reads and validates one lexicon file over the default lexicon. */
export async function readLexicon(path: string): Promise<Lexicon> {
  const { name, text } = await readInput(path);
  return parseLayer(name, text, [defaultLexicon()]);
}

/**
 * The layers in force: the default lexicon first, then each file in the order given, each
 * validated over the ones before it (a personal file may patch a service file's entry).
 * Files are read together; a file that fails stops the layering there, as the files above it
 * would be checked against layers that are not what will be used.
 */
export async function loadLexicons(
  paths: readonly string[],
  useDefault: boolean,
  options: { examples?: boolean } = {},
): Promise<Lexicon[]> {
  // readInput's own limit (far above a lexicon's) stops endless inputs such as /dev/zero;
  // parseLexicon then holds a lexicon to its documented size.
  const inputs = await allOrUsageError(paths.map((path) => readInput(path)));
  const layers = useDefault ? [defaultLexicon()] : [];
  for (const { name, text } of inputs) {
    layers.push(parseLayer(name, text, [...layers], options.examples));
  }
  return layers;
}
