/**
 * Where a field's own box lies on the screen, however the page transforms or zooms it.
 *
 * A textarea's flags are measured in a mirror in our layer, in the field's own CSS pixels, then
 * drawn over it. On a page that scales, rotates or zooms an ancestor of the field (a record
 * system shrinking its letter pane, say), its bounding rectangle is the box around the turned,
 * scaled box, in other units: the flags must go through the same transform as the field.
 */

/** An affine map: (x, y) → (a·x + c·y + e, b·x + d·y + f), as in CSS `matrix()`. */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export const IDENTITY: Affine = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

/** `m` after `n`: first n, then m. */
export function multiply(m: Affine, n: Affine): Affine {
  return {
    a: m.a * n.a + m.c * n.b,
    b: m.b * n.a + m.d * n.b,
    c: m.a * n.c + m.c * n.d,
    d: m.b * n.c + m.d * n.d,
    e: m.a * n.e + m.c * n.f + m.e,
    f: m.b * n.e + m.d * n.f + m.f,
  };
}

export function invert(m: Affine): Affine | undefined {
  const det = m.a * m.d - m.b * m.c;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-9) return undefined;
  return {
    a: m.d / det,
    b: -m.b / det,
    c: -m.c / det,
    d: m.a / det,
    e: (m.c * m.f - m.d * m.e) / det,
    f: (m.b * m.e - m.a * m.f) / det,
  };
}

export function apply(m: Affine, x: number, y: number): { x: number; y: number } {
  return { x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f };
}

/** Whether `m` only moves things (no scale, turn or skew), within rounding. */
export function onlyMoves(m: Affine): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) < 1e-6;
  return near(m.a, 1) && near(m.b, 0) && near(m.c, 0) && near(m.d, 1);
}

/** The parent in the flattened tree: a slotted element's slot, a shadow root's host. */
function parentOf(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

const ANGLE: Readonly<Record<string, number>> = {
  deg: Math.PI / 180,
  rad: 1,
  grad: Math.PI / 200,
  turn: 2 * Math.PI,
};

/** The linear part of an element's `translate`, `rotate`, `scale` and `transform`, in that order. */
function linearOf(style: CSSStyleDeclaration, view: Window): Affine {
  let m = IDENTITY;
  // `rotate: 10deg` or `rotate: z 10deg` / `0 0 1 10deg` (a turn about another axis is 3D: ignored).
  const rotate = /^(?:z |0 0 1 )?(-?[\d.e+-]+)(deg|rad|grad|turn)$/.exec(style.rotate ?? '');
  if (rotate) {
    const t = Number(rotate[1]) * ANGLE[rotate[2]!]!;
    m = multiply(m, {
      a: Math.cos(t),
      b: Math.sin(t),
      c: -Math.sin(t),
      d: Math.cos(t),
      e: 0,
      f: 0,
    });
  }
  const scale = (style.scale ?? 'none').split(' ').map(Number);
  if (style.scale && style.scale !== 'none' && scale.every(Number.isFinite)) {
    m = multiply(m, { a: scale[0]!, b: 0, c: 0, d: scale[1] ?? scale[0]!, e: 0, f: 0 });
  }
  if (style.transform && style.transform !== 'none') {
    try {
      const t = new (view as Window & typeof globalThis).DOMMatrix(style.transform);
      m = multiply(m, { a: t.a, b: t.b, c: t.c, d: t.d, e: 0, f: 0 });
    } catch {
      // A value DOMMatrix cannot read: taken as no transform.
    }
  }
  return m;
}

/**
 * The map from the field's own CSS pixels (its border box's top-left at 0, 0) to the viewport of
 * its document. Its linear part is the product of every ancestor's transform (and the field's
 * own) and its effective zoom; where that puts the box follows from the bounding rectangle,
 * which is the box around the mapped corners.
 */
export function fieldToViewport(field: HTMLElement): Affine {
  const view = field.ownerDocument.defaultView!;
  const rect = field.getBoundingClientRect();
  let linear = IDENTITY;
  for (let el: Element | null = field; el; el = parentOf(el)) {
    const style = view.getComputedStyle(el);
    // An element without a box of its own has no transform to apply.
    if (style.display === 'contents') continue;
    linear = multiply(linearOf(style, view), linear);
  }
  // The zoom of the field and its ancestors, which their transforms do not include.
  const zoom = (field as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  if (zoom !== 1) linear = multiply({ ...IDENTITY, a: zoom, d: zoom }, linear);
  const w = field.offsetWidth;
  const h = field.offsetHeight;
  const xs = [0, linear.a * w, linear.c * h, linear.a * w + linear.c * h];
  const ys = [0, linear.b * w, linear.d * h, linear.b * w + linear.d * h];
  return { ...linear, e: rect.left - Math.min(...xs), f: rect.top - Math.min(...ys) };
}

/** A box in the field's own pixels, as the rectangle around it on the viewport. */
export function boundsOnViewport(
  m: Affine,
  box: { x: number; y: number; width: number; height: number },
): DOMRect {
  const corners = [
    apply(m, box.x, box.y),
    apply(m, box.x + box.width, box.y),
    apply(m, box.x, box.y + box.height),
    apply(m, box.x + box.width, box.y + box.height),
  ];
  const left = Math.min(...corners.map((p) => p.x));
  const top = Math.min(...corners.map((p) => p.y));
  return new DOMRect(
    left,
    top,
    Math.max(...corners.map((p) => p.x)) - left,
    Math.max(...corners.map((p) => p.y)) - top,
  );
}

/**
 * Where a box measured in a text control's mirror (relative to its unscrolled padding box, in
 * its own pixels) is on the viewport: the rectangle around it, for the card to sit beside.
 */
export function controlBoxOnViewport(
  field: HTMLTextAreaElement | HTMLInputElement,
  box: { x: number; y: number; width: number; height: number },
): DOMRect {
  const style = field.ownerDocument.defaultView!.getComputedStyle(field);
  return boundsOnViewport(fieldToViewport(field), {
    x: parseFloat(style.borderLeftWidth) + box.x - field.scrollLeft,
    y: parseFloat(style.borderTopWidth) + box.y - field.scrollTop,
    width: box.width,
    height: box.height,
  });
}
