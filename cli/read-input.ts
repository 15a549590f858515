import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './errors.ts';

/** The path a user types for stdin, and how stdin is named in messages and output. */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

/**
 * The largest input checked, per file: far beyond any letter, and small enough that the text,
 * its line index and one paragraph's findings fit in memory. Reading stops as soon as an input
 * passes it, so `/dev/zero` or an endless pipe is refused rather than read until memory runs out.
 */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
export const MAX_INPUT_DESCRIPTION = '50 MB';

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
  EMFILE: 'cannot be opened: too many files are open',
  ENFILE: 'cannot be opened: too many files are open',
  EIO: 'cannot be read (an input/output error)',
  EAGAIN: 'cannot be read without waiting (a non-blocking pipe); pipe it in as - instead',
  ELOOP: 'cannot be read (too many symbolic links)',
  ENAMETOOLONG: 'cannot be read (the path is too long)',
};

function tooLarge(name: string): UsageError {
  return new UsageError(
    `${name}: is larger than ${MAX_INPUT_DESCRIPTION}, the most alongside checks in one input; split it into smaller files`,
  );
}

const startsUtf16 = (bytes: Uint8Array) =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

function utf16(name: string): UsageError {
  return new UsageError(`${name}: looks like UTF-16 text; save it as UTF-8 and try again`);
}

function binary(name: string): UsageError {
  return new UsageError(`${name}: contains NUL bytes, so it looks like a binary file, not text`);
}

/** Collects chunks up to `limit` bytes; stops at the first NUL byte or once past the limit. */
class Collector {
  private chunks: Uint8Array[] = [];
  private total = 0;

  constructor(
    private readonly name: string,
    private readonly limit: number,
  ) {}

  add(chunk: Uint8Array): void {
    // Checked per chunk so a device such as /dev/zero is refused at its first read.
    if (this.total === 0 && startsUtf16(chunk)) throw utf16(this.name);
    if (chunk.includes(0)) throw binary(this.name);
    this.total += chunk.length;
    if (this.total > this.limit) throw tooLarge(this.name);
    this.chunks.push(chunk);
  }

  bytes(): Uint8Array {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.total);
  }
}

async function readStdin(limit: number): Promise<Uint8Array> {
  // Streamed rather than readFileSync(0), which fails with EAGAIN on some non-blocking pipes.
  const collector = new Collector(STDIN_NAME, limit);
  try {
    for await (const chunk of process.stdin) collector.add(chunk as Buffer);
  } catch (error) {
    // Stop reading an endless pipe; what is left in it is not ours to drain.
    process.stdin.destroy();
    throw error;
  }
  return collector.bytes();
}

const CHUNK = 1024 * 1024;

/**
 * Read synchronously, one file at a time: open, read and close before the next, so no more than
 * one is ever open, and a folder of small letters costs a few system calls each rather than a
 * round trip through the thread pool for every one (which was a third of a run's time).
 */
function readFileCapped(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // A regular file's size is known: refuse it before reading a byte.
    if (stat.isFile() && stat.size > limit) throw tooLarge(path);
    const collector = new Collector(path, limit);
    // Devices and pipes report no size; they are read a chunk at a time up to the limit.
    const size = stat.isFile() ? Math.min(stat.size + 1, limit + 1) : CHUNK;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.max(size, 1));
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      collector.add(buffer.subarray(0, bytesRead));
    }
    return collector.bytes();
  } finally {
    closeSync(fd);
  }
}

async function readBytes(path: string, limit: number): Promise<Uint8Array> {
  if (path === STDIN) return readStdin(limit);
  try {
    return readFileCapped(path, limit);
  } catch (error) {
    if (error instanceof UsageError) throw error;
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
  if (startsUtf16(bytes)) throw utf16(name);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(0) >= 0) throw binary(name);
  // Node's own UTF-8 check and decoder: several times faster than a fatal TextDecoder.
  if (!isUtf8(buffer)) {
    const line = lineOfByte(bytes, firstInvalidByte(bytes));
    throw new UsageError(
      `${name}: is not valid UTF-8 text (first bad byte on line ${line}); save it as UTF-8 and try again`,
    );
  }
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a file, or stdin for `-`, as UTF-8 text, refusing more than `limit` bytes. Throws a
 * UsageError naming the file.
 */
export async function readInput(path: string, limit = MAX_INPUT_BYTES): Promise<Input> {
  const name = path === STDIN ? STDIN_NAME : path;
  return { name, text: decodeText(name, await readBytes(path, limit)) };
}
