import { perSeverity, tintCss, underlineCss } from '@/components/look';
import { IDENTITY, type Affine } from './highlight/field-geometry.ts';

/**
 * Alongside's own corner of a page: one custom element at the end of the document with an open
 * shadow root, holding the textarea overlays, the measuring mirror, the suggestion card and a
 * live region. Styles inside cannot leak out and the page's cannot leak in: the page's rules
 * reach only the host element, whose every property our own `!important` rule resets (an inner
 * tree's important rule wins over the page's, even over `* { all: unset !important }`), and
 * whose zoom is undone where the page zooms its root.
 */
export interface Layer {
  root: ShadowRoot;
  /** Overlay boxes for textarea and input flags. */
  marks: HTMLElement;
  /** Holds the invisible copies of fields' text used to measure where flags fall. */
  mirrors: HTMLElement;
  /** Announcements for screen readers. */
  live: HTMLElement;
  /**
   * The map from the layer's fixed-position coordinates to the viewport's: the identity, unless
   * the page transforms its root element (or makes it hold fixed boxes, with `will-change` or a
   * filter), which then carries our boxes too. Measured, so it needs a clean layout.
   */
  space(): Affine;
  destroy(): void;
}

/** Em spaces enough to underline the widest line of any field (200em). */
const SPACES = '\\2003'.repeat(200);

/**
 * Every property of the host back to its initial value, then our own: inherited by everything in
 * the shadow root, so the page's fonts, spacing, colours, visibility or pointer rules on its
 * ancestors never reach the card or the flags.
 */
const HOST_CSS =
  ':host { all: initial !important; direction: ltr !important; unicode-bidi: isolate !important;' +
  ' display: block !important; position: fixed !important; top: 0 !important; left: 0 !important;' +
  ' width: 0 !important; height: 0 !important; overflow: visible !important;' +
  ' z-index: 2147483647 !important; }';

const LAYER_CSS = `
${HOST_CSS}
.probe { position: fixed; width: 0; height: 0; visibility: hidden; pointer-events: none; }
.marks { position: fixed; top: 0; left: 0; pointer-events: none; }
.mirrors { position: fixed; top: 0; left: -100000px; visibility: hidden; pointer-events: none; contain: layout style; }
.clip { position: fixed; overflow: hidden; pointer-events: none; transform-origin: 0 0; }
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
  // Inline too, for the moment before the shadow root's styles apply.
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
  // Three points of our own coordinates, to read where the page has put them.
  const probes = [
    [0, 0],
    [100, 0],
    [0, 100],
  ].map(([x, y]) => {
    const probe = doc.createElement('div');
    probe.className = 'probe';
    probe.style.left = `${x}px`;
    probe.style.top = `${y}px`;
    return probe;
  });
  const unzoom = doc.createElement('style');
  unzoom.className = 'unzoom';
  root.append(style, unzoom, marks, mirrors, live, ...probes);
  doc.documentElement.append(host);
  return {
    root,
    marks,
    mirrors,
    live,
    space() {
      keepUnzoomed(root);
      const [o, x, y] = probes.map((p) => p.getBoundingClientRect());
      const m = {
        a: (x!.left - o!.left) / 100,
        b: (x!.top - o!.top) / 100,
        c: (y!.left - o!.left) / 100,
        d: (y!.top - o!.top) / 100,
        e: o!.left,
        f: o!.top,
      };
      return Object.values(m).every(Number.isFinite) ? m : IDENTITY;
    },
    destroy: () => host.remove(),
  };
}

/**
 * Undoes a zoom the page puts on its root element (the host's one ancestor), which would scale
 * the card, the flags and the mirror that measures them. Our own zoom is in a style of its own,
 * after the rule that resets the host's properties.
 */
export function keepUnzoomed(root: ShadowRoot): void {
  const host = root.host as HTMLElement & { currentCSSZoom?: number };
  const zoom = host.currentCSSZoom;
  if (zoom === undefined || Math.abs(zoom - 1) < 1e-4 || !(zoom > 0)) return;
  const style = root.querySelector('style.unzoom');
  if (!style) return;
  const own = Number(/zoom: ([\d.e+-]+)/.exec(style.textContent ?? '')?.[1] ?? 1);
  style.textContent = `:host { zoom: ${own / zoom} !important; }`;
}
