import type { Preview, Replacement } from '@/core/engine';
import { previewReplacement } from '@/core/suggestions/preview';

/** Context kept either side of the changed words, so a long sentence stays a glance. */
const CONTEXT = 60;

/** Cuts `text` to about `max` characters at a word boundary, keeping its end (`side: 'start'`). */
function clip(text: string, max: number, side: 'start' | 'end'): string {
  if (text.length <= max) return text;
  if (side === 'start') {
    const cut = text.slice(text.length - max);
    const space = cut.search(/\s/);
    return `…${space >= 0 && space < max - 1 ? cut.slice(space + 1) : cut}`;
  }
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/**
 * The sentence as it will read once `replacement` is applied to `text`, trimmed to a glance:
 * about sixty characters of the sentence's own words either side of the change.
 */
export function previewOf(text: string, replacement: Replacement | undefined): Preview | undefined {
  if (!replacement || replacement.end > text.length) return undefined;
  const { before, changed, after } = previewReplacement(text, replacement);
  return {
    before: clip(before, CONTEXT, 'start'),
    changed,
    after: clip(after, CONTEXT, 'end'),
  };
}
