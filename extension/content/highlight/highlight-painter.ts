import type { Severity } from '@/core/engine';
import { SEVERITIES } from '@/core/lexicon/constants';
import { highlightName } from './styles.ts';

/**
 * Flags in contenteditable editors, drawn with the CSS Custom Highlight API: ranges over the
 * editor's own text nodes, styled by ::highlight rules, with no change to the page's DOM.
 * One painter per document; each field owns its set of ranges within it.
 */
export interface HighlightPainter {
  /** `dark`: the field sits on a dark page, so its flags take the lighter lines. */
  paint(owner: object, ranges: { range: Range; severity: Severity }[], dark?: boolean): void;
  clear(owner: object): void;
  clearAll(): void;
}

export function createHighlightPainter(doc: Document): HighlightPainter | undefined {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view || !('highlights' in view.CSS) || typeof view.Highlight !== 'function')
    return undefined;
  const registry = view.CSS.highlights;
  const highlights = new Map<string, Highlight>();
  for (const severity of SEVERITIES) {
    for (const scheme of ['light', 'dark'] as const) {
      const highlight = new view.Highlight();
      highlights.set(highlightName(severity, scheme), highlight);
      registry.set(highlightName(severity, scheme), highlight);
    }
  }
  const owned = new Map<
    object,
    { ranges: { range: Range; severity: Severity }[]; dark: boolean }
  >();
  const highlightOf = (severity: Severity, dark: boolean) =>
    highlights.get(highlightName(severity, dark ? 'dark' : 'light'))!;

  const clear = (owner: object) => {
    const entry = owned.get(owner);
    for (const { range, severity } of entry?.ranges ?? [])
      highlightOf(severity, entry!.dark).delete(range);
    owned.delete(owner);
  };

  return {
    paint(owner, ranges, dark = false) {
      clear(owner);
      for (const { range, severity } of ranges) highlightOf(severity, dark).add(range);
      owned.set(owner, { ranges, dark });
    },
    clear,
    clearAll() {
      for (const owner of [...owned.keys()]) clear(owner);
    },
  };
}
