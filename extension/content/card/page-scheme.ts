/**
 * Whether the page behind a field is dark, from the colours the page really shows (the first
 * opaque background from the field up, else the page's own), not the operating system's
 * preference: a light record on a computer in dark mode gets a light card, and the reverse.
 */
export function isDarkBehind(field: Element): boolean {
  const view = field.ownerDocument.defaultView;
  if (!view) return false;
  for (let el: Element | null = field; el; el = parentOf(el)) {
    const rgba = parseColour(view.getComputedStyle(el).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.4;
  }
  // Nothing painted: the canvas, which follows the page's color-scheme.
  const scheme = view.getComputedStyle(field.ownerDocument.documentElement).colorScheme;
  return /^\s*dark/.test(scheme) && !/light/.test(scheme);
}

/** The element's parent, stepping out of a shadow root to its host. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function parseColour(value: string): [number, number, number, number] | undefined {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)/.exec(value);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : +m[4];
  return [+m[1]!, +m[2]!, +m[3]!, alpha];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
