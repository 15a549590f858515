import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared clinical-notes corpus, beside the repository root (npm runs us from the root). */
export const CORPUS_PATH = resolve('../shared/corpus/mtsamples.jsonl');

export class CorpusMissingError extends Error {
  constructor(readonly path: string) {
    super(`corpus not found: expected the MTSamples JSONL file at ${path}`);
  }
}

export interface Corpus {
  notes: string[];
  /** UTF-8 bytes of all note texts (JSON framing excluded). */
  bytes: number;
}

export function utf8Bytes(texts: readonly string[]): number {
  let bytes = 0;
  for (const text of texts) bytes += Buffer.byteLength(text, 'utf8');
  return bytes;
}

/** Reads one JSON object a line and keeps each line's "text" field. */
export function loadCorpus(path = CORPUS_PATH): Corpus {
  if (!existsSync(path)) throw new CorpusMissingError(path);
  const notes: string[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      const record = JSON.parse(line) as { text?: unknown };
      if (typeof record.text !== 'string') {
        throw new Error(`${path}:${index + 1}: expected a string "text" field`);
      }
      notes.push(record.text);
    });
  if (notes.length === 0) throw new Error(`${path}: no notes`);
  return { notes, bytes: utf8Bytes(notes) };
}

/** The first notes, in file order, whose texts together reach `minBytes` (all notes if fewer). */
export function leadingSubset(corpus: Corpus, minBytes: number): Corpus {
  const notes: string[] = [];
  let bytes = 0;
  for (const note of corpus.notes) {
    if (bytes >= minBytes) break;
    notes.push(note);
    bytes += Buffer.byteLength(note, 'utf8');
  }
  return { notes, bytes };
}

/**
 * MTSamples notes arrive on one line, sections run together as "...allergies.,MEDICATIONS: ,".
 * Breaking before each upper-case heading gives paragraphs the size a clinician writes.
 */
export function sections(note: string): string[] {
  return note
    .split(/(?<=\.),(?=[A-Z][A-Z /&()-]{2,}:)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Consecutive notes' sections as paragraphs separated by blank lines, until `targetWords`. */
export function longDocument(corpus: Corpus, targetWords: number): string {
  const paragraphs: string[] = [];
  let words = 0;
  for (const note of corpus.notes) {
    for (const section of sections(note)) {
      if (words >= targetWords) return paragraphs.join('\n\n');
      paragraphs.push(section);
      words += wordCount(section);
    }
  }
  return paragraphs.join('\n\n');
}
