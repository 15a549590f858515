import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLexicon } from '../core/index.ts';
import { compileLexicon } from '../core/matcher/compile.ts';
import {
  compiledParts,
  fromParts,
  type CompiledLexicon,
} from '../core/matcher/compiled-lexicon.ts';

/**
 * The default lexicon compiled when the CLI is bundled (scripts/build-cli.mjs), in two files
 * beside the bundle: its typed arrays as raw bytes (.bin) and the rest as JSON naming the build.
 * Compiling takes most of a second, reading them a few milliseconds. A bundle reads only files of
 * its own build.
 */
declare const __ALONGSIDE_BUILD__: string | undefined;
const BUILD = typeof __ALONGSIDE_BUILD__ === 'string' ? __ALONGSIDE_BUILD__ : undefined;
export const COMPILED_FILE = 'default-lexicon.compiled.json';
export const COMPILED_BYTES = 'default-lexicon.compiled.bin';

interface CompiledFile {
  build: string;
  data: unknown;
}

/** The compiled default lexicon: from the bundle's file where there is one, else compiled now. */
export function compiledDefault(): CompiledLexicon {
  if (BUILD) {
    try {
      const file = JSON.parse(readFileSync(join(__dirname, COMPILED_FILE), 'utf8')) as CompiledFile;
      if (file.build === BUILD) {
        const bytes = readFileSync(join(__dirname, COMPILED_BYTES));
        return fromParts({ data: file.data, bytes });
      }
    } catch {
      // Missing, unreadable or of another build: compile instead (slower, same result).
    }
  }
  return compileLexicon([defaultLexicon()], { lean: true });
}

/** The two files' contents, written by the build beside the bundle they belong to. */
export function compiledDefaultFiles(): { json: string; bytes: Uint8Array } {
  if (!BUILD) throw new Error('only a bundled CLI writes its compiled lexicon');
  const { data, bytes } = compiledParts(compileLexicon([defaultLexicon()], { lean: true }));
  const file: CompiledFile = { build: BUILD, data };
  return { json: JSON.stringify(file), bytes };
}
