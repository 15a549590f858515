import { defaultLexicon, parseLexicon, type Lexicon } from '../core/index.ts';
import { allOrUsageError, UsageError } from './errors.ts';
import { readInput } from './read-input.ts';

/** Reads and validates one lexicon file. Every problem becomes its own `file: path: problem` line. */
export async function readLexicon(path: string): Promise<Lexicon> {
  const { name, text } = await readInput(path);
  const result = parseLexicon(text);
  if (result.ok) return result.lexicon;
  // One validation error may span several lines (e.g. one per unknown field); each gets the prefix.
  const lines = result.errors.flatMap((error) => error.split('\n')).map((l) => `${name}: ${l}`);
  throw new UsageError(lines);
}

/** The layers in force: the default lexicon first, then each file in the order given. */
export async function loadLexicons(
  paths: readonly string[],
  useDefault: boolean,
): Promise<Lexicon[]> {
  const layers = await allOrUsageError(paths.map(readLexicon));
  return useDefault ? [defaultLexicon(), ...layers] : layers;
}
