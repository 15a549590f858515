import { perSeverity, tintCss, underlineCss } from '@/components/look';

/**
 * Alongside's own corner of a page: one custom element at the end of the document with an open
 * shadow root, holding the textarea overlays, the measuring mirror, the suggestion card and a
 * live region. Styles inside cannot leak out and the page's cannot leak in.
 */
export interface Layer {
  root: ShadowRoot;
  /** Overlay boxes for textarea and input flags. */
  marks: HTMLElement;
  /** Holds the invisible copies of fields' text used to measure where flags fall. */
  mirrors: HTMLElement;
  /** Announcements for screen readers. */
  live: HTMLElement;
  destroy(): void;
}

/** Em spaces enough to underline the widest line of any field (200em). */
const SPACES = '\\2003'.repeat(200);

const LAYER_CSS = `
:host { all: initial; }
.marks { position: fixed; top: 0; left: 0; pointer-events: none; }
.mirrors { position: fixed; top: 0; left: -100000px; visibility: hidden; pointer-events: none; contain: layout style; }
.clip { position: fixed; overflow: hidden; pointer-events: none; }
.mark { position: absolute; pointer-events: none; box-sizing: border-box; overflow-x: clip; }
/* A box cannot draw a wavy border, so each mark underlines a run of invisible spaces in the
   field's font (set on its clip): the same text decoration as a highlight, at the same baseline. */
.mark::after { content: "${SPACES}"; display: block; white-space: pre; line-height: normal; color: transparent; }
${perSeverity(
  (s) => `.mark.${s}::after`,
  (s) => underlineCss(s),
)}
${perSeverity(
  (s) => `.mark.${s}`,
  (s) => tintCss(s),
)}
/* Over a field on a dark page (its clip says so), the lighter lines. */
${perSeverity(
  (s) => `.clip.dark .mark.${s}::after`,
  (s) => underlineCss(s, 'dark'),
)}
${perSeverity(
  (s) => `.clip.dark .mark.${s}`,
  (s) => tintCss(s, 'dark'),
)}
.mirror { position: absolute; top: 0; left: 0; border: 0; margin: 0; contain: layout style; }
.live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** `tag` names the host: our card on a page around a small frame gets its own. */
export function createLayer(doc: Document, tag = 'alongside-layer'): Layer {
  const host = doc.createElement(tag);
  host.setAttribute('data-alongside', 'off');
  // Inline so the page's own stylesheet cannot move or hide our host.
  host.style.cssText =
    'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = LAYER_CSS;
  const marks = doc.createElement('div');
  marks.className = 'marks';
  const mirrors = doc.createElement('div');
  mirrors.className = 'mirrors';
  const live = doc.createElement('div');
  live.className = 'live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.append(style, marks, mirrors, live);
  doc.documentElement.append(host);
  return { root, marks, mirrors, live, destroy: () => host.remove() };
}
