import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDocumentKind } from '../../core/engine.ts';

// Letters and notes written for the project by someone who had not seen the detector.
const DIR = new URL('../fixtures/documents/', import.meta.url);
const kinds = JSON.parse(readFileSync(new URL('kinds.json', DIR), 'utf8')) as Record<
  string,
  string
>;

describe('detectDocumentKind', () => {
  it.each(Object.entries(kinds))('%s reads as %s', (file, kind) => {
    expect(detectDocumentKind(readFileSync(new URL(file, DIR), 'utf8'))).toBe(kind);
  });

  it('covers at least 30 documents of every kind but "unsure"', () => {
    const counts = Object.values(kinds).reduce<Record<string, number>>(
      (n, k) => ({ ...n, [k]: (n[k] ?? 0) + 1 }),
      {},
    );
    expect(Object.keys(kinds).length).toBeGreaterThanOrEqual(30);
    for (const kind of ['letter-to-patient', 'letter-to-gp', 'clinical-note'])
      expect(counts[kind]).toBeGreaterThanOrEqual(10);
  });

  it('never reads a transcribed MTSamples note as a letter the person will read', () => {
    const notes = readFileSync(
      new URL('../../../shared/corpus/mtsamples.jsonl', import.meta.url),
      'utf8',
    )
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; text: string });
    expect(notes.length).toBeGreaterThan(2000);
    const toPerson = notes.filter((n) => detectDocumentKind(n.text) === 'letter-to-patient');
    expect(toPerson.map((n) => n.id)).toEqual([]);
  });

  it('reads a GP letter copied to the person as a letter the person reads', () => {
    const letter =
      'Dear Dr Ahmed,\n\nRe: Mr Tom Reid\n\nThank you for referring Mr Reid, who has had low back pain for a year.\n\nYours sincerely,\n\nDr S Kaur\n\ncc: Mr Tom Reid (patient)';
    expect(detectDocumentKind(letter)).toBe('letter-to-patient');
    expect(detectDocumentKind(letter.replace(/\n\ncc:.*$/, ''))).toBe('letter-to-gp');
  });

  it('is unsure of a fragment with too few cues', () => {
    expect(detectDocumentKind('Knee pain, worse on stairs.')).toBe('unsure');
    expect(detectDocumentKind('')).toBe('unsure');
  });
});
