import type { Replacement } from '../core/index.ts';
import type { SentenceParts } from '../components/audit/report-data.ts';
import { previewLine } from './format-text.ts';

// Unicode noncharacters: never in interchanged text, so they can only be the markers put in here.
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';

/**
 * The sentence around `r` as previewLine gives it (the sentence `check` shows), with the words
 * `r` writes marked, so a report can show them apart from the rest. A text holding the
 * markers itself (it never should) is shown whole, with nothing marked.
 */
export function sentenceParts(text: string, r: Replacement): SentenceParts {
  const unmarked = (): SentenceParts => ({ before: previewLine(text, r), marked: '', after: '' });
  const hasMarker = (s: string) => s.includes(OPEN) || s.includes(CLOSE);
  if (hasMarker(text) || hasMarker(r.text)) return unmarked();
  const line = previewLine(text, { ...r, text: `${OPEN}${r.text}${CLOSE}` });
  const open = line.indexOf(OPEN);
  const close = line.indexOf(CLOSE, open);
  if (open < 0 || close < 0) return unmarked();
  return {
    before: line.slice(0, open),
    marked: line.slice(open + 1, close),
    after: line.slice(close + 1),
  };
}

/** The sentence as it reads now, with the flagged words marked. */
export function flaggedSentence(text: string, f: { start: number; end: number }): SentenceParts {
  return sentenceParts(text, { start: f.start, end: f.end, text: text.slice(f.start, f.end) });
}
