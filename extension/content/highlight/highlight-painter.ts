import { SEVERITIES, type Severity } from '@/core/engine';
import { highlightName } from './styles.ts';

/**
 * Flags in contenteditable editors, drawn with the CSS Custom Highlight API: ranges over the
 * editor's own text nodes, styled by ::highlight rules, with no change to the page's DOM.
 * One painter per document; each field owns its set of ranges within it.
 */
export interface HighlightPainter {
  paint(owner: object, ranges: { range: Range; severity: Severity }[]): void;
  clear(owner: object): void;
  clearAll(): void;
}

export function createHighlightPainter(doc: Document): HighlightPainter | undefined {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view || !('highlights' in view.CSS) || typeof view.Highlight !== 'function')
    return undefined;
  const registry = view.CSS.highlights;
  const highlights = new Map<Severity, Highlight>();
  for (const severity of SEVERITIES) {
    const highlight = new view.Highlight();
    highlights.set(severity, highlight);
    registry.set(highlightName(severity), highlight);
  }
  const owned = new Map<object, { range: Range; severity: Severity }[]>();

  const clear = (owner: object) => {
    for (const { range, severity } of owned.get(owner) ?? [])
      highlights.get(severity)!.delete(range);
    owned.delete(owner);
  };

  return {
    paint(owner, ranges) {
      clear(owner);
      for (const { range, severity } of ranges) highlights.get(severity)!.add(range);
      owned.set(owner, ranges);
    },
    clear,
    clearAll() {
      for (const owner of [...owned.keys()]) clear(owner);
    },
  };
}
