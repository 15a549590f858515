import type { Severity } from '@/core/engine';

/**
 * Severity is shown by line style and thickness as well as colour, so it reads without colour:
 * info a thin dotted line, suggest a wavy line, warn a thick solid line with a faint tint.
 */
export const HIGHLIGHT_CSS = `
::highlight(alongside-info) { text-decoration: underline dotted rgb(70 100 170); text-decoration-thickness: 2px; text-underline-offset: 3px; }
::highlight(alongside-suggest) { text-decoration: underline wavy rgb(176 104 0); text-decoration-thickness: 1.5px; text-underline-offset: 3px; }
::highlight(alongside-warn) { text-decoration: underline solid rgb(190 40 60); text-decoration-thickness: 3px; text-underline-offset: 3px; background-color: rgb(190 40 60 / 0.10); }
`;

export const highlightName = (severity: Severity) => `alongside-${severity}`;

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
