import letters from '../../demo/letters.json' with { type: 'json' };
import type { DocumentKind } from '@/core/index';

/**
 * Letters written for the project's demos and training (demo/letters.json): every person, place
 * and detail invented. Each has the letter as it is often written and as it might be rewritten.
 */
export interface SampleLetter {
  id: string;
  title: string;
  kind: DocumentKind;
  /** What it is and what it shows in a session. */
  summary: string;
  before: string;
  after: string;
}

export const SAMPLE_LETTERS: readonly SampleLetter[] = letters.letters as SampleLetter[];
