import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { defaultLexicon, REQUIRED_ENTRY_FIELDS } from '../core/index.ts';
import { MAX_LEXICON_CHARS } from '../core/lexicon/constants.ts';
import {
  lexiconAsWritten,
  lexiconFromCsv,
  lexiconToCsv,
  type LexiconFile,
} from '../core/lexicon/csv.ts';
import { UsageError } from './errors.ts';
import { parseLayer } from './load-lexicons.ts';
import { readInput } from './read-input.ts';

export const LEXICON_FORMATS = ['json', 'csv'] as const;
export type LexiconFormat = (typeof LEXICON_FORMATS)[number];

export interface ConvertCommand {
  kind: 'lexicon-convert';
  file: string;
  to: LexiconFormat;
  /** Where to write; undefined writes to stdout. */
  out: string | undefined;
}

/** By the extension; otherwise (stdin, `.txt`) a file starting with `{` or a comment is JSON. */
function formatOf(path: string, text: string): LexiconFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json' || ext === '.jsonc') return 'json';
  return /^\uFEFF?\s*[{/]/.test(text) ? 'json' : 'csv';
}

/** Reads and validates the file as `lexicon validate` does: over the default, examples run. */
function readLayer(name: string, text: string, format: LexiconFormat): LexiconFile {
  const below = [defaultLexicon()];
  if (format === 'csv') {
    const read = lexiconFromCsv(text, name, { below, examples: true });
    if ('errors' in read) throw new UsageError(read.errors);
    return read.lexicon;
  }
  const layer = parseLayer(name, text, below, true);
  // Validation keeps whole entries and patches apart; the file's order puts them back.
  const raw = parseJsonc(text.replace(/^\uFEFF/, ''), [], { allowTrailingComma: true }) as {
    entries: { id: string }[];
  };
  return lexiconAsWritten(
    layer,
    raw.entries.map((e) => e.id),
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summary(lexicon: LexiconFile): string {
  // As validation tells them apart: a patch leaves out some field every whole entry has.
  const patches = lexicon.entries.filter((e) =>
    REQUIRED_ENTRY_FIELDS.some((key) => !Object.hasOwn(e, key)),
  ).length;
  const what = [count(lexicon.entries.length - patches, 'entry', 'entries')];
  if (patches) what.push(count(patches, 'patch', 'patches'));
  return what.join(', ');
}

/** Beside the target, then renamed over it: a failed write never leaves half a lexicon. */
function writeWhole(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : code === 'ENOSPC'
              ? 'no space left on the device'
              : error instanceof Error
                ? error.message
                : String(error);
    throw new UsageError(`${path}: cannot be written (${why})`);
  }
}

/**
 * `alongside lexicon convert FILE --to json|csv [--out FILE]`: JSON/JSONC to CSV or back, checked
 * as `lexicon validate` checks it. Nothing is written unless the whole file is valid.
 */
export async function runConvert(
  command: ConvertCommand,
): Promise<{ stdout: string; exitCode: number }> {
  const { name, text } = await readInput(command.file);
  const lexicon = readLayer(name, text, formatOf(command.file, text));
  const output =
    command.to === 'csv' ? lexiconToCsv(lexicon) : `${JSON.stringify(lexicon, null, 2)}\n`;
  // A CSV holds JSON cells with every quote doubled, so it can outgrow what can be read back.
  if (output.length > MAX_LEXICON_CHARS) {
    throw new UsageError(
      `${name}: as ${command.to.toUpperCase()} it would be ${output.length.toLocaleString('en-GB')} characters, more than the ${MAX_LEXICON_CHARS.toLocaleString('en-GB')} a lexicon file may have; split it into layers`,
    );
  }
  if (command.out === undefined) return { stdout: output, exitCode: 0 };
  writeWhole(command.out, output);
  return { stdout: `${command.out}: written (${summary(lexicon)})\n`, exitCode: 0 };
}
