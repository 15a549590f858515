import type { Replacement } from '../finding.ts';

/** The text after one replacement: what the editor should hold once a suggestion is applied. */
export function applyReplacement(text: string, r: Replacement): string {
  return text.slice(0, r.start) + r.text + text.slice(r.end);
}
