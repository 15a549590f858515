import { flagCss, perSeverity, tintCss, type Scheme } from '@/components/look';
import type { Severity } from '@/core/engine';

/** One highlight per severity and page scheme: a field on a dark page gets the lighter lines. */
export const highlightName = (severity: Severity, scheme: Scheme = 'light') =>
  scheme === 'dark' ? `alongside-${severity}-dark` : `alongside-${severity}`;

/**
 * A severity's look, every declaration `!important`, and no tint where it has none: our sheet is
 * adopted after the page's, so our important rules win over a page's rules for our highlights'
 * names (`::highlight(alongside-warn) { text-decoration: none !important }`).
 */
const important = (severity: Severity, scheme: Scheme) =>
  `${flagCss(severity, scheme).replace(/;/g, ' !important;')}${
    tintCss(severity, scheme) ? '' : ' background-color: transparent !important;'
  }`;

/** The ::highlight rules for rich editors, from the one declaration of each severity's look. */
export const HIGHLIGHT_CSS = [
  perSeverity(
    (s) => `::highlight(${highlightName(s)})`,
    (s) => important(s, 'light'),
  ),
  perSeverity(
    (s) => `::highlight(${highlightName(s, 'dark')})`,
    (s) => important(s, 'dark'),
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
