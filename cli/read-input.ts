import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.ts';

/** The path a user types for stdin, and how stdin is named in messages and output. */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

export interface Input {
  /** As the user wrote it, or `<stdin>`: findings point back to what they typed. */
  name: string;
  /** Decoded text without a leading BOM, so finding offsets match what an editor shows. */
  text: string;
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a part of the path is not a directory)',
  EISDIR: 'is a directory; give the files inside it instead',
  EACCES: 'cannot be read (permission denied)',
  EPERM: 'cannot be read (permission denied)',
};

async function readStdin(): Promise<Buffer> {
  // Streamed rather than readFileSync(0), which fails with EAGAIN on some non-blocking pipes.
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readBytes(path: string): Promise<Uint8Array> {
  if (path === STDIN) return readStdin();
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const problem = FILE_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(`${path}: ${problem}`);
  }
}

/** 1-based line of the byte at `index`, for pointing at the first byte that is not UTF-8. */
function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
  }
  return line;
}

/** Index of the byte where strict UTF-8 decoding first fails. Only run once a file is known to be bad. */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return i;
    }
  }
  // The file ends part-way through a character.
  return bytes.length - 1;
}

/**
 * Strict UTF-8 decoding: a file in another encoding would otherwise be checked as mojibake and
 * give wrong offsets, and a binary file would give nonsense findings.
 */
export function decodeText(name: string, bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UsageError(`${name}: looks like UTF-16 text; save it as UTF-8 and try again`);
  }
  if (bytes.includes(0)) {
    throw new UsageError(`${name}: contains NUL bytes, so it looks like a binary file, not text`);
  }
  // ignoreBOM keeps a BOM in the output, so dropping it below is explicit rather than a default.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const line = lineOfByte(bytes, firstInvalidByte(bytes));
    throw new UsageError(
      `${name}: is not valid UTF-8 text (first bad byte on line ${line}); save it as UTF-8 and try again`,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a file, or stdin for `-`, as UTF-8 text. Throws a UsageError naming the file. */
export async function readInput(path: string): Promise<Input> {
  const name = path === STDIN ? STDIN_NAME : path;
  return { name, text: decodeText(name, await readBytes(path)) };
}
