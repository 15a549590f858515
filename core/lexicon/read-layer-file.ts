import { lexiconFromCsv } from './csv.ts';
import { parseLexicon } from './validate.ts';
import type { Lexicon } from './schema.ts';

/**
 * A lexicon file as a clinician or service hands it over (JSON, JSONC, or a spreadsheet saved as
 * CSV, told apart by its name), read as a layer over `below` with its examples run: the layer, or
 * every problem with it, one line each.
 */
export function readLayerFile(
  name: string,
  text: string,
  below: readonly Lexicon[],
): { layer: Lexicon; errors?: never } | { layer?: never; errors: string[] } {
  const options = { below, examples: true };
  if (/\.csv$/i.test(name)) {
    const read = lexiconFromCsv(text, undefined, options);
    return 'errors' in read ? { errors: read.errors } : { layer: read.layer };
  }
  const read = parseLexicon(text, options);
  return read.ok ? { layer: read.lexicon } : { errors: read.errors };
}
