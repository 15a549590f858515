import { flagCss, perSeverity, type Scheme } from '@/components/look';
import type { Severity } from '@/core/engine';

/** One highlight per severity and page scheme: a field on a dark page gets the lighter lines. */
export const highlightName = (severity: Severity, scheme: Scheme = 'light') =>
  scheme === 'dark' ? `alongside-${severity}-dark` : `alongside-${severity}`;

/** The ::highlight rules for rich editors, from the one declaration of each severity's look. */
export const HIGHLIGHT_CSS = [
  perSeverity(
    (s) => `::highlight(${highlightName(s)})`,
    (s) => flagCss(s),
  ),
  perSeverity(
    (s) => `::highlight(${highlightName(s, 'dark')})`,
    (s) => flagCss(s, 'dark'),
  ),
].join('\n');

const sheets = new WeakMap<Document, CSSStyleSheet>();

/**
 * Adds the ::highlight rules to a document or shadow root as an adopted stylesheet: no element
 * is added to the page, and rules inside a shadow root reach its editor.
 */
export function adoptHighlightStyles(root: Document | ShadowRoot): void {
  const doc = root instanceof Document ? root : root.ownerDocument;
  const view = doc.defaultView;
  if (!view) return;
  let sheet = sheets.get(doc);
  if (!sheet) {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    sheets.set(doc, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
