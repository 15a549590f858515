import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { convert, type HtmlToTextOptions } from 'html-to-text';
import mammoth from 'mammoth';
import { UsageError } from './errors.ts';
import { MAX_INPUT_BYTES, MAX_INPUT_DESCRIPTION, readInput, type Input } from './read-input.ts';

/**
 * How a web page becomes the text of a letter. Scripts, styles and the title are left out by
 * html-to-text itself; the rest keeps the words as written.
 */
const HTML_TO_TEXT: HtmlToTextOptions = {
  // A wrapped line would be a line break the letter never had.
  wordwrap: false,
  selectors: [
    // A link's words are the letter's; where it points is not.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // Headings as written, not in capitals: the suggestion shown must read like the letter.
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
      selector,
      options: { uppercase: false },
    })),
    // Cells side by side, as they read, rather than run together.
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'cannot be read (permission denied)',
  EPERM: 'cannot be read (permission denied)',
  EIO: 'cannot be read (an input/output error)',
  EISDIR: 'is a folder, not a Word document',
};

/** A Word file's bytes, refused unread when larger than any other input alongside reads. */
function readWordBytes(path: string): Buffer {
  try {
    const fd = openSync(path, 'r');
    try {
      if (fstatSync(fd).size > MAX_INPUT_BYTES) {
        throw new UsageError(
          `${path}: is larger than ${MAX_INPUT_DESCRIPTION}, the most alongside reads in one letter`,
        );
      }
      return readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`${path}: ${FILE_ERRORS[code] ?? (error as Error).message}`);
  }
}

async function readWordLetter(path: string): Promise<Input> {
  const buffer = readWordBytes(path);
  let text: string;
  try {
    ({ value: text } = await mammoth.extractRawText({ buffer }));
  } catch {
    // mammoth's own message is about zip internals; what helps is what to do about it.
    throw new UsageError(
      `${path}: could not be read as a Word document (.docx); it may be damaged or another kind of file, so open it in Word and save it again`,
    );
  }
  return { name: path, text };
}

/** How components/audit/AuditReport.tsx marks its pages. */
const AUDIT_REPORT = /<meta name="generator" content="alongside /;

/**
 * The text of one letter: a text or Markdown file as it is (UTF-8, as `check` reads it), a web
 * page through html-to-text, a Word document through mammoth. Line and column then count in
 * that text. Undefined for an earlier audit's report, which is not a letter: it quotes the
 * letters, and auditing it would count their suggestions twice. Throws a UsageError naming the
 * file.
 */
export async function readLetter(path: string): Promise<Input | undefined> {
  const extension = extname(path).toLowerCase();
  if (extension === '.docx') return readWordLetter(path);
  const input = await readInput(path);
  if (extension === '.html' || extension === '.htm') {
    if (AUDIT_REPORT.test(input.text)) return undefined;
    return { name: input.name, text: convert(input.text, HTML_TO_TEXT) };
  }
  return input;
}
