import type { Replacement } from '../finding.ts';

/** The sentence around a replacement, split so the changed words can be marked. */
export interface Preview {
  before: string;
  changed: string;
  after: string;
}

const SENTENCE_END = /[.!?]["'”’)\]]*\s|\n/g;

/**
 * How the sentence holding a replacement will read once it is applied: the words before and
 * after are the sentence's own, the changed part is the replacement's text. A sentence ends at
 * . ! or ? followed by a space, or at a line break.
 */
export function previewReplacement(text: string, r: Replacement): Preview {
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m && m.index + m[0].length <= r.start;) {
    from = m.index + m[0].length;
    m = SENTENCE_END.exec(text);
  }
  SENTENCE_END.lastIndex = r.end;
  const next = SENTENCE_END.exec(text);
  const to = next ? next.index + next[0].trimEnd().length : text.length;
  return {
    before: text.slice(from, r.start).trimStart(),
    changed: r.text,
    after: text.slice(r.end, Math.max(r.end, to)),
  };
}
